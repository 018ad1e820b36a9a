package org.jixing.certification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.certification.internal.CertificateStore;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.reference.Occupation;
import org.jixing.reference.SkillLevel;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing a certificate of the eight-level ladder: on an assessment, an enterprise's
 * evaluation or direct recognition, or recorded from a previous system. It checks the
 * person, occupation, level, evaluating body and the ladder (the level below held first,
 * unless directly recognised; 特级技师 and 首席技师 never on an assessment), gives the
 * certificate its number and a signed token for the QR code, and audits it.
 */
@Service
public class CertificateIssuing {

    private final CertificateStore store;

    private final Certificates certificates;

    private final CertificateSignatures signatures;

    private final People people;

    private final Filings filings;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    CertificateIssuing(CertificateStore store, Certificates certificates, CertificateSignatures signatures,
            People people, Filings filings, AuditTrail audit, ApplicationEventPublisher events) {
        this.store = store;
        this.certificates = certificates;
        this.signatures = signatures;
        this.people = people;
        this.filings = filings;
        this.audit = audit;
        this.events = events;
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
                : certificates.occupation(r.occupationCode());
        if (occupation.isEmpty()) {
            problems.add(new Problem("occupationCode", "certificates.error.occupation.unknown"));
        }
        Optional<SkillLevel> level = certificates.level(r.levelCode());
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
        LocalDate issuedOn = r.issuedOn() == null ? certificates.today() : r.issuedOn();
        if (issuedOn.isAfter(certificates.today())) {
            problems.add(new Problem("issuedOn", "certificates.error.issuedOn.future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SkillLevel lvl = level.get();
        if (r.route() == CertificateRoute.ASSESSMENT && !body.get().permits(r.occupationCode(), r.levelCode())) {
            problems.add(new Problem("evaluationBodyId", "certificates.error.body.permit"));
        }
        if (certificates.isTop(lvl) && r.route() == CertificateRoute.ASSESSMENT) {
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
            certificates.prerequisite(lvl)
                .filter(p -> !held.contains(p.code()))
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
        String holder = person.get().name();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("no", number);
        payload.put("name", HolderNames.mask(holder));
        payload.put("occ", occupation.get().code());
        payload.put("occName", occupation.get().nameZh());
        payload.put("lvl", lvl.code());
        payload.put("lvlName", lvl.nameZh());
        payload.put("body", b.name());
        payload.put("date", issuedOn.toString());
        CertificateSignatures.Signed signed = signatures.sign(payload);
        long id;
        try {
            id = store.insert(new CertificateStore.NewCertificate(number, r.personId(), holder, r.occupationCode(),
                    lvl.code(), b.id(), b.name(), region, issuedOn, r.route(), r.batchId(), r.resultId(),
                    signed.keyId(), signed.payload(), signed.signature(), issuer, signed.at()));
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
        return store.find(id, ScopeSql.UNSCOPED).orElseThrow();
    }

}
