package org.jixing.certification.api;

import org.jixing.shared.access.Public;
import org.jixing.certification.CertificationPermission;
import org.jixing.certification.CertificationPermission.Allowed;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.certification.Certificate;
import org.jixing.certification.CertificateFilter;
import org.jixing.certification.CertificateRequest;
import org.jixing.certification.CertificateStatus;
import org.jixing.certification.Certificates;
import org.jixing.certification.CertificateSignatures;
import org.jixing.certification.CertificateRevocation;
import org.jixing.certification.CertificateIssuing;
import org.jixing.certification.RevocationReason;
import org.jixing.certification.SigningKey;
import org.jixing.certification.Verification;
import org.jixing.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certificates: issue, search in scope, revoke, and the public verification and keys.
 */
@RestController
@RequestMapping("/api/v1/certificates")
@Tag(name = "Certificates", description = "Skill-level certificates, their revocation and public verification")
class CertificatesApi {

    private final Certificates certificates;

    private final CertificateSignatures signatures;

    private final CertificateRevocation revocation;

    private final CertificateIssuing issuing;

    CertificatesApi(Certificates certificates, CertificateSignatures signatures, CertificateRevocation revocation,
            CertificateIssuing issuing) {
        this.certificates = certificates;
        this.signatures = signatures;
        this.revocation = revocation;
        this.issuing = issuing;
    }

    record Revocation(RevocationReason reason, String details) {
    }

    @Allowed(CertificationPermission.CERTIFICATE_READ)
    @GetMapping
    PageResult<Certificate> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String levelCode, @RequestParam(required = false) CertificateStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return certificates.search(new CertificateFilter(q, levelCode, status), Math.max(0, page),
                PageResult.size(size));
    }

    @Allowed(CertificationPermission.CERTIFICATE_ISSUE)
    @PostMapping
    @Operation(summary = "Issue a certificate (province administrator, or an evaluator of the body); "
            + "route ASSESSMENT, ENTERPRISE or DIRECT_RECOGNITION")
    ResponseEntity<Certificate> issue(@RequestBody CertificateRequest request) {
        Certificate c = issuing.issue(request);
        return ResponseEntity.created(URI.create("/api/v1/certificates/" + c.id())).body(c);
    }

    @Allowed(CertificationPermission.CERTIFICATE_READ)
    @GetMapping("/{id}")
    Certificate get(@PathVariable long id) {
        return certificates.get(id);
    }

    @Allowed(CertificationPermission.CERTIFICATE_READ)
    @GetMapping("/by-number/{number}")
    Certificate byNumber(@PathVariable String number) {
        return certificates.byNumber(number);
    }

    @Allowed(CertificationPermission.CERTIFICATE_READ)
    @GetMapping("/of-person/{personId}")
    @Operation(summary = "A person's certificates (their ladder and history) as far as the caller's scope shows")
    List<Certificate> ofPerson(@PathVariable long personId) {
        return certificates.ofPerson(personId);
    }

    @Allowed(CertificationPermission.CERTIFICATE_ISSUE)
    @PostMapping("/by-number/{number}/revocation")
    @Operation(summary = "Revoke a certificate at once (province administrator or the issuing body's evaluator)")
    Certificate revoke(@PathVariable String number, @RequestBody Revocation body) {
        return revocation.revoke(number, body == null ? null : body.reason(), body == null ? null : body.details());
    }

    @Allowed(CertificationPermission.KEY_ROTATE)
    @PostMapping("/keys/rotation")
    @Operation(summary = "Rotate the signing key (province administrator): old certificates still verify")
    SigningKey rotate() {
        return signatures.rotateKey();
    }

    @Public
    @GetMapping("/keys")
    @Operation(summary = "Public: the Ed25519 public keys (X.509 DER, base64) that verify certificate tokens")
    List<SigningKey> keys() {
        return signatures.keys();
    }

    @Public
    @GetMapping("/verify/{number}")
    @Operation(summary = "Public: VALID, REVOKED or UNKNOWN for a certificate number, holder masked")
    Verification verify(@PathVariable String number) {
        return signatures.verify(number);
    }

    @Public
    @GetMapping("/verify")
    @Operation(
            summary = "Public: checks a scanned token's signature, then the certificate's status (INVALID if altered)")
    Verification verifyToken(@RequestParam String token) {
        return signatures.verifyToken(token);
    }

}
