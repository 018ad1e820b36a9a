package org.jixing.employment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An enterprise's commitment to hire from an order class: how many by which day, and how
 * many it has recorded as hired so far.
 */
public record HireCommitment(long classId, String classNo, long providerId, String providerName, String regionCode,
        String employerCreditCode, String employerName, int committedCount, LocalDate deadline, String confirmedBy,
        Instant confirmedAt, long hired, int version) {

    public Fulfilment fulfilment() {
        return new Fulfilment(1, committedCount, hired);
    }

}
