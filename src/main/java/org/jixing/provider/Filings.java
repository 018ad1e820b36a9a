package org.jixing.provider;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.provider.internal.FiledBodyStore;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.PageResult;
import org.jixing.shared.RegionCode;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The filing of training providers and evaluation bodies: a region officer (or the
 * province) registers an application, the region approves or rejects it with a reason,
 * and later suspends, blacklists or reinstates the body. Every decision is one
 * transaction with an audit entry and a {@link FilingStatusChanged} event; concurrent
 * decisions on the same body are refused by its version.
 */
@Service
public class Filings {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    private final FiledBodyStore store;

    private final ReferenceCatalogue reference;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    Filings(FiledBodyStore store, ReferenceCatalogue reference, ScopeGuard guard, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.reference = reference;
        this.guard = guard;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A body the user may see, or a 404 (and an audited refusal) when it is out of scope.
     */
    @Transactional(readOnly = true)
    public FiledBody get(Registry registry, long id) {
        return guard.require(store.find(registry, id, ScopeSql.forCurrentUser(registry.scopeColumns())),
                registry.name(), id, () -> store.exists(registry, id));
    }

    @Transactional(readOnly = true)
    public List<StatusChange> history(Registry registry, long id) {
        get(registry, id);
        return store.history(id);
    }

    @Transactional(readOnly = true)
    public PageResult<FiledBody> search(Registry registry, BodyFilter filter, int page, int size) {
        BodyFilter f = filter.regionCode() != null && !RegionCode.isWellFormed(filter.regionCode())
                ? new BodyFilter(filter.status(), filter.kind(), null, filter.text(), filter.sort()) : filter;
        var scope = ScopeSql.forCurrentUser(registry.scopeColumns());
        return new PageResult<>(store.search(registry, f, scope, PageResult.offset(page, size), size), page, size,
                store.count(registry, f, scope));
    }

    /**
     * Bodies of one kind filed on a day: how many, how many of them are marked as
     * skill-master studios, and how many are public training bases (by kind).
     */
    public record Filed(long bodies, long skillMasterStudios, long publicTrainingBases) {
    }

    /**
     * The bodies of a registry filed on a day, by kind, every kind the registry takes
     * present: approved on or before that day (as the status history records it), still
     * filed at its end (not suspended, blacklisted) and the filing valid that day; in the
     * caller's scope (none for scopes the registry does not serve, such as departments).
     */
    @Transactional(readOnly = true)
    public Map<BodyKind, Filed> filedOn(Registry registry, LocalDate day) {
        Map<BodyKind, Filed> found = store.filedOn(registry, day, day.plusDays(1).atStartOfDay(CHINA).toInstant(),
                ScopeSql.forCurrentUser(registry.scopeColumns()));
        Map<BodyKind, Filed> all = new EnumMap<>(BodyKind.class);
        for (BodyKind k : BodyKind.kindsFor(registry)) {
            all.put(k, found.getOrDefault(k, new Filed(0, 0, 0)));
        }
        return all;
    }

    /** Unscoped: the names of bodies by id (for figures that name them), in one read. */
    @Transactional(readOnly = true)
    public Map<Long, String> names(Registry registry, Collection<Long> ids) {
        return store.names(registry, ids);
    }

    /**
     * Unscoped lookup for other modules' rules: is this provider active, filed and
     * allowed to train this occupation at this level today?
     */
    @Transactional(readOnly = true)
    public Optional<FiledBody> find(Registry registry, long id) {
        return store.find(registry, id);
    }

    /**
     * Registers an application (status pending). Region officers register bodies of their
     * own region; the province any.
     */
    @Transactional
    public FiledBody apply(Registry registry, FilingApplication application) {
        CurrentUser user = requireDecider();
        List<Problem> problems = validate(registry, application, user);
        String creditCode = UnifiedSocialCreditCode.normalize(application.creditCode());
        if (problems.isEmpty() && store.creditCodeTaken(registry, creditCode)) {
            problems.add(new Problem("creditCode", "provider.error.creditCode.taken"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var now = clock.instant();
        long id = store.insert(registry, application, creditCode, now);
        store.recordStatusChange(id, FilingStatus.PENDING, null, user.username(), now);
        FiledBody body = store.find(registry, id).orElseThrow();
        audit.record(AuditEvent.of(action(registry, "apply"), registry.name(), id, null, snapshot(body)));
        return body;
    }

    /**
     * Records a body filed and approved in the past, as a province brings over the
     * filings of the system it used before (and the demo its past): the same checks as an
     * application and an approval, except that the validity may lie in the past, with the
     * application and the approval recorded at the instants given, which must be in the
     * past and in that order. Only the province administrator records history.
     */
    @Transactional
    public FiledBody recordPast(Registry registry, FilingApplication application, String filingNo, LocalDate validFrom,
            LocalDate validUntil, Instant appliedAt, Instant approvedAt) {
        CurrentUser user = CurrentUser.require();
        if (!user.hasRole(Role.PROVINCE_ADMIN)) {
            throw new AccessDeniedException("recording past filings");
        }
        List<Problem> problems = validate(registry, application, user);
        String creditCode = UnifiedSocialCreditCode.normalize(application.creditCode());
        if (problems.isEmpty() && store.creditCodeTaken(registry, creditCode)) {
            problems.add(new Problem("creditCode", "provider.error.creditCode.taken"));
        }
        if (filingNo == null || filingNo.isBlank()) {
            problems.add(new Problem("filingNo", "provider.error.required"));
        }
        else if (store.filingNoTaken(registry, filingNo.strip(), 0)) {
            problems.add(new Problem("filingNo", "provider.error.filingNo.taken"));
        }
        if (validFrom == null || validUntil == null || validUntil.isBefore(validFrom)) {
            problems.add(new Problem("validUntil", "provider.error.validUntil.beforeFrom"));
        }
        if (appliedAt == null || approvedAt == null || approvedAt.isBefore(appliedAt)
                || approvedAt.isAfter(clock.instant())) {
            problems.add(new Problem("approvedAt", "provider.error.history.time"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store.insert(registry, application, creditCode, appliedAt);
        store.recordStatusChange(id, FilingStatus.PENDING, null, user.username(), appliedAt);
        store.changeStatus(id, 0, FilingStatus.ACTIVE, null, approvedAt, filingNo.strip(), validFrom, validUntil);
        store.recordStatusChange(id, FilingStatus.ACTIVE, null, user.username(), approvedAt);
        FiledBody body = store.find(registry, id).orElseThrow();
        Map<String, Object> after = snapshot(body);
        after.put("appliedAt", appliedAt.toString());
        after.put("approvedAt", approvedAt.toString());
        audit.record(AuditEvent.of(action(registry, "history.record"), registry.name(), id, null, after));
        return body;
    }

    /**
     * Applies a decision; refused with a message when the current status does not allow
     * it.
     */
    @Transactional
    public FiledBody decide(Registry registry, long id, FilingDecision decision) {
        CurrentUser user = decision instanceof FilingDecision.Suspend || decision instanceof FilingDecision.Blacklist
                ? requireSanctioner() : requireDecider();
        FiledBody body = get(registry, id);
        List<Problem> problems = new ArrayList<>();
        if (!decision.from().contains(body.status())) {
            problems.add(new Problem(null, "provider.error.transition",
                    new DefaultMessageSourceResolvable("provider.status." + body.status().name())));
        }
        else if (body.status() == FilingStatus.BLACKLISTED && !user.hasRole(Role.PROVINCE_ADMIN)) {
            problems.add(new Problem(null, "provider.error.blacklistProvinceOnly"));
        }
        if (decision instanceof FilingDecision.Approve a) {
            validateApproval(registry, id, a, problems);
        }
        else {
            requireReason(decision.reason(), problems);
        }
        FilingStatus to = decision.to();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (decision.version() != body.version()) {
            throw new OptimisticLockingFailureException(
                    "filed body " + id + " changed since version " + decision.version());
        }
        String reason = decision.reason() == null ? null : decision.reason().strip();
        var now = clock.instant();
        boolean changed = decision instanceof FilingDecision.Approve a ? store.changeStatus(id, decision.version(), to,
                null, now, a.filingNo().strip(), a.validFrom(), a.validUntil())
                : store.changeStatus(id, decision.version(), to, reason, now, null, null, null);
        if (!changed) {
            throw new OptimisticLockingFailureException("filed body " + id + " changed concurrently");
        }
        store.recordStatusChange(id, to, reason, user.username(), now);
        FiledBody after = store.find(registry, id).orElseThrow();
        audit.record(
                AuditEvent.of(action(registry, decision.verb()), registry.name(), id, snapshot(body), snapshot(after)));
        events.publishEvent(new FilingStatusChanged(registry, id, body.status(), to, reason));
        return after;
    }

    private static String action(Registry registry, String verb) {
        return (registry == Registry.PROVIDER ? "provider." : "evaluationBody.") + verb;
    }

    private static CurrentUser requireDecider() {
        CurrentUser user = CurrentUser.require();
        if (!ProviderPermission.BODY_DECIDE.allows(user)) {
            throw new AccessDeniedException("only region officers and the province decide filings");
        }
        return user;
    }

    /** Suspending and blacklisting: the deciders, and inspectors closing a case. */
    private static CurrentUser requireSanctioner() {
        CurrentUser user = CurrentUser.require();
        if (!ProviderPermission.BODY_SANCTION.allows(user)) {
            throw new AccessDeniedException("only region officers, inspectors and the province sanction filings");
        }
        return user;
    }

    private static void requireReason(String reason, List<Problem> problems) {
        if (reason == null || reason.isBlank()) {
            problems.add(new Problem("reason", "provider.error.reason.required"));
        }
        else if (reason.strip().length() > 500) {
            problems.add(new Problem("reason", "provider.error.tooLong", 500));
        }
    }

    private void validateApproval(Registry registry, long id, FilingDecision.Approve a, List<Problem> problems) {
        if (a.filingNo() == null || a.filingNo().isBlank()) {
            problems.add(new Problem("filingNo", "provider.error.required"));
        }
        else if (a.filingNo().strip().length() > 40) {
            problems.add(new Problem("filingNo", "provider.error.tooLong", 40));
        }
        else if (store.filingNoTaken(registry, a.filingNo().strip(), id)) {
            problems.add(new Problem("filingNo", "provider.error.filingNo.taken"));
        }
        if (a.validFrom() == null) {
            problems.add(new Problem("validFrom", "provider.error.required"));
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        if (a.validUntil() == null) {
            problems.add(new Problem("validUntil", "provider.error.required"));
        }
        else if (a.validFrom() != null && a.validUntil().isBefore(a.validFrom())) {
            problems.add(new Problem("validUntil", "provider.error.validUntil.beforeFrom"));
        }
        else if (a.validUntil().isBefore(today)) {
            problems.add(new Problem("validUntil", "provider.error.validUntil.past"));
        }
    }

    private List<Problem> validate(Registry registry, FilingApplication a, CurrentUser user) {
        List<Problem> problems = new ArrayList<>();
        if (a.kind() == null) {
            problems.add(new Problem("kind", "provider.error.required"));
        }
        else if (!a.kind().allowedIn(registry)) {
            problems.add(new Problem("kind", "provider.error.kind.notAllowed"));
        }
        else if (a.publicTrainingBase() != null && a.publicTrainingBase() != a.filesAsPublicTrainingBase()) {
            // The kind is the one source of the public training base figure.
            problems.add(new Problem("publicTrainingBase", "provider.error.publicTrainingBase.kind"));
        }
        text("name", a.name(), 200, problems);
        if (a.creditCode() == null || a.creditCode().isBlank()) {
            problems.add(new Problem("creditCode", "provider.error.required"));
        }
        else if (!UnifiedSocialCreditCode.isValid(UnifiedSocialCreditCode.normalize(a.creditCode()))) {
            problems.add(new Problem("creditCode", "provider.error.creditCode.invalid"));
        }
        if (a.regionCode() == null || a.regionCode().isBlank()) {
            problems.add(new Problem("regionCode", "provider.error.required"));
        }
        else if (reference.region(a.regionCode()).isEmpty()
                || reference.region(a.regionCode()).get().level() == RegionCode.Level.PROVINCE) {
            problems.add(new Problem("regionCode", "provider.error.region.unknown"));
        }
        else if (!user.scope().coversRegion(a.regionCode())) {
            problems.add(new Problem("regionCode", "provider.error.region.outOfScope"));
        }
        text("address", a.address(), 300, problems);
        text("legalRepresentative", a.legalRepresentative(), 60, problems);
        text("contactName", a.contactName(), 60, problems);
        if (a.contactPhone() == null || a.contactPhone().isBlank()) {
            problems.add(new Problem("contactPhone", "provider.error.required"));
        }
        else if (!PHONE.matcher(a.contactPhone().strip()).matches()) {
            problems.add(new Problem("contactPhone", "provider.error.phone.invalid"));
        }
        if (a.capacity() == null) {
            problems.add(new Problem("capacity", "provider.error.required"));
        }
        else if (a.capacity() < 1 || a.capacity() > 100_000) {
            problems.add(new Problem("capacity", "provider.error.capacity.range", 1, 100_000));
        }
        if (a.permits().isEmpty()) {
            problems.add(new Problem("permits", "provider.error.permits.empty"));
        }
        for (Permit p : a.permits()) {
            if (reference.occupation(p.occupationCode()).filter(o -> o.active()).isEmpty()) {
                problems.add(new Problem("permits", "provider.error.permits.occupation", p.occupationCode()));
            }
            if (reference.skillLevels().stream().noneMatch(l -> l.code().equals(p.levelCode()))) {
                problems.add(new Problem("permits", "provider.error.permits.level", p.levelCode()));
            }
        }
        if (a.permits().stream().distinct().count() != a.permits().size()) {
            problems.add(new Problem("permits", "provider.error.permits.duplicate"));
        }
        return problems;
    }

    private static void text(String field, String value, int max, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "provider.error.required"));
        }
        else if (value.strip().length() > max) {
            problems.add(new Problem(field, "provider.error.tooLong", max));
        }
    }

    private static Map<String, Object> snapshot(FiledBody b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", b.kind().name());
        m.put("name", b.name());
        m.put("creditCode", b.creditCode());
        m.put("regionCode", b.regionCode());
        m.put("capacity", b.capacity());
        m.put("status", b.status().name());
        m.put("statusReason", b.statusReason());
        m.put("filingNo", b.filingNo());
        m.put("filingValidFrom", b.filingValidFrom() == null ? null : b.filingValidFrom().toString());
        m.put("filingValidUntil", b.filingValidUntil() == null ? null : b.filingValidUntil().toString());
        m.put("permits", b.permits().stream().map(p -> p.occupationCode() + "/" + p.levelCode()).toList());
        return m;
    }

}
