package org.jixing.provider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A training provider or evaluation body as filed: its particulars, its permits, and
 * where its filing stands. {@code version} guards concurrent decisions.
 */
public record FiledBody(long id, Registry registry, BodyKind kind, String name, String creditCode, String regionCode,
        String address, String legalRepresentative, String contactName, String contactPhone, int capacity,
        boolean skillMasterStudio, boolean publicTrainingBase, String filingNo, LocalDate filingValidFrom,
        LocalDate filingValidUntil, FilingStatus status, String statusReason, Instant statusSince, Instant createdAt,
        int version, List<Permit> permits) {

    /** Active and its filing valid on the given day. */
    public boolean inGoodStanding(LocalDate day) {
        return status == FilingStatus.ACTIVE && filingValidFrom != null && !day.isBefore(filingValidFrom)
                && (filingValidUntil == null || !day.isAfter(filingValidUntil));
    }

    public boolean permits(String occupationCode, String levelCode) {
        return permits.contains(new Permit(occupationCode, levelCode));
    }

}
