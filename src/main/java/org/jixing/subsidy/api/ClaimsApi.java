package org.jixing.subsidy.api;

import org.jixing.subsidy.SubsidyPermission;
import org.jixing.subsidy.SubsidyPermission.Allowed;
import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.jixing.shared.PageResult;
import org.jixing.shared.web.FileDownload;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.ClaimDecision;
import org.jixing.subsidy.ClaimExclusion;
import org.jixing.subsidy.ClaimFilter;
import org.jixing.subsidy.ClaimLine;
import org.jixing.subsidy.ClaimReview;
import org.jixing.subsidy.ClaimStatus;
import org.jixing.subsidy.ClaimAttachments;
import org.jixing.subsidy.ClaimFiling;
import org.jixing.subsidy.ClaimPreview;
import org.jixing.subsidy.ClaimPreviews;
import org.jixing.subsidy.ClaimReviews;
import org.jixing.subsidy.Claims;
import org.jixing.subsidy.Payees;
import org.jixing.subsidy.ReviewerConflicts;
import org.jixing.subsidy.ClaimAttachment;
import org.jixing.subsidy.ClaimHolds;
import org.jixing.subsidy.ClaimSupervision;
import org.jixing.shared.scope.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Subsidy claims, their review and evidence, with the same scopes as the pages. */
@RestController
@RequestMapping("/api/v1/subsidies")
@Tag(name = "Subsidy claims", description = "Claims for completed classes, their amounts explained, and review")
class ClaimsApi {

    private final Claims claims;

    private final ClaimPreviews previews;

    private final ClaimFiling filing;

    private final ClaimReviews reviews;

    private final ClaimAttachments attachments;

    private final Payees payees;

    private final ReviewerConflicts conflicts;

    private final ClaimHolds holds;

    ClaimsApi(Claims claims, ClaimPreviews previews, ClaimFiling filing, ClaimReviews reviews,
            ClaimAttachments attachments, Payees payees, ReviewerConflicts conflicts, ClaimHolds holds) {
        this.holds = holds;
        this.claims = claims;
        this.previews = previews;
        this.filing = filing;
        this.reviews = reviews;
        this.attachments = attachments;
        this.payees = payees;
        this.conflicts = conflicts;
    }

    /**
     * A claim with everything its detail page shows: {@code holds} says whether
     * supervision holds it (数据锁), with the alerts for officers and the categories only
     * for the provider's staff; {@code risk} is the reviewers' risk panel (with the
     * trainees' confirmations), null for the provider.
     */
    record ClaimDetail(Claim claim, List<ClaimLine> lines, List<ClaimExclusion> exclusions, List<ClaimReview> reviews,
            List<ClaimAttachment> attachments, ClaimHolds.HoldsView holds, ClaimSupervision.Risk risk) {
    }

    /** What a claim would hold, not saved. */
    record PreviewBody(long classId, Integer ruleVersion, String fundSourceCode, List<ClaimLine> lines,
            List<ClaimExclusion> exclusions, Money total, boolean provinceReview, boolean fileable,
            List<InvalidInputException.Problem> problems) {
    }

    record FileClaim(Long classId) {
    }

    record Resubmission(int version, String comment) {
    }

    record Payee(String accountName, String accountNo, String bankName) {
    }

    record Conflict(String username, Long providerId, String reason) {
    }

    @Allowed(SubsidyPermission.CLAIM_READ)
    @GetMapping("/claims")
    @Operation(summary = "Claims in the caller's scope, newest first")
    PageResult<Claim> list(@RequestParam(required = false) ClaimStatus status,
            @RequestParam(required = false) String line, @RequestParam(required = false) String region,
            @RequestParam(required = false) Long providerId, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return claims.search(new ClaimFilter(status, line, region, providerId, q), page, PageResult.size(size));
    }

