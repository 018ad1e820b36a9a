package org.jixing.subsidy;

import java.time.Instant;

import org.jixing.shared.Money;

/**
 * A payment order (付款单): the approved claims of one city and fund source gathered to be
 * sent to the bank in one file. {@code lines} and {@code amount} are what it was opened
 * with; {@code version} guards concurrent imports of bank results.
 */
public record PaymentOrder(long id, String orderNo, String fundSourceCode, String regionCode, Status status, int lines,
        Money amount, String createdBy, Instant createdAt, Instant exportedAt, Instant settledAt, int version) {

    public enum Status {

        /** Opened; the bank file has not been downloaded yet. */
        OPEN,
        /** The bank file was downloaded; waiting on the bank's results. */
        EXPORTED,
        /** Every line was paid or failed. */
        SETTLED

    }

}
