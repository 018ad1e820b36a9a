package org.jixing.certification.web;

import org.jixing.certification.CertificationPermission;
import org.jixing.certification.CertificationPermission.Allowed;
import java.util.List;
import java.util.Optional;

import org.jixing.certification.DirectRecognition;
import org.jixing.certification.DirectRecognitions;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.reference.Occupation;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Direct recognition: the evaluation body's application form and the list of
 * applications, with the province's decision on each.
 */
@Controller
@RequestMapping("/certification/recognitions")
class RecognitionPages {

    private final DirectRecognitions recognitions;

    private final People people;

    private final ReferenceCatalogue reference;

    RecognitionPages(DirectRecognitions recognitions, People people, ReferenceCatalogue reference) {
        this.recognitions = recognitions;
        this.people = people;
        this.reference = reference;
    }

    record Form(String idNumber, String occupationCode, String levelCode, String justification, String employerName) {
    }

    @Allowed(CertificationPermission.RECOGNITION_READ)
    @GetMapping
    String list(@RequestParam(defaultValue = "false") boolean open, Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("items", recognitions.search(open));
        model.addAttribute("open", open);
        model.addAttribute("mayApply", CertificationPermission.RECOGNITION_APPLY.allows(me));
        model.addAttribute("mayDecide", CertificationPermission.RECOGNITION_DECIDE.allows(me));
        model.addAttribute("occupations", reference.occupations().stream().filter(Occupation::active).toList());
        model.addAttribute("levels", reference.skillLevels());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form("", "", "", "", ""));
        }
        return "certification/recognitions";
    }

    @Allowed(CertificationPermission.RECOGNITION_APPLY)
    @PostMapping
    String apply(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String occupationCode,
            @RequestParam(required = false) String levelCode, @RequestParam(required = false) String justification,
            @RequestParam(required = false) String employerName, Model model, RedirectAttributes redirect) {
        try {
            Optional<Person> person = idNumber == null ? Optional.empty() : people.findByIdNumber(idNumber);
            if (person.isEmpty()) {
                throw InvalidInputException.of("idNumber", "assessment.error.person", 1);
            }
            DirectRecognition d = recognitions.apply(new DirectRecognitions.Application(person.get().id(),
                    blank(occupationCode), blank(levelCode), justification, employerName));
            redirect.addFlashAttribute("notice", "assessment.recognition.applied");
            redirect.addFlashAttribute("noticeArg", d.applicationNo());
            return "redirect:/certification/recognitions";
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("form", new Form(idNumber, occupationCode, levelCode, justification, employerName));
            return list(false, model);
        }
    }

    @Allowed(CertificationPermission.RECOGNITION_DECIDE)
    @PostMapping("/{id}/decision")
    String decide(@PathVariable long id, @RequestParam int version, @RequestParam boolean approve,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            recognitions.decide(id, version, approve, note);
            redirect.addFlashAttribute("notice",
                    approve ? "assessment.recognition.approved" : "assessment.recognition.rejected");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        catch (OptimisticLockingFailureException ex) {
            redirect.addFlashAttribute("problems", List.of(new Problem(null, "assessment.error.stale")));
        }
        return "redirect:/certification/recognitions";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
