package org.jixing.certification.web;

import org.jixing.shared.access.Public;
import org.jixing.certification.CertificateSignatures;
import org.jixing.certification.Verification;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The public verification page: by certificate number, or by the token a QR code carries
 * (its signature checked against the published key, then the certificate's status).
 */
@Controller
class VerifyPages {

    private final CertificateSignatures signatures;

    private final CertificateNames names;

    VerifyPages(CertificateSignatures signatures, CertificateNames names) {
        this.signatures = signatures;
        this.names = names;
    }

    @Public
    @GetMapping("/verify")
    String form(@RequestParam(required = false) String token, @RequestParam(required = false) String number,
            Model model) {
        if (token != null && !token.isBlank()) {
            return show(signatures.verifyToken(token), true, model);
        }
        if (number != null && !number.isBlank()) {
            return "redirect:/verify/" + UriUtils.encodePathSegment(number.strip(), "UTF-8");
        }
        model.addAttribute("keys", signatures.keys());
        return "certification/verify";
    }

    @Public
    @PostMapping("/verify")
    String token(@RequestParam(required = false) String token, Model model) {
        return show(signatures.verifyToken(token), true, model);
    }

    @Public
    @GetMapping("/verify/{number}")
    String number(@PathVariable String number, Model model) {
        return show(signatures.verify(number), false, model);
    }

    private String show(Verification v, boolean byToken, Model model) {
        model.addAttribute("v", v);
        model.addAttribute("byToken", byToken);
        model.addAttribute("keys", signatures.keys());
        names.addTo(model);
        return "certification/verify";
    }

}
