package org.jixing.supervision;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.provider.FiledBody;
import org.jixing.provider.FilingDecision;
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
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.Claims;
import org.jixing.subsidy.Recoveries;
import org.jixing.subsidy.Recovery;
import org.jixing.supervision.internal.AlertStore;
import org.jixing.supervision.internal.CaseStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision cases: opened from live alerts about one subject (they become IN_CASE),
 * from a complaint or from a visit; worked with tasks and findings; closed by an outcome
 * that needs a finding, dismisses or confirms the case's alerts, and takes the sanction
 * ladder's steps in the same transaction (suspension and blacklisting through the
 * provider module, recovery orders through the subsidy module). Read within the reader's
 * scope (a case of another city is not found).
 */
@Service
public class Cases {

    /** An attachment to a finding: at most this size, a PDF, JPEG or PNG by content. */
    public static final long MAX_ATTACHMENT_BYTES = 5L * 1024 * 1024;

    private final CaseStore store;

    private final AlertStore alertStore;

    private final Alerts alerts;

    private final Filings filings;

    private final Claims claims;

    private final Recoveries recoveries;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final Clock clock;

    Cases(CaseStore store, AlertStore alertStore, Alerts alerts, Filings filings, Claims claims, Recoveries recoveries,
            ScopeGuard guard, AuditTrail audit, Clock clock) {
        this.store = store;
        this.alertStore = alertStore;
        this.alerts = alerts;
        this.filings = filings;
        this.claims = claims;
        this.recoveries = recoveries;
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

    @Transactional(readOnly = true)
    public List<CaseFinding> findings(long id) {
        get(id);
        return store.findings(id);
    }

    /** The sanction ladder, lowest rank first (data). */
    @Transactional(readOnly = true)
    public List<SanctionStep> ladder() {
        return store.ladder();
    }

    /** The steps the case's outcome took, lowest rank first. */
    @Transactional(readOnly = true)
    public List<String> sanctions(long id) {
        get(id);
        return store.sanctions(id);
    }

    /** A recovery order a case's outcome opened. */
    public record OpenedRecovery(long recoveryId, String recoveryNo, long claimId, long amountFen) {
    }

    @Transactional(readOnly = true)
    public List<OpenedRecovery> recoveries(long id) {
        get(id);
        return store.recoveries(id)
            .stream()
            .map(r -> new OpenedRecovery(r.recoveryId(), r.recoveryNo(), r.claimId(), r.amountFen()))
            .toList();
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

    /** Records a finding on an open case. */
    @Transactional
    public CaseFinding addFinding(long id, String details) {
        CurrentUser me = requireWorker();
        SupervisionCase c = requireOpen(id);
        if (details == null || details.isBlank()) {
            throw InvalidInputException.of("details", "supervision.error.required");
        }
        if (details.strip().length() > 4000) {
            throw InvalidInputException.of("details", "supervision.error.tooLong");
        }
        long findingId = store.insertFinding(id, details.strip(), me.username(), clock.instant());
        store.touch(id);
        audit.record(AuditEvent.of("supervision.case.finding", "supervision_case", c.caseNo(), null,
                Map.of("finding", findingId, "details", details.strip())));
        return store.findings(id).stream().filter(f -> f.id() == findingId).findFirst().orElseThrow();
    }

    /**
     * Attaches a file (PDF, JPEG or PNG, judged by content; size limited) to a finding.
     */
    @Transactional
    public CaseFinding.Attachment attach(long id, long findingId, String fileName, byte[] content) {
        CurrentUser me = requireWorker();
        SupervisionCase c = requireOpen(id);
        finding(id, findingId);
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "supervision.error.attachment.empty");
        }
        if (content.length > MAX_ATTACHMENT_BYTES) {
            throw InvalidInputException.of("file", "supervision.error.attachment.tooLarge",
                    MAX_ATTACHMENT_BYTES / 1024 / 1024);
        }
        String type = sniff(content);
        if (type == null) {
            throw InvalidInputException.of("file", "supervision.error.attachment.type");
        }
        String name = fileName == null || fileName.isBlank() ? "attachment" : fileName.strip();
        name = name.replaceAll("[\\\\/\\r\\n\"]", "_");
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        long att = store.insertAttachment(findingId, name, type, content, sha, me.username(), clock.instant());
        audit.record(AuditEvent.of("supervision.case.attach", "supervision_case", c.caseNo(), null,
                Map.of("finding", findingId, "attachment", att, "file", name, "bytes", content.length, "sha256", sha)));
        return finding(id, findingId).attachments().stream().filter(a -> a.id() == att).findFirst().orElseThrow();
    }

