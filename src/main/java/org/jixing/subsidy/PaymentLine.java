package org.jixing.subsidy;

import java.time.Instant;

import org.jixing.shared.Money;

/**
 * A claim on a payment order: who is paid, into which account, how much, and what the
 * bank answered.
 */
public record PaymentLine(long id, long orderId, String orderNo, long claimId, String claimNo, long budgetId,
        String payeeName, String payeeAccount, String payeeBank, Money amount, Status status, String bankReference,
        String failureReason, Instant settledAt) {

    public enum Status {

        /** Sent (or to be sent) to the bank; no result yet. */
        PENDING,
        /** The bank paid it. */
        PAID,
        /** The bank could not pay it; the claim may go on a new order. */
        FAILED

    }

}
