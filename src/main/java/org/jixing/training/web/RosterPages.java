package org.jixing.training.web;

import java.util.List;
import java.util.Set;

import org.jixing.shared.InvalidInputException;
import org.jixing.training.ClassCompletions;
import org.jixing.training.Enrolling;
import org.jixing.training.EnrolmentRequest;
import org.jixing.training.TrainingPermission;
import org.jixing.training.TrainingPermission.Allowed;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of a class's page that change its roster: enrolling a trainee, completing the
 * class. A refusal shows the class's page again with the problems.
 */
@Controller
@RequestMapping("/classes")
class RosterPages {

    private final Enrolling enrolling;

    private final ClassCompletions completions;

    private final ClassDetailPage detailPage;

    RosterPages(Enrolling enrolling, ClassCompletions completions, ClassDetailPage detailPage) {
        this.enrolling = enrolling;
        this.completions = completions;
        this.detailPage = detailPage;
    }

    @Allowed(TrainingPermission.CLASS_RUN)
    @PostMapping("/{id}/completion")
    String complete(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) Set<Long> failed,
            Model model, RedirectAttributes redirect) {
        try {
            completions.complete(id, version, failed == null ? Set.of() : failed);
            redirect.addFlashAttribute("notice", "training.completion.done");
            return "redirect:/classes/" + id;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        catch (OptimisticLockingFailureException ex) {
            model.addAttribute("problems", List.of(new InvalidInputException.Problem(null, "training.error.stale")));
        }
        return detailPage.render(id, 0, null, model);
    }

    @Allowed(TrainingPermission.CLASS_RUN)
    @PostMapping("/{id}/enrolments")
    String enrol(@PathVariable long id, @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
            @RequestParam(defaultValue = "false") boolean selfFunded, Model model, RedirectAttributes redirect) {
        try {
            var e = enrolling.enrol(id, new EnrolmentRequest(idNumber, name, phone, selfFunded));
            redirect.addFlashAttribute("notice", e.subsidised() ? "training.enrolled" : "training.enrolledSelfFunded");
            return "redirect:/classes/" + id;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("draftName", name);
            model.addAttribute("draftPhone", phone);
        }
        return detailPage.render(id, 0, null, model);
    }

}
