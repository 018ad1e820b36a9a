package org.jixing.supervision.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.access.Public;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.NavItem;
import org.jixing.supervision.Confirmation;
import org.jixing.supervision.Confirmations;
import org.jixing.supervision.SupervisionPermission;
import org.jixing.supervision.SupervisionPermission.Allowed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The trainee's pages: the phone-sized page a one-time code opens ("did you attend this
 * class?") and, signed in, their own requests.
 */
@Controller
class ConfirmationPages {

    private final Confirmations confirmations;

    ConfirmationPages(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    @Public
    @GetMapping("/confirm/{code}")
    String byCode(@PathVariable String code, HttpServletRequest request, Model model) {
        try {
            model.addAttribute("confirmation", confirmations.byCode(code, request.getRemoteAddr()));
            model.addAttribute("code", code);
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        return "supervision/confirm";
    }

    @Public
    @PostMapping("/confirm/{code}")
    String answerByCode(@PathVariable String code, @RequestParam(required = false) Boolean attended,
            @RequestParam(required = false) String remark, HttpServletRequest request, Model model) {
        try {
            model.addAttribute("answered", confirmations.answerByCode(code, attended, remark, request.getRemoteAddr()));
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        return "supervision/confirm";
    }

    @Allowed(SupervisionPermission.ATTENDANCE_CONFIRM)
    @GetMapping("/me/confirmations")
    String mine(Model model) {
        List<Confirmation> mine = confirmations.mine();
        model.addAttribute("confirmations", mine);
        model.addAttribute("now", confirmations.now());
        return "supervision/my-confirmations";
    }

    @Allowed(SupervisionPermission.ATTENDANCE_CONFIRM)
    @PostMapping("/me/confirmations/{id}")
    String answerMine(@PathVariable long id, @RequestParam(required = false) Boolean attended,
            @RequestParam(required = false) String remark, Model model, RedirectAttributes redirect) {
        try {
            confirmations.answerMine(id, attended, remark);
            redirect.addFlashAttribute("notice", "supervision.confirm.thanks");
            return "redirect:/me/confirmations";
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        return mine(model);
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem myConfirmationsNav() {
            return new NavItem("nav.myConfirmations", "/me/confirmations", 522, Set.of(Role.TRAINEE));
        }

    }

}
