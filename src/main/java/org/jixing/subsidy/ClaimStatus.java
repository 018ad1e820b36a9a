package org.jixing.subsidy;

/** Where a subsidy claim stands, from filing to payment. */
public enum ClaimStatus {

    /** Filed (or corrected and filed again); the city reviews it. */
    SUBMITTED,
    /** The city approved it; as a key project or a large amount, the province decides. */
    PROVINCE_REVIEW,
    /**
     * A reviewer sent it back for correction; the provider corrects and files it again.
     */
    RETURNED,
    /** Refused for good; its trainees may be claimed again on a new claim. */
    REJECTED,
    /** Approved and committed against the budget; waits for a payment order. */
    APPROVED,
    /** On a payment order sent to the bank. */
    IN_PAYMENT,
    /** The bank paid it. */
    PAID;

    /** The reviewers' stage this status waits on, or null. */
    public String stage() {
        return switch (this) {
            case SUBMITTED -> "CITY";
            case PROVINCE_REVIEW -> "PROVINCE";
            default -> null;
        };
    }

}
