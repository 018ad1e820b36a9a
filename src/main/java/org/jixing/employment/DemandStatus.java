package org.jixing.employment;

/**
 * Where a job demand stands: submitted to the city, approved (open), returned, closed.
 */
public enum DemandStatus {

    /** Published by the enterprise or an officer for it; the city decides. */
    SUBMITTED,
    /** Approved: open, listed for providers and the public. */
    APPROVED,
    /** Returned by the city with the reason; the enterprise may submit it again. */
    RETURNED,
    /** Filled or withdrawn: no longer listed. */
    CLOSED

}
