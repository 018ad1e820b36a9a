package org.jixing.supervision.api;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.shared.PageResult;
import org.jixing.supervision.Complaint;
import org.jixing.supervision.Complaints;
import org.jixing.supervision.NewComplaint;
import org.jixing.supervision.SupervisionCase;
import org.jixing.supervision.SupervisionPermission;
import org.jixing.supervision.SupervisionPermission.Allowed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Complaints and reports: filed by trainees (the public uses the form), decided here. */
@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "Supervision complaints", description = "Complaints and reports about providers and classes")
class ComplaintsApi {

    private final Complaints complaints;

    ComplaintsApi(Complaints complaints) {
        this.complaints = complaints;
    }

    record Decision(int version, Complaint.Status status, String reason) {
    }

    record CaseRequest(String summary, String assignee) {
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/complaints")
    @Operation(summary = "Complaints in the caller's scope, by status and provider")
    PageResult<Complaint> list(@RequestParam(required = false) Complaint.Status status,
            @RequestParam(required = false) Long providerId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        return complaints.search(status, providerId, page, PageResult.size(size));
    }

    @Allowed(SupervisionPermission.COMPLAINT_FILE)
    @PostMapping("/complaints")
    @Operation(summary = "A trainee's complaint about a provider or one of its classes")
    ResponseEntity<Complaint> file(@RequestBody NewComplaint body) {
        Complaint c = complaints.fileAsTrainee(body == null ? new NewComplaint(null, null, null, null) : body);
        return ResponseEntity.created(URI.create("/api/v1/supervision/complaints/" + c.id())).body(c);
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/complaints/{id}")
    Complaint get(@PathVariable long id) {
        return complaints.get(id);
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/complaints/{id}/decision")
    @Operation(summary = "Decide a complaint UPHELD or NOT_UPHELD with a reason")
    Complaint decide(@PathVariable long id, @RequestBody Decision body) {
        return complaints.decide(id, body.version(), body.status(), body.reason());
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/complaints/{id}/case")
    @Operation(summary = "Open a case about the complaint's provider from it")
    ResponseEntity<SupervisionCase> openCase(@PathVariable long id, @RequestBody CaseRequest body) {
        SupervisionCase c = complaints.openCase(id, body == null ? null : body.summary(),
                body == null ? null : body.assignee());
        return ResponseEntity.created(URI.create("/api/v1/supervision/cases/" + c.id())).body(c);
    }

}