    /** An attachment of a finding of a case in scope, with its content. */
    @Transactional(readOnly = true)
    public CaseFinding.AttachmentFile attachment(long id, long findingId, long attachmentId) {
        get(id);
        CaseFinding.Attachment a = finding(id, findingId).attachments()
            .stream()
            .filter(x -> x.id() == attachmentId)
            .findFirst()
            .orElseThrow(() -> new RecordNotFoundException("supervision_finding_attachment", attachmentId));
        return new CaseFinding.AttachmentFile(a, store.attachmentContent(findingId, attachmentId).orElseThrow());
    }

    /**
     * Closes a case with its outcome, all in one transaction: refused with the reasons
     * and nothing changed without a finding, a reason, or (confirmed) a step of the
     * ladder. DISMISSED dismisses the case's alerts (counting against their rules);
     * CONFIRMED confirms them and takes each step: SUSPEND or BLACKLIST the subject's
     * filing, RECOVER opens a recovery order for each paid claim of the subject named
     * (blacklisting or suspending the provider from the same step when the outcome also
     * takes that step). Audited.
     */
    @Transactional
    public SupervisionCase close(long id, CaseOutcome o) {
        CurrentUser me = requireWorker();
        SupervisionCase c = get(id);
        List<SanctionStep> ladder = store.ladder();
        List<String> codes = ladder.stream().map(SanctionStep::code).toList();
        List<String> chosen = o.steps() == null ? List.of() : List.copyOf(new LinkedHashSet<>(o.steps()));
        List<Problem> problems = c.status().closing(o.result(), store.hasFinding(id), o.reason(), chosen, codes);
        List<SanctionStep> steps = ladder.stream().filter(s -> chosen.contains(s.code())).toList();
        Set<SanctionStep.Effect> effects = EnumSet.noneOf(SanctionStep.Effect.class);
        steps.forEach(s -> effects.add(s.effect()));
        boolean filingStep = effects.contains(SanctionStep.Effect.SUSPEND)
                || effects.contains(SanctionStep.Effect.BLACKLIST);
        if (problems.isEmpty() && filingStep && c.subjectKind() == SubjectKind.PERSON) {
            problems.add(new Problem("steps", "supervision.error.case.noFiling"));
        }
        if (problems.isEmpty() && effects.contains(SanctionStep.Effect.BLACKLIST) && !me.scope().isProvinceWide()) {
            problems.add(new Problem("steps", "supervision.error.case.blacklistProvince"));
        }
        Set<Long> claimIds = o.recoveryClaimIds() == null ? Set.of() : new TreeSet<>(o.recoveryClaimIds());
        if (problems.isEmpty() && effects.contains(SanctionStep.Effect.RECOVER)) {
            if (c.providerId() == null) {
                problems.add(new Problem("steps", "supervision.error.case.noProvider"));
            }
            else if (claimIds.isEmpty()) {
                problems.add(new Problem("recoveryClaimIds", "supervision.error.case.claimsRequired"));
            }
            else {
                for (long claimId : claimIds) {
                    Claim claim = claims.get(claimId);
                    if (claim.providerId() != c.providerId()) {
                        problems.add(new Problem("recoveryClaimIds", "supervision.error.case.claimNotSubject",
                                claim.claimNo()));
                    }
                }
            }
        }
        if (problems.isEmpty() && !effects.contains(SanctionStep.Effect.RECOVER) && !claimIds.isEmpty()) {
            problems.add(new Problem("recoveryClaimIds", "supervision.error.case.claimsWithoutRecovery"));
        }
        if (problems.isEmpty() && o.version() != c.version()) {
            problems.add(new Problem(null, "supervision.error.concurrent"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String reason = o.reason().strip();
        Instant now = clock.instant();
        if (!store.close(id, o.version(), o.result(), reason, me.username(), now)) {
            throw InvalidInputException.of(null, "supervision.error.concurrent");
        }
        AlertStatus alertsTo = o.result() == CaseStatus.CONFIRMED ? AlertStatus.CONFIRMED : AlertStatus.DISMISSED;
        List<String> decided = new ArrayList<>();
        for (Alert a : alertStore.ofCase(id)) {
            if (a.status() == AlertStatus.IN_CASE) {
                alerts.decide(a.id(), new AlertDecision(alertsTo, a.version(), c.caseNo() + "：" + reason));
                decided.add(a.alertNo());
            }
        }
        for (SanctionStep s : steps) {
            store.insertSanction(id, s.code(), me.username(), now);
        }
        Recoveries.Sanction filingSanction = effects.contains(SanctionStep.Effect.BLACKLIST)
                ? Recoveries.Sanction.BLACKLIST : effects.contains(SanctionStep.Effect.SUSPEND)
                        ? Recoveries.Sanction.SUSPEND : Recoveries.Sanction.NONE;
        List<Map<String, Object>> opened = new ArrayList<>();
        String details = c.caseNo() + "：" + reason;
        if (effects.contains(SanctionStep.Effect.RECOVER)) {
            // The provider's filing changes once, with the first recovery, when the
            // subject
            // is the provider; an evaluation body's filing is decided apart below.
            boolean first = true;
            for (long claimId : claimIds) {
                Recoveries.Sanction withIt = first && c.subjectKind() == SubjectKind.PROVIDER ? filingSanction
                        : Recoveries.Sanction.NONE;
                Recovery r = recoveries.open(claimId,
                        new Recoveries.Finding(
                                Set.of(), c.subjectKind() == SubjectKind.EVALUATION_BODY
                                        ? Recovery.Reason.FAKE_EVALUATION : Recovery.Reason.FAKE_TRAINING,
                                details, o.recoveryDueOn(), withIt));
                store.insertRecovery(id, r.id(), claimId, r.recoveryNo(), r.amount().fen());
                opened.add(Map.of("recovery", r.recoveryNo(), "claim", claimId, "amountFen", r.amount().fen()));
                first = false;
            }
            if (c.subjectKind() == SubjectKind.PROVIDER) {
                filingSanction = Recoveries.Sanction.NONE;
            }
        }
        if (filingSanction != Recoveries.Sanction.NONE) {
            Registry registry = registry(c.subjectKind());
            FiledBody body = filings.get(registry, c.subjectId());
            String why = details.length() > 500 ? details.substring(0, 500) : details;
            filings.decide(registry, body.id(),
                    filingSanction == Recoveries.Sanction.BLACKLIST ? new FilingDecision.Blacklist(body.version(), why)
                            : new FilingDecision.Suspend(body.version(), why));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", o.result().name());
        after.put("reason", reason);
        after.put("steps", steps.stream().map(SanctionStep::code).toList());
        after.put("alerts", decided);
        after.put("recoveries", opened);
        audit.record(AuditEvent.of("supervision.case.close", "supervision_case", c.caseNo(),
                Map.of("status", c.status().name()), after));
        return get(id);
    }

    private CaseFinding finding(long id, long findingId) {
        return store.findings(id)
            .stream()
            .filter(f -> f.id() == findingId)
            .findFirst()
            .orElseThrow(() -> new RecordNotFoundException("supervision_case_finding", findingId));
    }

    private SupervisionCase requireOpen(long id) {
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

    static String sniff(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        return null;
    }

}
