package org.jixing.subsidy;

import java.time.Instant;
import java.time.LocalDate;

import org.jixing.shared.Money;

/**
 * An order to recover money paid for trainees or a claim found improper, with what has
 * been repaid against it.
 */
public record Recovery(long id, String recoveryNo, long claimId, String claimNo, long providerId, String providerName,
        String regionCode, String lineCode, String fundSourceCode, int year, Reason reason, String details,
        Money amount, Money repaid, LocalDate dueOn, Status status, String createdBy, Instant createdAt, int version) {

    /** Why the money is recovered. */
    public enum Reason {

        FAKE_TRAINING, FAKE_EVALUATION, OTHER

    }

    public enum Status {

        OPEN, SETTLED

    }

    public Money outstanding() {
        return amount.minus(repaid);
    }

    public boolean overdue(LocalDate today) {
        return status == Status.OPEN && today.isAfter(dueOn);
    }

}
