package org.jixing.provider;

/**
 * Where a filed body stands. Only an {@link #ACTIVE} body may open classes or run
 * assessments.
 */
public enum FilingStatus {

    /** Applied, waiting for the region's decision. */
    PENDING,
    /** Filed and in good standing. */
    ACTIVE,
    /** The application was refused; the reason says why. */
    REJECTED,
    /** Temporarily barred, e.g. while a supervision case is open. */
    SUSPENDED,
    /** Barred for cause (fake training, subsidy fraud); only the province lifts it. */
    BLACKLISTED

}
