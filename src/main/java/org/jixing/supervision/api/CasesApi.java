package org.jixing.supervision.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.shared.PageResult;
import org.jixing.shared.web.FileDownload;
import org.jixing.supervision.Alert;
import org.jixing.supervision.CaseFilter;
import org.jixing.supervision.CaseFinding;
import org.jixing.supervision.CaseFindings;
import org.jixing.supervision.CaseMeasures;
import org.jixing.supervision.CaseOutcome;
import org.jixing.supervision.CaseOutcomes;
import org.jixing.supervision.CaseStatus;
import org.jixing.supervision.CaseTask;
import org.jixing.supervision.Cases;
import org.jixing.supervision.NewCase;
import org.jixing.supervision.NewTask;
import org.jixing.supervision.RiskProfile;
import org.jixing.supervision.RuleMeasures;
import org.jixing.supervision.SanctionStep;
import org.jixing.supervision.SubjectKind;
import org.jixing.supervision.SupervisionCase;
import org.jixing.supervision.SupervisionPermission;
import org.jixing.supervision.SupervisionPermission.Allowed;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Supervision cases, their tasks, findings and outcomes; the sanction ladder; measures.
 */
@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "Supervision cases", description = "Cases gathering alerts, their tasks, findings and sanctions")
class CasesApi {

    private final Cases cases;

    private final CaseFindings findings;

    private final CaseOutcomes outcomes;

    private final CaseMeasures measures;

    private final RuleMeasures profiles;

    CasesApi(Cases cases, CaseFindings findings, CaseOutcomes outcomes, CaseMeasures measures, RuleMeasures profiles) {
        this.cases = cases;
        this.findings = findings;
        this.outcomes = outcomes;
        this.measures = measures;
        this.profiles = profiles;
    }

    /** A case with everything its page shows. */
    record CaseDetail(SupervisionCase supervisionCase, List<Alert> alerts, List<CaseTask> tasks,
            List<CaseFinding> findings, List<String> sanctions, List<CaseOutcomes.OpenedRecovery> recoveries) {
    }

    record TaskFinish(int version, CaseTask.Status status, String result) {
    }

    record NewFinding(String details) {
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/cases")
    @Operation(summary = "Cases in the caller's scope, filtered by status, city, subject kind and assignee")
    PageResult<SupervisionCase> list(@RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) String region, @RequestParam(required = false) SubjectKind kind,
            @RequestParam(required = false) String assignee, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        return cases.search(new CaseFilter(status, blank(region), kind, blank(assignee)), page, PageResult.size(size));
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/cases")
    @Operation(summary = "Open a case about a provider, evaluation body or person from its live alerts "
            + "(origin ALERTS), a complaint (COMPLAINT) or a visit (VISIT)")
    ResponseEntity<CaseDetail> open(@RequestBody NewCase body) {
        SupervisionCase c = cases.open(body == null ? new NewCase(null, null, null, null, null, null, null) : body);
        return ResponseEntity.created(URI.create("/api/v1/supervision/cases/" + c.id())).body(detail(c.id()));
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/cases/{id}")
    CaseDetail get(@PathVariable long id) {
        return detail(id);
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/cases/{id}/tasks")
    @Operation(summary = "Add a task: ON_SITE_VISIT, TRAINEE_CALLBACK or DOCUMENT_REQUEST, with assignee and due date")
    ResponseEntity<CaseTask> addTask(@PathVariable long id, @RequestBody NewTask body) {
        return ResponseEntity.status(201).body(cases.addTask(id, body == null ? new NewTask(null, null, null) : body));
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/cases/{id}/tasks/{taskId}")
    @Operation(summary = "Finish a task: DONE with its result or CANCELLED with why")
    CaseTask finishTask(@PathVariable long id, @PathVariable long taskId, @RequestBody TaskFinish body) {
        return cases.finishTask(id, taskId, body.version(), body.status(), body.result());
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/cases/{id}/findings")
    @Operation(summary = "Record a finding on an open case")
    ResponseEntity<CaseFinding> addFinding(@PathVariable long id, @RequestBody NewFinding body) {
        return ResponseEntity.status(201).body(findings.addFinding(id, body == null ? null : body.details()));
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping(path = "/cases/{id}/findings/{findingId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a photo or document to a finding (PDF, JPEG, PNG; at most 5 MB)")
    ResponseEntity<CaseFinding.Attachment> attach(@PathVariable long id, @PathVariable long findingId,
            @RequestParam("file") MultipartFile file) throws IOException {
        return ResponseEntity.status(201)
            .body(findings.attach(id, findingId, file.getOriginalFilename(), file.getBytes()));
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/cases/{id}/findings/{findingId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long findingId,
            @PathVariable long attachmentId) {
        CaseFinding.AttachmentFile f = findings.attachment(id, findingId, attachmentId);
        return FileDownload.of(f.attachment().fileName(), MediaType.parseMediaType(f.attachment().contentType()),
                f.content());
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/cases/{id}/outcome")
    @Operation(summary = "Close a case: DISMISSED as false, or CONFIRMED with steps of the sanction ladder "
            + "(RECOVERY names the paid claims and the due date); needs a finding")
    CaseDetail close(@PathVariable long id, @RequestBody CaseOutcome body) {
        outcomes.close(id, body == null ? new CaseOutcome(null, -1, null, null, null, null) : body);
        return detail(id);
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/sanction-ladder")
    @Operation(summary = "The sanction ladder's steps, lowest rank first")
    List<SanctionStep> ladder() {
        return outcomes.ladder();
    }

    @Allowed(SupervisionPermission.ALERT_READ)
    @GetMapping("/measures/rules")
    @Operation(summary = "Per rule: cases opened, confirmed, dismissed, fen recovered (caller's scope)")
    Map<String, CaseMeasures.RuleMeasure> ruleMeasures() {
        return measures.byRule();
    }

    @Allowed(SupervisionPermission.ALERT_READ)
    @GetMapping("/measures/providers/{id}")
    @Operation(
            summary = "A provider's risk profile by month (alerts and cases) and by rule; 404 outside the caller's scope")
    RiskProfile providerProfile(@PathVariable long id) {
        return profiles.profile(SubjectKind.PROVIDER, id);
    }

    @Allowed(SupervisionPermission.ALERT_READ)
    @GetMapping("/measures/evaluation-bodies/{id}")
    @Operation(
            summary = "An evaluation body's risk profile by month (alerts and cases) and by rule; 404 outside the caller's scope")
    RiskProfile bodyProfile(@PathVariable long id) {
        return profiles.profile(SubjectKind.EVALUATION_BODY, id);
    }

    private CaseDetail detail(long id) {
        return new CaseDetail(cases.get(id), cases.alerts(id), cases.tasks(id), findings.findings(id),
                outcomes.sanctions(id), outcomes.recoveries(id));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
