package org.jixing.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jixing.account.AccountPermission;
import org.jixing.account.AccountPermission.Allowed;
import org.jixing.account.SecondFactors;
import org.jixing.account.SignedInSession;
import org.jixing.shared.scope.CurrentUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in when the account has the second factor on: a code from
 * the app, or a recovery code. {@value #MAX_FAILURES} wrong codes end the session (the
 * password must be given again), so a stolen password alone cannot try codes at will.
 */
@Controller
@RequestMapping("/login/totp")
class TotpSignIn {

    static final int MAX_FAILURES = 5;

    static final String FAILURES = "jixing.secondFactor.failures";

    private final SecondFactors factors;

    private final SignedInSession session;

    TotpSignIn(SecondFactors factors, SignedInSession session) {
        this.factors = factors;
        this.session = session;
    }

    @Allowed(AccountPermission.OWN_ACCOUNT)
    @GetMapping
    String page() {
        if (SignedInSession.passedSecondFactor(SecurityContextHolder.getContext().getAuthentication())
                || !factors.isOn(CurrentUser.require().id())) {
            return "redirect:/";
        }
        return "account/login-totp";
    }

    @Allowed(AccountPermission.OWN_ACCOUNT)
    @PostMapping
    String verify(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        if (factors.verify(code)) {
            request.getSession().removeAttribute(FAILURES);
            session.passedSecondFactor(request, response);
            return "redirect:/";
        }
        HttpSession http = request.getSession();
        Integer failures = (Integer) http.getAttribute(FAILURES);
        int now = failures == null ? 1 : failures + 1;
        if (now >= MAX_FAILURES) {
            http.invalidate();
            SecurityContextHolder.clearContext();
            return "redirect:/login?error=second-factor";
        }
        http.setAttribute(FAILURES, now);
        model.addAttribute("errorKey", "login.totp.wrong");
        model.addAttribute("left", MAX_FAILURES - now);
        return "account/login-totp";
    }

}
