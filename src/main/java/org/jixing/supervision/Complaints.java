package org.jixing.supervision;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.shared.throttle.Throttle;
import org.jixing.shared.throttle.ThrottlePolicy;
import org.jixing.supervision.internal.ComplaintStore;
import org.jixing.training.ClassOpenings;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints and reports about providers and their classes: filed by signed-in trainees
 * or by the public (throttled per caller, a contact required), read and decided by
 * inspectors in their scope (the provider's city), a case opened from one; a provider's
 * counts by decision for its quality score.
 */
@Service
public class Complaints {

    /** The public form: at most 5 complaints per caller, one more every 10 minutes. */
    static final ThrottlePolicy PUBLIC = new ThrottlePolicy(5, Duration.ofMinutes(10));

    private final ComplaintStore store;

    private final Filings filings;

    private final ClassOpenings classes;

    private final Cases cases;

    private final Throttle throttle;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final Clock clock;

    Complaints(ComplaintStore store, Filings filings, ClassOpenings classes, Cases cases, Throttle throttle,
            ScopeGuard guard, AuditTrail audit, Clock clock) {
        this.store = store;
        this.filings = filings;
        this.classes = classes;
        this.cases = cases;
        this.throttle = throttle;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    /** A signed-in trainee's complaint; the contact defaults to the trainee's account. */
    @Transactional
    public Complaint fileAsTrainee(NewComplaint n) {
        CurrentUser me = CurrentUser.require();
        if (!SupervisionPermission.COMPLAINT_FILE.allows(me) || me.scope().kind() != ScopeKind.PERSON) {
            throw new AccessDeniedException("trainees file complaints");
        }
        String contact = n.contact() == null || n.contact().isBlank() ? me.username() : n.contact();
        return file(Complaint.Source.TRAINEE, Long.parseLong(me.scope().ref()),
                new NewComplaint(n.providerId(), n.classId(), n.details(), contact), me.username());
    }

    /**
     * A complaint from the public form: throttled per caller ({@code callerKey}, e.g. the
     * address), a contact required.
     */
    @Transactional
    public Complaint filePublic(NewComplaint n, String callerKey) {
        throttle.require("public-complaint", "public-complaint:" + callerKey,
                throttle.policy("public-complaint", PUBLIC));
        return file(Complaint.Source.PUBLIC, null, n, "public");
    }

    private Complaint file(Complaint.Source source, Long personId, NewComplaint n, String by) {
        List<Problem> problems = new ArrayList<>();
        FiledBody provider = n.providerId() == null ? null
                : filings.find(Registry.PROVIDER, n.providerId()).orElse(null);
        if (provider == null) {
            problems.add(new Problem("providerId", "supervision.error.complaint.provider"));
        }
        else if (n.classId() != null && !classes.providerOf(n.classId()).map(p -> p == provider.id()).orElse(false)) {
            problems.add(new Problem("classId", "supervision.error.complaint.class"));
        }
        if (n.details() == null || n.details().isBlank()) {
            problems.add(new Problem("details", "supervision.error.required"));
        }
        else if (n.details().strip().length() > 2000) {
            problems.add(new Problem("details", "supervision.error.tooLong"));
        }
        if (n.contact() == null || n.contact().isBlank()) {
            problems.add(new Problem("contact", "supervision.error.complaint.contact"));
        }
        else if (n.contact().strip().length() > 100) {
            problems.add(new Problem("contact", "supervision.error.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store.insert(source, personId, n.contact().strip(), provider.id(), n.classId(), provider.regionCode(),
                n.details().strip(), clock.instant());
        Complaint c = store.find(id, ScopeSql.UNSCOPED).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("source", source.name());
        after.put("by", by);
        after.put("provider", provider.id());
        after.put("class", n.classId() == null ? "" : n.classId());
        audit
            .record(AuditEvent.of("supervision.complaint.file", "supervision_complaint", c.complaintNo(), null, after));
        return c;
    }

    /** A complaint in the reader's scope, or 404. */
    @Transactional(readOnly = true)
    public Complaint get(long id) {
        Cases.requireReader();
        return guard.require(store.find(id, ScopeSql.forCurrentUser(ComplaintStore.SCOPE)), "supervision_complaint", id,
                () -> store.exists(id));
    }

    @Transactional(readOnly = true)
    public PageResult<Complaint> search(Complaint.Status status, Long providerId, int page, int size) {
        Cases.requireReader();
        ScopeSql.Clause scope = ScopeSql.forCurrentUser(ComplaintStore.SCOPE);
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 200);
        return new PageResult<>(store.search(status, providerId, scope, PageResult.offset(p, s), s), p, s,
                store.count(status, providerId, scope));
    }

    /** Decides a complaint UPHELD or NOT_UPHELD with a reason, once. */
    @Transactional
    public Complaint decide(long id, int version, Complaint.Status to, String reason) {
        CurrentUser me = Cases.requireWorker();
        Complaint c = get(id);
        List<Problem> problems = new ArrayList<>();
        if (c.status() != Complaint.Status.RECEIVED) {
            problems.add(new Problem(null, "supervision.error.complaint.decided"));
        }
        if (to == null || to == Complaint.Status.RECEIVED) {
            problems.add(new Problem("status", "supervision.error.required"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new Problem("reason", "supervision.error.reason"));
        }
        else if (reason.strip().length() > 1000) {
            problems.add(new Problem("reason", "supervision.error.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!store.decide(id, version, to, reason.strip(), me.username(), clock.instant())) {
            throw InvalidInputException.of(null, "supervision.error.concurrent");
        }
        audit.record(AuditEvent.of("supervision.complaint.decide", "supervision_complaint", c.complaintNo(),
                Map.of("status", c.status().name()), Map.of("status", to.name(), "reason", reason.strip())));
        return get(id);
    }

    /** Opens a case about the complaint's provider from it (once). */
    @Transactional
    public SupervisionCase openCase(long id, String summary, String assignee) {
        Cases.requireWorker();
        Complaint c = get(id);
        if (c.caseId() != null) {
            throw InvalidInputException.of(null, "supervision.error.complaint.hasCase");
        }
        SupervisionCase opened = cases.open(new NewCase(SubjectKind.PROVIDER, c.providerId(), List.of(),
                CaseOrigin.COMPLAINT, c.id(), summary, assignee));
        if (!store.linkCase(id, opened.id())) {
            throw InvalidInputException.of(null, "supervision.error.concurrent");
        }
        return opened;
    }

    /**
     * Unscoped, for the provider quality score: a provider's complaints received, upheld
     * and not upheld.
     */
    @Transactional(readOnly = true)
    public ComplaintCounts counts(long providerId) {
        return store.counts(providerId);
    }

}
