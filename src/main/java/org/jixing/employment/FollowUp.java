package org.jixing.employment;

import java.math.BigDecimal;

/**
 * A completed enrolment followed at 3, 6 and 12 months after the month its class ended,
 * and whether the person contributed during the class.
 */
public record FollowUp(long enrolmentId, long personId, long classId, String endMonth, Month m3, Month m6, Month m12,
        boolean contributingDuringClass) {

    /** Employed, not employed, or not yet known (no import of that month yet). */
    public enum Status {

        EMPLOYED, NOT_EMPLOYED, NOT_YET_KNOWN

    }

    /**
     * A follow-up month: its status, and when employed the employer's credit code, the
     * contribution base (yuan) and whether the employer is the order class's.
     */
    public record Month(String month, Status status, String employer, BigDecimal base, boolean orderEmployer) {

        public boolean employed() {
            return status == Status.EMPLOYED;
        }

        /** True, false, or null when not yet known. */
        public Boolean employedOrUnknown() {
            return status == Status.NOT_YET_KNOWN ? null : employed();
        }

    }

}
