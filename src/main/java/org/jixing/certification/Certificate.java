package org.jixing.certification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An issued certificate as recorded: holder name and body name copied as printed, the
 * signed token its QR code carries, and its revocation if any.
 */
public record Certificate(long id, String number, long personId, String holderName, String occupationCode,
        String levelCode, long evaluationBodyId, String bodyName, String regionCode, LocalDate issuedOn,
        CertificateRoute route, Long batchId, Long resultId, CertificateStatus status, Instant revokedAt,
        String revokedBy, RevocationReason revokeReason, String revokeDetails, String keyId, String token,
        String issuedBy, Instant createdAt, int version) {

    public boolean valid() {
        return status == CertificateStatus.VALID;
    }

    /** The holder's name as the public sees it: 张*明. */
    public String maskedHolder() {
        return HolderNames.mask(holderName);
    }

}
