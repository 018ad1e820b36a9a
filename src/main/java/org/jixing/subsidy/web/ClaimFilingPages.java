package org.jixing.subsidy.web;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.ClaimFiling;
import org.jixing.subsidy.ClaimPreview;
import org.jixing.subsidy.ClaimPreviews;
import org.jixing.subsidy.SubsidyPermission;
import org.jixing.subsidy.SubsidyPermission.Allowed;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A claim's preview before the provider files it, and the filing. */
@Controller
@RequestMapping("/subsidies")
class ClaimFilingPages {

    private final ClaimPreviews previews;

    private final ClaimFiling filing;

    private final ClaimPageModel page;

    ClaimFilingPages(ClaimPreviews previews, ClaimFiling filing, ClaimPageModel page) {
        this.previews = previews;
        this.filing = filing;
        this.page = page;
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @GetMapping("/claims/new")
    String preview(@RequestParam long classId, Model model) {
        requireStaff();
        ClaimPreview p = previews.preview(classId);
        return show(p, false, model);
    }

    private String show(ClaimPreview p, boolean employment, Model model) {
        model.addAttribute("employment", employment);
        model.addAttribute("preview", p);
        model.addAttribute("c", p.trainingClass());
        model.addAttribute("explanations", page.explain(p.lines()));
        if (!p.problems().isEmpty() && !model.containsAttribute("problems")) {
            model.addAttribute("problems", p.problems());
        }
        return "subsidy/claim-preview";
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @PostMapping("/claims")
    String file(@RequestParam long classId, Model model, RedirectAttributes redirect) {
        try {
            Claim c = filing.file(classId);
            redirect.addFlashAttribute("notice", "subsidy.claim.filed");
            return "redirect:/subsidies/claims/" + c.id();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            return preview(classId, model);
        }
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @GetMapping("/claims/employment/new")
    String previewEmployment(@RequestParam long classId, Model model) {
        requireStaff();
        return show(previews.previewEmployment(classId), true, model);
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @PostMapping("/claims/employment")
    String fileEmployment(@RequestParam long classId, Model model, RedirectAttributes redirect) {
        try {
            Claim c = filing.fileEmployment(classId);
            redirect.addFlashAttribute("notice", "subsidy.claim.filed");
            return "redirect:/subsidies/claims/" + c.id();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            return previewEmployment(classId, model);
        }
    }

    static void requireStaff() {
        if (!CurrentUser.require().hasRole(Role.PROVIDER_STAFF)) {
            throw new AccessDeniedException("provider staff claim subsidies");
        }
    }

}
