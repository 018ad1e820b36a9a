package org.jixing.certification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the public verification answers about a number or a scanned token: VALID, REVOKED
 * (with when and why), UNKNOWN (no such number) or INVALID (a token whose signature does
 * not match the published key: altered or forged). The holder is masked.
 */
public record Verification(Outcome outcome, String number, String maskedHolder, String occupationCode, String levelCode,
        String bodyName, LocalDate issuedOn, Instant revokedAt, RevocationReason revokeReason, String keyId) {

    public enum Outcome {

        VALID, REVOKED, UNKNOWN, INVALID

    }

    static Verification of(Outcome outcome, String number) {
        return new Verification(outcome, number, null, null, null, null, null, null, null, null);
    }

    static Verification of(Certificate c) {
        return new Verification(c.valid() ? Outcome.VALID : Outcome.REVOKED, c.number(), c.maskedHolder(),
                c.occupationCode(), c.levelCode(), c.bodyName(), c.issuedOn(), c.revokedAt(), c.revokeReason(),
                c.keyId());
    }

}
