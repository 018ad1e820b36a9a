package org.jixing.supervision.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.access.Public;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.supervision.Complaint;
import org.jixing.supervision.Complaints;
import org.jixing.supervision.NewComplaint;
import org.jixing.supervision.SupervisionCase;
import org.jixing.supervision.SupervisionPermission;
import org.jixing.supervision.SupervisionPermission.Allowed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Complaints: the public form (anyone; a signed-in trainee files as a trainee), and the
 * inspectors' list and page where each is decided and a case opened from it.
 */
@Controller
class ComplaintPages {

    private final Complaints complaints;

    ComplaintPages(Complaints complaints) {
        this.complaints = complaints;
    }

    @Public
    @GetMapping("/complaints/new")
    String form(@RequestParam(required = false) Long provider, Model model) {
        model.addAttribute("provider", provider);
        return "supervision/complaint-form";
    }

    @Public
    @PostMapping("/complaints/new")
    String file(@RequestParam(required = false) Long providerId, @RequestParam(required = false) Long classId,
            @RequestParam(required = false) String details, @RequestParam(required = false) String contact,
            HttpServletRequest request, Model model) {
        NewComplaint n = new NewComplaint(providerId, classId, details, contact);
        try {
            boolean trainee = CurrentUser.current().map(SupervisionPermission.COMPLAINT_FILE::allows).orElse(false);
            Complaint c = trainee ? complaints.fileAsTrainee(n) : complaints.filePublic(n, request.getRemoteAddr());
            model.addAttribute("filed", c.complaintNo());
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("form", n);
        }
        model.addAttribute("provider", providerId);
        return "supervision/complaint-form";
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/supervision/complaints")
    String list(@RequestParam(required = false) Complaint.Status status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("result", complaints.search(status, null, Math.max(0, page), PageResult.size(size)));
        model.addAttribute("statuses", Complaint.Status.values());
        model.addAttribute("status", status);
        return "supervision/complaint-list";
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/supervision/complaints/{id}")
    String detail(@PathVariable long id, Model model) {
        Complaint c = complaints.get(id);
        model.addAttribute("m", c);
        model.addAttribute("mayWork", SupervisionPermission.CASE_WORK.allows(CurrentUser.require()));
        return "supervision/complaint-detail";
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/supervision/complaints/{id}/decision")
    String decide(@PathVariable long id, @RequestParam int version,
            @RequestParam(required = false) Complaint.Status status, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            complaints.decide(id, version, status, reason);
            redirect.addFlashAttribute("notice", "supervision.complaint.decided");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/supervision/complaints/" + id;
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/supervision/complaints/{id}/case")
    String openCase(@PathVariable long id, @RequestParam(required = false) String summary,
            @RequestParam(required = false) String assignee, RedirectAttributes redirect) {
        try {
            SupervisionCase c = complaints.openCase(id, summary, assignee);
            redirect.addFlashAttribute("notice", "supervision.case.opened");
            return "redirect:/supervision/cases/" + c.id();
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
            return "redirect:/supervision/complaints/" + id;
        }
    }

}