    @Allowed(SubsidyPermission.CLAIM_REVIEW)
    @GetMapping("/claims/queue")
    @Operation(summary = "Claims waiting on the caller's review, oldest deadline first")
    PageResult<Claim> queue(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return claims.queue(page, PageResult.size(size));
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @GetMapping("/claims/preview")
    @Operation(summary = "What a claim for a completed class would hold: each trainee's amount explained, "
            + "the trainees left out and why, and what keeps it from being filed")
    PreviewBody preview(@RequestParam long classId) {
        ClaimPreview p = previews.preview(classId);
        return new PreviewBody(classId, p.rules() == null ? null : p.rules().version(), p.fundSourceCode(), p.lines(),
                p.exclusions(), p.total(), p.provinceReview(), p.fileable(), p.problems());
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @PostMapping("/claims")
    @Operation(summary = "File a claim for a completed class (provider staff)")
    ResponseEntity<ClaimDetail> file(@RequestBody FileClaim body) {
        if (body == null || body.classId() == null) {
            throw InvalidInputException.of("classId", "subsidy.error.required");
        }
        Claim c = filing.file(body.classId());
        return ResponseEntity.created(URI.create("/api/v1/subsidies/claims/" + c.id())).body(detail(c.id()));
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @GetMapping("/claims/employment/preview")
    @Operation(summary = "What an employment claim for a completed class would hold: a line for each trainee the "
            + "social-insurance records show employed within the months of the rules' employment component, "
            + "the trainees left out and why (not proven employed), and what keeps it from being filed")
    PreviewBody previewEmployment(@RequestParam long classId) {
        ClaimPreview p = previews.previewEmployment(classId);
        return new PreviewBody(classId, p.rules() == null ? null : p.rules().version(), p.fundSourceCode(), p.lines(),
                p.exclusions(), p.total(), p.provinceReview(), p.fileable(), p.problems());
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @PostMapping("/claims/employment")
    @Operation(summary = "File an employment claim for a completed class (provider staff): a claim of its own kind "
            + "(EMPLOYMENT), reviewed, committed and paid like a completion claim, which it never changes")
    ResponseEntity<ClaimDetail> fileEmployment(@RequestBody FileClaim body) {
        if (body == null || body.classId() == null) {
            throw InvalidInputException.of("classId", "subsidy.error.required");
        }
        Claim c = filing.fileEmployment(body.classId());
        return ResponseEntity.created(URI.create("/api/v1/subsidies/claims/" + c.id())).body(detail(c.id()));
    }

    @Allowed(SubsidyPermission.CLAIM_READ)
    @GetMapping("/claims/{id}")
    ClaimDetail get(@PathVariable long id) {
        return detail(id);
    }

    private ClaimDetail detail(long id) {
        return new ClaimDetail(claims.get(id), claims.lines(id), claims.exclusions(id), claims.reviews(id),
                attachments.attachments(id), holds.view(id),
                ClaimHolds.seesDetails(CurrentUser.require()) ? holds.risk(id) : null);
    }

    @Allowed(SubsidyPermission.CLAIM_REVIEW)
    @PostMapping("/claims/{id}/decisions")
    @Operation(summary = "Approve, reject or return a claim at the version seen (reviewers)")
    ClaimDetail decide(@PathVariable long id, @RequestBody ClaimDecision decision) {
        reviews.decide(id, decision);
        return detail(id);
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @PostMapping("/claims/{id}/resubmission")
    @Operation(summary = "File a returned claim again after correction (provider staff)")
    ClaimDetail resubmit(@PathVariable long id, @RequestBody Resubmission body) {
        filing.resubmit(id, body.version(), body.comment());
        return detail(id);
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @PostMapping(path = "/claims/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a sign-in sheet, invoice or other evidence (PDF, JPEG, PNG; at most 10 MB)")
    ResponseEntity<ClaimAttachment> attach(@PathVariable long id, @RequestParam ClaimAttachments.AttachmentKind kind,
            @RequestParam("file") MultipartFile file) throws IOException {
        return ResponseEntity.status(201)
            .body(attachments.attach(id, kind, file.getOriginalFilename(), file.getBytes()));
    }

    @Allowed(SubsidyPermission.CLAIM_READ)
    @GetMapping("/claims/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        return download(attachments.attachment(id, attachmentId));
    }

    static ResponseEntity<byte[]> download(ClaimAttachments.AttachmentFile f) {
        return FileDownload.of(f.attachment().fileName(), MediaType.parseMediaType(f.attachment().contentType()),
                f.content());
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @GetMapping("/payee")
    @Operation(summary = "The account the caller's provider is paid into (provider staff)")
    ResponseEntity<org.jixing.subsidy.Payee> payee() {
        return ResponseEntity.of(payees.ownPayee());
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @PutMapping("/payee")
    org.jixing.subsidy.Payee savePayee(@RequestBody Payee body) {
        return payees.savePayee(body.accountName(), body.accountNo(), body.bankName());
    }

    @Allowed(SubsidyPermission.REVIEWER_CONFLICT)
    @PostMapping("/reviewer-conflicts")
    @Operation(summary = "Record that a reviewer must stand aside from a provider's claims (province administrator)")
    ResponseEntity<Void> conflict(@RequestBody Conflict body) {
        if (body.providerId() == null) {
            throw InvalidInputException.of("providerId", "subsidy.error.required");
        }
        conflicts.declareConflict(body.username(), body.providerId(), body.reason());
        return ResponseEntity.noContent().build();
    }

}
