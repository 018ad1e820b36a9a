package org.jixing.training.web;

import org.jixing.training.TrainingPermission;
import org.jixing.training.TrainingPermission.Allowed;
import java.math.BigDecimal;
import java.util.Set;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.NavItem;
import org.jixing.training.NewTerminal;
import org.jixing.training.Terminals;
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
 * A provider's check-in terminals: the list (retired ones too), the form that registers
 * one, and retirement with a reason. Officers and auditors read their scope's list.
 */
@Controller
class TerminalPages {

    private final Terminals terminals;

    TerminalPages(Terminals terminals) {
        this.terminals = terminals;
    }

    @Allowed(TrainingPermission.TERMINAL_READ)
    @GetMapping("/terminals")
    String list(@RequestParam(required = false) Long providerId, Model model) {
        model.addAttribute("terminals", terminals.list(providerId, true));
        model.addAttribute("canRegister", TrainingPermission.TERMINAL_WRITE.allowsCurrentUser());
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new NewTerminal(null, null, null, null, null));
        }
        return "training/terminals";
    }

    @Allowed(TrainingPermission.TERMINAL_WRITE)
    @PostMapping("/terminals")
    String register(@RequestParam(required = false) String deviceId, @RequestParam(required = false) String name,
            @RequestParam(required = false) String venueAddress, @RequestParam(required = false) String venueLat,
            @RequestParam(required = false) String venueLng, Model model, RedirectAttributes redirect) {
        NewTerminal draft = new NewTerminal(deviceId, name, venueAddress, decimal(venueLat), decimal(venueLng));
        try {
            terminals.register(draft);
            redirect.addFlashAttribute("notice", "training.terminal.registered");
            return "redirect:/terminals";
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("draft", draft);
            return list(null, model);
        }
    }

    @Allowed(TrainingPermission.TERMINAL_WRITE)
    @PostMapping("/terminals/{id}/retirement")
    String retire(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            terminals.retire(id, reason);
            redirect.addFlashAttribute("notice", "training.terminal.retired");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/terminals";
    }

    /** A coordinate as typed; what is not a number counts as missing and is named. */
    private static BigDecimal decimal(String value) {
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value.strip());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem terminalsNav() {
            return new NavItem("nav.terminals", "/terminals", 325, Set.of(Role.PROVIDER_STAFF));
        }

    }

}
