package org.jixing.account.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.jixing.account.AccountPermission;
import org.jixing.account.AccountPermission.Allowed;
import org.jixing.account.OwnAccount;
import org.jixing.shared.InvalidInputException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: password and API tokens. */
@Controller
@RequestMapping("/account")
class AccountPages {

    private final OwnAccount accounts;

    AccountPages(OwnAccount accounts) {
        this.accounts = accounts;
    }

    @Allowed(AccountPermission.OWN_ACCOUNT)
    @GetMapping
    String page(Model model) {
        model.addAttribute("account", accounts.me());
        model.addAttribute("tokens", accounts.ownTokens());
        model.addAttribute("now", Instant.now());
        return "account/me";
    }

    @Allowed(AccountPermission.OWN_ACCOUNT)
    @PostMapping("/password")
    String changePassword(@RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword, RedirectAttributes redirect) {
        try {
            accounts.changeOwnPassword(currentPassword, newPassword);
            redirect.addFlashAttribute("notice", "account.password.changed");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/account";
    }

    @Allowed(AccountPermission.OWN_ACCOUNT)
    @PostMapping("/tokens")
    String createToken(@RequestParam(required = false) String name, @RequestParam(defaultValue = "90") int days,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("newToken", accounts.createToken(name, days));
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/account";
    }

    /** Ends every session of this account, this one too, and goes to the sign-in page. */
    @Allowed(AccountPermission.OWN_ACCOUNT)
    @PostMapping("/sign-out-everywhere")
    String signOutEverywhere(HttpServletRequest request) {
        accounts.signOutEverywhere();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?logout";
    }

    @Allowed(AccountPermission.OWN_ACCOUNT)
    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        accounts.revokeToken(id);
        redirect.addFlashAttribute("notice", "account.token.revoked");
        return "redirect:/account";
    }

}
