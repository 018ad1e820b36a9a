package org.jixing.training.web;

import java.time.DayOfWeek;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.FormErrors;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassType;
import org.jixing.training.Programme;
import org.jixing.training.Programmes;
import org.jixing.training.Teachers;
import org.jixing.training.TrainingClass;
import org.jixing.training.TrainingPermission;
import org.jixing.training.TrainingPermission.Allowed;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The form a provider applies with to open a class: its programme, teachers and sessions.
 */
@Controller
@RequestMapping("/classes")
class ClassApplicationPages {

    private final ClassOpenings classes;

    private final Programmes programmes;

    private final Teachers teachers;

    ClassApplicationPages(ClassOpenings classes, Programmes programmes, Teachers teachers) {
        this.classes = classes;
        this.programmes = programmes;
        this.teachers = teachers;
    }

    @Allowed(TrainingPermission.CLASS_RUN)
    @GetMapping("/new")
    String form(Model model) {
        requireStaff();
        model.addAttribute("form", new ClassForm());
        return formPage(model);
    }

    @Allowed(TrainingPermission.CLASS_RUN)
    @PostMapping
    String apply(@ModelAttribute("form") ClassForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        requireStaff();
        if (binding.hasErrors()) {
            return formPage(model);
        }
        try {
            TrainingClass c = classes.apply(form.toApplication());
            redirect.addFlashAttribute("notice", "training.applied");
            return "redirect:/classes/" + c.id();
        }
        catch (InvalidInputException ex) {
            FormErrors.apply(ex, binding);
            return formPage(model);
        }
    }

    private String formPage(Model model) {
        model.addAttribute("programmes", programmes.list(null).stream().filter(Programme::active).toList());
        model.addAttribute("teachers", teachers.ofOwnProvider());
        model.addAttribute("types", ClassType.values());
        model.addAttribute("days", DayOfWeek.values());
        return "training/class-form";
    }

    private static void requireStaff() {
        if (!CurrentUser.require().hasRole(Role.PROVIDER_STAFF)) {
            throw new AccessDeniedException("provider staff apply to open classes");
        }
    }

}
