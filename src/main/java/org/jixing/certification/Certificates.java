package org.jixing.certification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.certification.Verification.Outcome;
import org.jixing.certification.internal.CertificateSigner;
import org.jixing.certification.internal.CertificateStore;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.reference.Occupation;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.SkillLevel;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Certificates of the eight-level ladder: issued (on an assessment, an enterprise's
 * evaluation or direct recognition) with a number and a signed token for the QR code,
 * revoked with a reason, verified by anyone. A level is certified only after the level
 * below it in the same occupation (初级工 and 学徒工 need none) unless directly recognised;
 * 特级技师 and 首席技师 come only from an enterprise's evaluation or direct recognition (or
 * imported from a previous system). See docs/certificates.md.
 */
@Service
public class Certificates {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CertificateStore store;

    private final CertificateSigner signer;

    private final People people;

    private final Filings filings;

    private final ReferenceCatalogue catalogue;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final JsonMapper json;

    private final Clock clock;

    private final String publicUrl;

    Certificates(CertificateStore store, CertificateSigner signer, People people, Filings filings,
            ReferenceCatalogue catalogue, ScopeGuard guard, AuditTrail audit, ApplicationEventPublisher events,
            JsonMapper json, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${jixing.certification.public-url:http://localhost:8080}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.store = store;
        this.signer = signer;
        this.people = people;
        this.filings = filings;
        this.catalogue = catalogue;
        this.guard = guard;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What the QR code of a certificate holds: the public verification address with the
     * signed token, so a phone's camera opens the check and an offline reader takes the
     * token from it.
     */
    public String qrText(Certificate c) {
        return publicUrl + "/verify?token=" + c.token();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /**
     * Issues a certificate: the province administrator, or an evaluator of the body that
     * evaluated.
     */
    @Transactional
    public Certificate issue(CertificateRequest request) {
        CurrentUser me = CurrentUser.require();
        boolean ownBody = me.hasRole(Role.EVALUATOR) && me.scope().kind() == ScopeKind.EVALUATION_BODY
                && me.scope().ref().equals(String.valueOf(request.evaluationBodyId()));
        if (!me.hasRole(Role.PROVINCE_ADMIN) && !ownBody) {
            throw new AccessDeniedException("the province or the evaluating body issues certificates");
        }
        return doIssue(request, me.username(), null, false);
    }

    /**
     * Issues a certificate without a signed-in user, for event listeners (an assessment
     * result becoming final): the issuer names the process for the audit trail. Every
     * rule applies as in {@link #issue}.
     */
    @Transactional
    public Certificate issueAs(String issuer, CertificateRequest request) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("issuer required");
        }
        return doIssue(request, issuer, issuer, false);
    }

    /**
     * Records a certificate issued by a previous system (route IMPORTED, its original
     * date): the province administrator only. The ladder applies.
     */
    @Transactional
    public Certificate recordPast(CertificateRequest request) {
        CurrentUser me = CurrentUser.require();
        if (!me.hasRole(Role.PROVINCE_ADMIN)) {
            throw new AccessDeniedException("the province imports past certificates");
        }
        if (request.issuedOn() == null) {
            throw InvalidInputException.of("issuedOn", "certificates.error.required");
        }
        return doIssue(new CertificateRequest(request.personId(), request.occupationCode(), request.levelCode(),
                request.evaluationBodyId(), CertificateRoute.IMPORTED, request.batchId(), request.resultId(),
                request.issuedOn()), me.username(), null, true);
    }

    private Certificate doIssue(CertificateRequest r, String issuer, String actor, boolean imported) {
        List<Problem> problems = new ArrayList<>();
        Optional<Person> person = people.find(r.personId());
        if (person.isEmpty()) {
            problems.add(new Problem("personId", "certificates.error.person.unknown"));
        }
        Optional<Occupation> occupation = r.occupationCode() == null ? Optional.empty()
                : catalogue.occupation(r.occupationCode());
        if (occupation.isEmpty()) {
            problems.add(new Problem("occupationCode", "certificates.error.occupation.unknown"));
        }
        Optional<SkillLevel> level = level(r.levelCode());
        if (level.isEmpty()) {
            problems.add(new Problem("levelCode", "certificates.error.level.unknown"));
        }
        Optional<FiledBody> body = filings.find(Registry.EVALUATION_BODY, r.evaluationBodyId());
        if (body.isEmpty()) {
            problems.add(new Problem("evaluationBodyId", "certificates.error.body.unknown"));
        }
        if (r.route() == null) {
            problems.add(new Problem("route", "certificates.error.required"));
        }
        else if (r.route() == CertificateRoute.IMPORTED && !imported) {
            problems.add(new Problem("route", "certificates.error.route.imported"));
        }
        LocalDate issuedOn = r.issuedOn() == null ? today() : r.issuedOn();
        if (issuedOn.isAfter(today())) {
            problems.add(new Problem("issuedOn", "certificates.error.issuedOn.future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SkillLevel lvl = level.get();
        if (r.route() == CertificateRoute.ASSESSMENT && !body.get().permits(r.occupationCode(), r.levelCode())) {
            problems.add(new Problem("evaluationBodyId", "certificates.error.body.permit"));
        }
        if (isTop(lvl) && r.route() == CertificateRoute.ASSESSMENT) {
            problems.add(new Problem("route", "certificates.error.level.topRoute", lvl.nameZh(), lvl.nameEn()));
        }
        List<String> held = store.validLevels(r.personId(), r.occupationCode());
        if (held.contains(lvl.code())) {
            problems.add(new Problem("levelCode", "certificates.error.already", lvl.nameZh(), lvl.nameEn()));
        }
        else if (r.route() != CertificateRoute.DIRECT_RECOGNITION && r.resultId() == null) {
            // A result of an assessment batch needs no second check: its candidate was
            // admitted against the prerequisite rules (the level below held here, or
            // declared with evidence of a certificate from elsewhere).
            prerequisite(lvl).filter(p -> !held.contains(p.code()))
                .ifPresent(p -> problems
                    .add(new Problem("levelCode", "certificates.error.ladder", p.nameZh(), p.nameEn())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        FiledBody b = body.get();
        String region = b.regionCode();
        int seq = store.nextSequence(region, issuedOn.getYear());
        String number = CertificateNumbers.format(region, issuedOn.getYear(), lvl.rank(), seq);
        CertificateSigner.Loaded key = signer.current();
        Instant now = clock.instant();
        store.publish(key.keyId(), CertificateSigner.ALGORITHM, key.publicKey(), now);
        String holder = person.get().name();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kid", key.keyId());
        payload.put("no", number);
        payload.put("name", HolderNames.mask(holder));
        payload.put("occ", occupation.get().code());
        payload.put("occName", occupation.get().nameZh());
        payload.put("lvl", lvl.code());
        payload.put("lvlName", lvl.nameZh());
        payload.put("body", b.name());
        payload.put("date", issuedOn.toString());
        String encoded = CertificateTokens.encode(json.writeValueAsString(payload));
        String signature = signer.sign(key, CertificateTokens.PREFIX + "." + encoded);
        long id;
        try {
            id = store.insert(new CertificateStore.NewCertificate(number, r.personId(), holder, r.occupationCode(),
                    lvl.code(), b.id(), b.name(), region, issuedOn, r.route(), r.batchId(), r.resultId(), key.keyId(),
                    encoded, signature, issuer, now));
        }
        catch (DuplicateKeyException raced) {
            throw InvalidInputException.of("levelCode", "certificates.error.already", lvl.nameZh(), lvl.nameEn());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("number", number);
        after.put("personId", r.personId());
        after.put("occupation", r.occupationCode());
        after.put("level", lvl.code());
        after.put("body", b.id());
        after.put("route", r.route().name());
        after.put("issuedOn", issuedOn.toString());
        audit.record(new AuditEvent(imported ? "certification.certificate.import" : "certification.certificate.issue",
                "certificate", String.valueOf(id), null, after, actor));
        events.publishEvent(new CertificateIssued(id, number, r.personId(), r.occupationCode(), lvl.code(), b.id(),
                region, issuedOn, r.route(), r.batchId(), r.resultId()));
        return store.find(id, all()).orElseThrow();
    }

    /**
     * Revokes a certificate at once: the province administrator or an evaluator of the
     * issuing body, with a reason and details.
     */
    @Transactional
    public Certificate revoke(String number, RevocationReason reason, String details) {
        CurrentUser me = CurrentUser.require();
        if (!CertificationPermission.CERTIFICATE_ISSUE.allows(me)) {
            throw new AccessDeniedException("the province or the issuing body revokes certificates");
        }
        Certificate c = byNumber(number);
        List<Problem> problems = new ArrayList<>();
        if (!c.valid()) {
            problems.add(new Problem(null, "certificates.error.revoked"));
        }
        if (reason == null) {
            problems.add(new Problem("reason", "certificates.error.required"));
        }
        if (details == null || details.isBlank()) {
            problems.add(new Problem("details", "certificates.error.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        if (!store.revoke(c.id(), c.version(), reason, details.strip(), me.username(), now)) {
            throw new OptimisticLockingFailureException("certificate " + number + " changed meanwhile");
        }
        audit.record(AuditEvent.of("certification.certificate.revoke", "certificate", c.id(),
                Map.of("status", c.status().name()), Map.of("status", CertificateStatus.REVOKED.name(), "reason",
                        reason.name(), "details", details.strip())));
        events.publishEvent(new CertificateRevoked(c.id(), c.number(), c.personId(), c.occupationCode(), c.levelCode(),
                c.regionCode(), c.issuedOn(), now, reason));
        return store.find(c.id(), all()).orElseThrow();
    }

    /** A certificate in the caller's scope, or 404. */
    @Transactional(readOnly = true)
    public Certificate get(long id) {
        return guard.require(store.find(id, ScopeSql.forCurrentUser(CertificateStore.SCOPE)), "certificate", id,
                () -> store.exists(id));
    }

    /** A certificate by its number in the caller's scope, or 404. */
    @Transactional(readOnly = true)
    public Certificate byNumber(String number) {
        String n = number == null ? "" : number.strip().toUpperCase();
        return guard.require(store.findByNumber(n, ScopeSql.forCurrentUser(CertificateStore.SCOPE)), "certificate", n,
                () -> store.existsNumber(n));
    }

    @Transactional(readOnly = true)
    public PageResult<Certificate> search(CertificateFilter filter, int page, int size) {
        CertificateStore.Page p = store.search(filter == null ? CertificateFilter.none() : filter,
                ScopeSql.forCurrentUser(CertificateStore.SCOPE), page, size);
        return new PageResult<>(p.rows(), page, size, p.total());
    }

    /**
     * The levels of an occupation a person holds a valid certificate of (unscoped: for
     * the prerequisites of an assessment).
     */
    @Transactional(readOnly = true)
    public List<String> validLevels(long personId, String occupationCode) {
        return store.validLevels(personId, occupationCode);
    }

    /**
     * Of the given people, those who hold a valid certificate of the occupation and level
     * issued on or after the day: for a subsidy paid on a certificate earned after the
     * training began. Says only yes or no of each, so it needs no scope.
     */
    @Transactional(readOnly = true)
    public java.util.Set<Long> holders(java.util.Collection<Long> personIds, String occupationCode, String levelCode,
            LocalDate since) {
        return store.holders(personIds, occupationCode, levelCode, since);
    }

    /**
     * A person's certificates (their ladder and history, revoked ones included) as far as
     * the caller's scope shows them.
     */
    @Transactional(readOnly = true)
    public List<Certificate> ofPerson(long personId) {
        return store.ofPerson(personId, ScopeSql.forCurrentUser(CertificateStore.SCOPE));
    }

    /** The signed-in trainee's own certificates. */
    @Transactional(readOnly = true)
    public List<Certificate> mine() {
        CurrentUser me = CurrentUser.require();
        if (me.scope().kind() != ScopeKind.PERSON || !me.scope().ref().matches("\\d{1,18}")) {
            return List.of();
        }
        return ofPerson(Long.parseLong(me.scope().ref()));
    }

    /** Whether the signed-in user may revoke this certificate. */
    public boolean mayRevoke(Certificate c) {
        return c.valid() && CurrentUser.current()
            .map(u -> u.hasRole(Role.PROVINCE_ADMIN)
                    || (u.hasRole(Role.EVALUATOR) && u.scope().ref().equals(String.valueOf(c.evaluationBodyId()))))
            .orElse(false);
    }

    /** Public: what a certificate number stands for, with the holder masked. */
    @Transactional(readOnly = true)
    public Verification verify(String number) {
        String n = number == null ? "" : number.strip().toUpperCase();
        if (!CertificateNumbers.wellFormed(n)) {
            return Verification.of(Outcome.UNKNOWN, n);
        }
        return store.findByNumber(n, all()).map(Verification::of).orElse(Verification.of(Outcome.UNKNOWN, n));
    }

    /**
     * Public: checks a scanned token's signature against the published key it names, then
     * the certificate's status. An altered or forged token is INVALID.
     */
    @Transactional(readOnly = true)
    public Verification verifyToken(String token) {
        Optional<CertificateTokens.Parts> parts = CertificateTokens.parse(token);
        if (parts.isEmpty()) {
            return Verification.of(Outcome.INVALID, null);
        }
        JsonNode payload;
        try {
            payload = json.readTree(parts.get().json());
        }
        catch (RuntimeException ex) {
            return Verification.of(Outcome.INVALID, null);
        }
        String kid = payload.path("kid").asString("");
        String number = payload.path("no").asString("");
        Optional<SigningKey> key = store.key(kid);
        if (key.isEmpty() || !CertificateTokens.verify(parts.get(), key.get().publicKey())) {
            return Verification.of(Outcome.INVALID, null);
        }
        return verify(number);
    }

    /** Public: every key that has signed certificates, retired ones included. */
    @Transactional(readOnly = true)
    public List<SigningKey> keys() {
        return store.keys();
    }

    /**
     * Rotates the signing key (province administrator): a new key signs from now on, the
     * old one is retired but stays published, so what it signed still verifies.
     */
    @Transactional
    public SigningKey rotateKey() {
        CurrentUser me = CurrentUser.require();
        if (!CertificationPermission.KEY_ROTATE.allows(me)) {
            throw new AccessDeniedException("the province rotates the signing key");
        }
        String before = signer.current().keyId();
        CertificateSigner.Loaded key = signer.rotate();
        store.publish(key.keyId(), CertificateSigner.ALGORITHM, key.publicKey(), clock.instant());
        audit.record(AuditEvent.of("certification.key.rotate", "signing_key", key.keyId(), Map.of("keyId", before),
                Map.of("keyId", key.keyId())));
        return store.key(key.keyId()).orElseThrow();
    }

    /** The signing key currently in use (published on first use). */
    @Transactional
    public SigningKey currentKey() {
        CertificateSigner.Loaded key = signer.current();
        store.publish(key.keyId(), CertificateSigner.ALGORITHM, key.publicKey(), clock.instant());
        return store.key(key.keyId()).orElseThrow();
    }

    /** The levels in rank order. */
    public List<SkillLevel> levels() {
        return catalogue.skillLevels().stream().sorted(Comparator.comparingInt(SkillLevel::rank)).toList();
    }

    public Optional<SkillLevel> level(String code) {
        return code == null ? Optional.empty()
                : catalogue.skillLevels().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** The rank of the entry level of the graded ladder (初级工, grade 5). */
    private int entryRank() {
        return catalogue.skillLevels()
            .stream()
            .filter(l -> l.grade() != null)
            .mapToInt(SkillLevel::rank)
            .min()
            .orElse(1);
    }

    /** The level one must hold first: the one directly below, from 中级工 up. */
    public Optional<SkillLevel> prerequisite(SkillLevel level) {
        if (level.rank() <= entryRank()) {
            return Optional.empty();
        }
        return catalogue.skillLevels().stream().filter(l -> l.rank() == level.rank() - 1).findFirst();
    }

    /** 特级技师 and 首席技师: above the graded ladder. */
    public boolean isTop(SkillLevel level) {
        return level.grade() == null && level.rank() > entryRank();
    }

    private static ScopeSql.Clause all() {
        return ScopeSql.UNSCOPED;
    }

}
