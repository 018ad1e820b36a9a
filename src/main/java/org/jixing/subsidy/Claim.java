package org.jixing.subsidy;

import java.time.Instant;
import java.time.LocalDate;

import org.jixing.shared.Money;

/**
 * A subsidy claim for a completed class as it stands. {@code ruleVersion} is the version
 * of the rules it was computed with; {@code version} guards concurrent decisions;
 * {@code adjustments} is how much of it trainee-group adjustments make and how much of
 * that rests only on the provider's declaration, as priced.
 */
public record Claim(long id, String claimNo, long classId, String classNo, long providerId, String providerName,
        String regionCode, String lineCode, String occupationCode, String levelCode, int trainingYear,
        String fundSourceCode, long ruleSetId, int ruleVersion, Long budgetId, int trainees, Money amount,
        boolean provinceReview, ClaimStatus status, LocalDate reviewDueOn, String payeeName, String payeeAccount,
        String payeeBank, String submittedBy, Instant submittedAt, Instant statusSince, int version,
        AdjustmentShare adjustments) {

    /** Waiting on a reviewer past its deadline. */
    public boolean overdue(LocalDate today) {
        return status.stage() != null && reviewDueOn != null && today.isAfter(reviewDueOn);
    }

    /** The payee's account number with all but the last four digits hidden. */
    public String payeeAccountMasked() {
        return AccountNumbers.mask(payeeAccount);
    }

}
