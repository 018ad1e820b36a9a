package org.jixing.certification;

import java.time.Instant;
import java.time.LocalDate;

/** Published when a certificate is revoked; it stops verifying as valid at once. */
public record CertificateRevoked(long certificateId, String number, long personId, String occupationCode,
        String levelCode, String regionCode, LocalDate issuedOn, Instant revokedAt, RevocationReason reason) {
}
