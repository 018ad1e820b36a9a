package org.jixing.subsidy;

import java.time.Instant;

import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.Money;
import org.jixing.shared.scope.CurrentUser;

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

    /**
     * Whether {@code me} may take {@code action} on the order as it stands, and where it
     * leads. The officers of the policy ({@link SubsidyPermission#PAYMENT_WRITE})
     * download the bank file of any order (the first download exports it; later ones list
     * what is still pending) and import the bank's results for an exported order only:
     * not before the file went to the bank, and not once every line is paid or failed.
     */
    public PaymentStep step(PaymentAction action, CurrentUser me) {
        if (!SubsidyPermission.PAYMENT_WRITE.allows(me)) {
            return new PaymentStep.Refused(null, "officers pay subsidies");
        }
        return switch (action) {
            case EXPORT -> new PaymentStep.Allowed(status == Status.OPEN ? Status.EXPORTED : status);
            case IMPORT_RESULTS -> switch (status) {
                case OPEN -> new PaymentStep.Refused(new Problem("file", "subsidy.payment.error.notExported"), null);
                case EXPORTED -> new PaymentStep.Allowed(Status.EXPORTED);
                case SETTLED -> new PaymentStep.Refused(new Problem("file", "subsidy.payment.error.settled"), null);
            };
        };
    }

    /**
     * Whether the order's page offers {@code me} the bank file and the results form:
     * while the order waits on the bank, to whom may take both steps (the results once
     * the file is downloaded).
     */
    public boolean waitsOnBankFor(CurrentUser me) {
        PaymentStep results = step(PaymentAction.IMPORT_RESULTS, me);
        return step(PaymentAction.EXPORT, me).allowed() && (results.allowed() || status == Status.OPEN);
    }

}
