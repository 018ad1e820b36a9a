package org.jixing.account.web;

import org.jixing.account.AccountPermission;
import org.jixing.account.AccountPermission.Allowed;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jixing.account.SecondFactors;
import org.jixing.account.SignedInSession;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.QrCodes;
import org.jixing.shared.scope.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's second factor: enrol by scanning a QR code (or typing the secret)
 * and confirming with a code; turn it off with a current code. The secret being enrolled
 * stays in the session until it is confirmed.
 */
@Controller
@RequestMapping("/account/second-factor")
class SecondFactorPages {

    static final String PENDING = "jixing.secondFactor.pending";

    private final SecondFactors factors;

    private final SignedInSession session;

    SecondFactorPages(SecondFactors factors, SignedInSession session) {
        this.factors = factors;
        this.session = session;
    }

    @Allowed(AccountPermission.OWN_ACCOUNT)
    @GetMapping
    String page(HttpSession http, Model model) {
        CurrentUser me = CurrentUser.require();
        boolean on = factors.isOn(me.id());
        model.addAttribute("on", on);
        model.addAttribute("required", factors.requiredFor(me.role()));
        if (on) {
            http.removeAttribute(PENDING);
            model.addAttribute("codesLeft", factors.recoveryCodesLeft());
        }
        else {
            String secret = (String) http.getAttribute(PENDING);
            SecondFactors.Enrolment enrolment = secret == null ? factors.begin() : factors.enrolment(secret);
            http.setAttribute(PENDING, enrolment.secret());
            model.addAttribute("secret", enrolment.secret().replaceAll("(.{4})(?!$)", "$1 "));
            model.addAttribute("qr", "data:image/svg+xml;base64," + Base64.getEncoder()
                .encodeToString(QrCodes.svg(enrolment.keyUri()).getBytes(StandardCharsets.UTF_8)));
        }
        return "account/second-factor";
    }

    @Allowed(AccountPermission.OWN_ACCOUNT)
    @PostMapping
    String enrol(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            List<String> codes = factors.enrol((String) request.getSession().getAttribute(PENDING), code);
            request.getSession().removeAttribute(PENDING);
            // The code just given is this session's second factor.
            session.passedSecondFactor(request, response);
            redirect.addFlashAttribute("recoveryCodes", codes);
            redirect.addFlashAttribute("notice", "account.secondFactor.enrolled");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/account/second-factor";
    }

    @Allowed(AccountPermission.OWN_ACCOUNT)
    @PostMapping("/off")
    String off(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            factors.turnOff(code);
            session.turnedSecondFactorOff(request, response);
            redirect.addFlashAttribute("notice", "account.secondFactor.turnedOff");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/account/second-factor";
    }

}
