package org.jixing.employment;

import java.time.LocalDate;

/**
 * An order class in a list: the class, its provider and employer, how many demands it
 * trains for, and its commitment (committed null while the enterprise has not confirmed).
 */
public record OrderClassRow(long classId, String classNo, long providerId, String providerName, String regionCode,
        String employerCreditCode, long demands, Integer committed, LocalDate deadline, long hired) {

    public Double rate() {
        return committed == null || committed == 0 ? null : (double) hired / committed;
    }

}
