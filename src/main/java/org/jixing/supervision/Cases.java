package org.jixing.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.jixing.shared.ProvinceTime;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.supervision.internal.AlertStore;
import org.jixing.supervision.internal.CaseStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision cases: opened from live alerts about one subject (they become IN_CASE),
 * from a complaint or from a visit; worked with tasks; read within the reader's scope (a
 * case of another city is not found). Findings and their attachments are
 * {@link CaseFindings}; the outcome and the sanction ladder {@link CaseOutcomes}.
 */
@Service
public class Cases {

    private final CaseStore store;

    private final AlertStore alertStore;

    private final Alerts alerts;

    private final Filings filings;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final Clock clock;

    Cases(CaseStore store, AlertStore alertStore, Alerts alerts, Filings filings, ScopeGuard guard, AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.alertStore = alertStore;
        this.alerts = alerts;
        this.filings = filings;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens a case: by an inspector (or the province administrator) whose scope covers
     * the subject. From alerts: each live (OPEN), in scope, and about the subject (or,
     * for a provider or body, raised on one of its records); they become IN_CASE. From a
     * complaint or a visit: a provider or evaluation body in scope. Refused with the
     * reasons, nothing written.
     */
    @Transactional
    public SupervisionCase open(NewCase n) {
        CurrentUser me = requireWorker();
        List<Problem> problems = new ArrayList<>();
        if (n.subjectKind() == null || !List.of(SubjectKind.PROVIDER, SubjectKind.EVALUATION_BODY, SubjectKind.PERSON)
            .contains(n.subjectKind())) {
            problems.add(new Problem("subjectKind", "supervision.error.case.subjectKind"));
        }
        if (n.subjectId() == null) {
            problems.add(new Problem("subjectId", "supervision.error.required"));
        }
        if (n.origin() == null) {
            problems.add(new Problem("origin", "supervision.error.required"));
        }
        if (n.summary() == null || n.summary().isBlank()) {
            problems.add(new Problem("summary", "supervision.error.required"));
        }
        else if (n.summary().strip().length() > 1000) {
            problems.add(new Problem("summary", "supervision.error.tooLong"));
        }
        String assignee = n.assignee() == null || n.assignee().isBlank() ? me.username() : n.assignee().strip();
        if (assignee.length() > 64) {
            problems.add(new Problem("assignee", "supervision.error.tooLong"));
        }
        List<Long> alertIds = n.alertIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(n.alertIds()));
        if (n.origin() == CaseOrigin.ALERTS && alertIds.isEmpty()) {
            problems.add(new Problem("alertIds", "supervision.error.case.noAlerts"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SubjectKind kind = n.subjectKind();
        long subjectId = n.subjectId();
        // Out-of-scope alerts and subjects are not found (404), before anything else.
        List<Alert> gathered = alertIds.stream().map(alerts::get).toList();
        FiledBody filing = kind == SubjectKind.PERSON ? null : filings.get(registry(kind), subjectId);
        for (Alert a : gathered) {
            if (a.status() != AlertStatus.OPEN) {
                problems.add(new Problem("alertIds", "supervision.error.case.alertNotOpen", a.alertNo()));
            }
            else if (!about(a, kind, subjectId)) {
                problems.add(new Problem("alertIds", "supervision.error.case.otherSubject", a.alertNo()));
            }
        }
        if (kind == SubjectKind.PERSON && gathered.isEmpty()) {
            problems.add(new Problem("alertIds", "supervision.error.case.noAlerts"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Alert first = gathered.isEmpty() ? null : gathered.get(0);
        String region = filing != null ? filing.regionCode() : first.regionCode();
        String line = first == null ? null : first.lineCode();
        Long providerId = kind == SubjectKind.PROVIDER ? Long.valueOf(subjectId)
                : first == null ? null : first.providerId();
        Long bodyId = kind == SubjectKind.EVALUATION_BODY ? Long.valueOf(subjectId)
                : first == null ? null : first.bodyId();
        String label = filing != null ? filing.name() : first.subjectLabel();
        if (!me.scope().coversRegion(region)) {
            throw new RecordNotFoundException(kind.name(), subjectId);
        }
        Instant now = clock.instant();
        long id = store.insert(new CaseStore.Row(kind, subjectId, label, region, line, providerId, bodyId, n.origin(),
                n.originRef(), n.summary().strip(), assignee), me.username(), now);
        if (alertStore.attachToCase(alertIds, id) != alertIds.size()) {
            throw InvalidInputException.of("alertIds", "supervision.error.concurrent");
        }
        SupervisionCase c = get(id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("subject", kind.name() + ":" + subjectId);
        after.put("origin", n.origin().name());
        after.put("alerts", gathered.stream().map(Alert::alertNo).toList());
        after.put("assignee", assignee);
        after.put("summary", c.summary());
        audit.record(AuditEvent.of("supervision.case.open", "supervision_case", c.caseNo(), null, after));
        return c;
    }

    /** A case in the reader's scope, or 404. */
    @Transactional(readOnly = true)
    public SupervisionCase get(long id) {
        requireReader();
        return guard.require(store.find(id, ScopeSql.forCurrentUser(CaseStore.SCOPE)), "supervision_case", id,
                () -> store.exists(id));
    }

    @Transactional(readOnly = true)
    public PageResult<SupervisionCase> search(CaseFilter filter, int page, int size) {
        requireReader();
        ScopeSql.Clause scope = ScopeSql.forCurrentUser(CaseStore.SCOPE);
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 200);
        return new PageResult<>(store.search(filter, scope, PageResult.offset(p, s), s), p, s,
                store.count(filter, scope));
    }

    /** The alerts a case gathered. */
    @Transactional(readOnly = true)
    public List<Alert> alerts(long id) {
        get(id);
        return alertStore.ofCase(id);
    }

    @Transactional(readOnly = true)
    public List<CaseTask> tasks(long id) {
        get(id);
        return store.tasks(id);
    }

    /** Adds a task to an open case. */
    @Transactional
    public CaseTask addTask(long id, NewTask t) {
        CurrentUser me = requireWorker();
        SupervisionCase c = requireOpen(id);
        List<Problem> problems = new ArrayList<>();
        if (t.kind() == null) {
            problems.add(new Problem("kind", "supervision.error.required"));
        }
        LocalDate today = LocalDate.now(clock.withZone(ProvinceTime.CHINA));
        if (t.dueOn() == null || t.dueOn().isBefore(today)) {
            problems.add(new Problem("dueOn", "supervision.error.task.dueOn"));
        }
        String assignee = t.assignee() == null || t.assignee().isBlank() ? c.assignee() : t.assignee().strip();
        if (assignee.length() > 64) {
            problems.add(new Problem("assignee", "supervision.error.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long taskId = store.insertTask(id, t.kind(), assignee, t.dueOn(), me.username(), clock.instant());
        store.touch(id);
        audit.record(AuditEvent.of("supervision.case.task", "supervision_case", c.caseNo(), null,
                Map.of("task", taskId, "kind", t.kind().name(), "assignee", assignee, "dueOn", t.dueOn().toString())));
        return store.tasks(id).stream().filter(x -> x.id() == taskId).findFirst().orElseThrow();
    }

    /** Finishes a task: DONE with its result, or CANCELLED with why. */
    @Transactional
    public CaseTask finishTask(long id, long taskId, int version, CaseTask.Status to, String result) {
        requireWorker();
        SupervisionCase c = requireOpen(id);
        CaseTask task = store.tasks(id)
            .stream()
            .filter(x -> x.id() == taskId)
            .findFirst()
            .orElseThrow(() -> new RecordNotFoundException("supervision_case_task", taskId));
        List<Problem> problems = new ArrayList<>();
        if (task.status() != CaseTask.Status.OPEN) {
            problems.add(new Problem(null, "supervision.error.task.finished"));
        }
        if (to == null || to == CaseTask.Status.OPEN) {
            problems.add(new Problem("status", "supervision.error.required"));
        }
        if (result == null || result.isBlank()) {
            problems.add(new Problem("result", "supervision.error.required"));
        }
        else if (result.strip().length() > 2000) {
            problems.add(new Problem("result", "supervision.error.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!store.finishTask(taskId, version, to, result.strip(), clock.instant())) {
            throw InvalidInputException.of(null, "supervision.error.concurrent");
        }
        store.touch(id);
        audit.record(AuditEvent.of("supervision.case.task.finish", "supervision_case", c.caseNo(),
                Map.of("task", taskId, "status", task.status().name()),
                Map.of("task", taskId, "status", to.name(), "result", result.strip())));
        return store.tasks(id).stream().filter(x -> x.id() == taskId).findFirst().orElseThrow();
    }

    SupervisionCase requireOpen(long id) {
        SupervisionCase c = get(id);
        if (c.status() != CaseStatus.OPEN) {
            throw InvalidInputException.of(null, "supervision.error.case.closed");
        }
        return c;
    }

    private static boolean about(Alert a, SubjectKind kind, long subjectId) {
        if (a.subjectKind() == kind && a.subjectId() == subjectId) {
            return true;
        }
        return kind == SubjectKind.PROVIDER && a.providerId() != null && a.providerId() == subjectId
                || kind == SubjectKind.EVALUATION_BODY && a.bodyId() != null && a.bodyId() == subjectId;
    }

    static Registry registry(SubjectKind kind) {
        return kind == SubjectKind.EVALUATION_BODY ? Registry.EVALUATION_BODY : Registry.PROVIDER;
    }

    static CurrentUser requireWorker() {
        CurrentUser me = CurrentUser.require();
        if (!SupervisionPermission.CASE_WORK.allows(me)) {
            throw new AccessDeniedException("inspectors work cases");
        }
        return me;
    }

    static void requireReader() {
        if (!SupervisionPermission.CASE_READ.allows(CurrentUser.require())) {
            throw new AccessDeniedException("supervision cases");
        }
    }

}
