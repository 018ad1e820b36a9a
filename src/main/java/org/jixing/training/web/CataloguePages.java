package org.jixing.training.web;

import org.jixing.training.TrainingPermission;
import org.jixing.training.TrainingPermission.Allowed;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.training.DeliveryMode;
import org.jixing.training.NewProgramme;
import org.jixing.training.Programmes;
import org.jixing.training.Teachers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The programme catalogue (the province adds to it) and a provider's teachers. */
@Controller
class CataloguePages {

    private final Programmes programmes;

    private final Teachers teachers;

    private final ReferenceCatalogue reference;

    CataloguePages(Programmes programmes, Teachers teachers, ReferenceCatalogue reference) {
        this.programmes = programmes;
        this.teachers = teachers;
        this.reference = reference;
    }

    @Allowed(TrainingPermission.PROGRAMME_READ)
    @GetMapping("/programmes")
    String programmes(@RequestParam(required = false) String line, Model model) {
        model.addAttribute("programmes", programmes.list(line));
        model.addAttribute("line", line);
        model.addAttribute("lines", reference.actionLines());
        model.addAttribute("occupations", reference.occupations());
        model.addAttribute("levels", reference.skillLevels());
        model.addAttribute("modes", DeliveryMode.values());
        model.addAttribute("canEdit", TrainingPermission.PROGRAMME_WRITE.allowsCurrentUser());
        return "training/programmes";
    }

    @Allowed(TrainingPermission.PROGRAMME_WRITE)
    @PostMapping("/programmes")
    String addProgramme(NewProgramme programme, Model model, RedirectAttributes redirect) {
        try {
            programmes.create(programme);
            redirect.addFlashAttribute("notice", "training.programme.added");
            return "redirect:/programmes";
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("draft", programme);
            return programmes(null, model);
        }
    }

    @Allowed(TrainingPermission.TEACHER_READ)
    @GetMapping("/teachers")
    String teachers(Model model) {
        model.addAttribute("teachers", teachers.ofOwnProvider());
        return "training/teachers";
    }

    @Allowed(TrainingPermission.TEACHER_WRITE)
    @PostMapping("/teachers")
    String addTeacher(@RequestParam(required = false) String name,
            @RequestParam(required = false) String qualificationNo, Model model, RedirectAttributes redirect) {
        try {
            teachers.register(name, qualificationNo);
            redirect.addFlashAttribute("notice", "training.teacher.added");
            return "redirect:/teachers";
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("name", name);
            model.addAttribute("qualificationNo", qualificationNo);
            return teachers(model);
        }
    }

}
