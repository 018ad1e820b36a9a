package org.jixing.subsidy.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.FileDownload;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.ClaimAction;
import org.jixing.subsidy.ClaimAttachments;
import org.jixing.subsidy.ClaimDecision;
import org.jixing.subsidy.ClaimFiling;
import org.jixing.subsidy.ClaimHolds;
import org.jixing.subsidy.ClaimLine;
import org.jixing.subsidy.ClaimReviews;
import org.jixing.subsidy.Claims;
import org.jixing.subsidy.Payments;
import org.jixing.subsidy.Recoveries;
import org.jixing.subsidy.Recovery;
import org.jixing.subsidy.SubsidyPermission;
import org.jixing.subsidy.SubsidyPermission.Allowed;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A claim's page: each amount explained, its evidence, its review history, its payment
 * and recoveries, and the steps the user may take on it (decide, file again, attach),
 * shown by the same rule that lets them take it ({@link Claim#step}).
 */
@Controller
@RequestMapping("/subsidies")
class ClaimPages {

    private final Claims claims;

    private final ClaimReviews reviews;

    private final ClaimFiling filing;

    private final ClaimAttachments attachments;

    private final ClaimPageModel page;

    private final Recoveries recoveries;

    private final Payments payments;

    private final ClaimHolds holds;

    ClaimPages(Claims claims, ClaimReviews reviews, ClaimFiling filing, ClaimAttachments attachments,
            ClaimPageModel page, Recoveries recoveries, Payments payments, ClaimHolds holds) {
        this.holds = holds;
        this.claims = claims;
        this.reviews = reviews;
        this.filing = filing;
        this.attachments = attachments;
        this.page = page;
        this.recoveries = recoveries;
        this.payments = payments;
    }

    @Allowed(SubsidyPermission.CLAIM_READ)
    @GetMapping("/claims/{id}")
    String detail(@PathVariable long id, Model model) {
        Claim c = claims.get(id);
        CurrentUser me = CurrentUser.require();
        model.addAttribute("claim", c);
        List<ClaimLine> lines = claims.lines(id);
        model.addAttribute("lines", lines);
        model.addAttribute("explanations", page.explain(lines));
        model.addAttribute("exclusions", claims.exclusions(id));
        model.addAttribute("reviews", claims.reviews(id));
        model.addAttribute("attachments", attachments.attachments(id));
        model.addAttribute("attachmentKinds", ClaimAttachments.AttachmentKind.values());
        model.addAttribute("today", page.today());
        Set<ClaimAction> actions = claims.actions(c);
        model.addAttribute("mayDecide", actions.contains(ClaimAction.REVIEW));
        model.addAttribute("mayApprove", actions.contains(ClaimAction.APPROVE));
        model.addAttribute("holds", holds.view(id));
        model.addAttribute("risk", ClaimHolds.seesDetails(me) ? holds.risk(id) : null);
        model.addAttribute("mayResubmit", actions.contains(ClaimAction.RESUBMIT));
        model.addAttribute("mayAttach", actions.contains(ClaimAction.ATTACH));
        model.addAttribute("recoveries", recoveries.search(id, false, 0, 100).items());
        model.addAttribute("paymentLines", payments.linesOfClaim(id));
        model.addAttribute("maySeeOrders", SubsidyPermission.PAYMENT_READ.allows(me));
        model.addAttribute("mayRecover",
                actions.contains(ClaimAction.RECOVER) && lines.stream().anyMatch(l -> !l.recovered()));
        model.addAttribute("mayBlacklist", me.hasRole(Role.PROVINCE_ADMIN));
        model.addAttribute("reasons", Recovery.Reason.values());
        model.addAttribute("defaultDue", page.today().plusDays(30));
        return "subsidy/claim-detail";
    }

    @Allowed(SubsidyPermission.CLAIM_REVIEW)
    @PostMapping("/claims/{id}/decisions")
    String decide(@PathVariable long id, @RequestParam int version,
            @RequestParam(required = false) ClaimDecision.Action action, @RequestParam(required = false) String comment,
            Model model, RedirectAttributes redirect) {
        try {
            reviews.decide(id, new ClaimDecision(version, action, comment));
            redirect.addFlashAttribute("notice", "subsidy.claim.decided");
            return "redirect:/subsidies/claims/" + id;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        catch (OptimisticLockingFailureException ex) {
            model.addAttribute("problems", List.of(new InvalidInputException.Problem(null, "subsidy.error.stale")));
        }
        model.addAttribute("draftComment", comment);
        return detail(id, model);
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @PostMapping("/claims/{id}/resubmission")
    String resubmit(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String comment,
            Model model, RedirectAttributes redirect) {
        try {
            filing.resubmit(id, version, comment);
            redirect.addFlashAttribute("notice", "subsidy.claim.resubmitted");
            return "redirect:/subsidies/claims/" + id;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        catch (OptimisticLockingFailureException ex) {
            model.addAttribute("problems", List.of(new InvalidInputException.Problem(null, "subsidy.error.stale")));
        }
        return detail(id, model);
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @PostMapping("/claims/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam(required = false) ClaimAttachments.AttachmentKind kind,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        try {
            attachments.attach(id, kind, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
            redirect.addFlashAttribute("notice", "subsidy.claim.attached");
            return "redirect:/subsidies/claims/" + id;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        return detail(id, model);
    }

    @Allowed(SubsidyPermission.CLAIM_READ)
    @GetMapping("/claims/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        ClaimAttachments.AttachmentFile f = attachments.attachment(id, attachmentId);
        return FileDownload.of(f.attachment().fileName(), MediaType.parseMediaType(f.attachment().contentType()),
                f.content());
    }

}
