package org.jixing.certification.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jixing.certification.Certificate;
import org.jixing.certification.CertificateFilter;
import org.jixing.certification.CertificateRevocation;
import org.jixing.certification.CertificateSignatures;
import org.jixing.certification.CertificateStatus;
import org.jixing.certification.Certificates;
import org.jixing.certification.CertificationPermission;
import org.jixing.certification.CertificationPermission.Allowed;
import org.jixing.certification.RevocationReason;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.QrCodes;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Certificates in the user's scope: the list with search, a certificate with its QR code,
 * the holder's ladder and the revocation form, and a trainee's own certificates.
 */
@Controller
@RequestMapping("/certification")
class CertificatePages {

    private final Certificates certificates;

    private final CertificateSignatures signatures;

    private final CertificateRevocation revocation;

    private final CertificateNames names;

    private final CertificatePdf pdf;

    CertificatePages(Certificates certificates, CertificateSignatures signatures, CertificateRevocation revocation,
            CertificateNames names, CertificatePdf pdf) {
        this.certificates = certificates;
        this.signatures = signatures;
        this.revocation = revocation;
        this.names = names;
        this.pdf = pdf;
    }

    @Allowed(CertificationPermission.CERTIFICATE_READ)
    @GetMapping("/certificates")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String levelCode,
            @RequestParam(required = false) CertificateStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("result", certificates.search(new CertificateFilter(q, levelCode, status), Math.max(0, page),
                PageResult.size(size)));
        model.addAttribute("q", q);
        model.addAttribute("levelCode", levelCode);
        model.addAttribute("status", status);
        model.addAttribute("levelList", certificates.levels());
        model.addAttribute("mayRotate", CertificationPermission.KEY_ROTATE.allowsCurrentUser());
        names.addTo(model);
        return "certification/certificate-list";
    }

    @Allowed(CertificationPermission.CERTIFICATE_READ)
    @GetMapping("/certificates/{id}")
    String detail(@PathVariable long id, Model model) {
        Certificate c = certificates.get(id);
        model.addAttribute("c", c);
        model.addAttribute("ladder", certificates.ofPerson(c.personId()));
        model.addAttribute("mayRevoke", certificates.mayRevoke(c));
        model.addAttribute("reasons", RevocationReason.values());
        names.addTo(model);
        return "certification/certificate-detail";
    }

    @Allowed(CertificationPermission.CERTIFICATE_READ)
    @GetMapping(value = "/certificates/{id}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> qr(@PathVariable long id) {
        Certificate c = certificates.get(id);
        return ResponseEntity.ok()
            .contentType(MediaType.valueOf("image/svg+xml"))
            .body(QrCodes.svg(signatures.qrText(c)));
    }

    /** The printable certificate: the holder, officers in scope, the issuing body. */
    @Allowed(CertificationPermission.CERTIFICATE_READ)
    @GetMapping("/certificates/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
        Certificate c = certificates.get(id);
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header("Content-Disposition", "inline; filename=\"certificate-" + c.number() + ".pdf\"")
            .body(pdf.render(c, locale));
    }

    @Allowed(CertificationPermission.CERTIFICATE_ISSUE)
    @PostMapping("/certificates/{id}/revocation")
    String revoke(@PathVariable long id, @RequestParam(required = false) RevocationReason reason,
            @RequestParam(required = false) String details, RedirectAttributes redirect) {
        Certificate c = certificates.get(id);
        try {
            revocation.revoke(c.number(), reason, details);
            redirect.addFlashAttribute("notice", "certificates.revoked");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        catch (OptimisticLockingFailureException ex) {
            redirect.addFlashAttribute("problems",
                    List.of(new InvalidInputException.Problem(null, "certificates.error.stale")));
        }
        return "redirect:/certification/certificates/" + id;
    }

    @Allowed(CertificationPermission.KEY_ROTATE)
    @PostMapping("/keys/rotation")
    String rotate(RedirectAttributes redirect) {
        signatures.rotateKey();
        redirect.addFlashAttribute("notice", "certificates.key.rotated");
        return "redirect:/certification/certificates";
    }

    @Allowed(CertificationPermission.OWN_CERTIFICATES)
    @GetMapping("/my-certificates")
    String mine(Model model) {
        model.addAttribute("ladder", certificates.mine());
        names.addTo(model);
        return "certification/my-certificates";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem certificatesNav() {
            return new NavItem("nav.certificates", "/certification/certificates", 520,
                    Set.of(Role.PROVINCE_ADMIN, Role.CITY_OFFICER, Role.EVALUATOR, Role.AUDITOR))
                .inGroup("nav.group.certification");
        }

        @Bean
        NavItem myCertificatesNav() {
            return new NavItem("nav.myCertificates", "/certification/my-certificates", 521, Set.of(Role.TRAINEE))
                .inGroup("nav.group.certification");
        }

    }

}
