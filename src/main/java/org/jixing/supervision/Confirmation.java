package org.jixing.supervision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A trainee's confirmation of a claimed class: the claim and class it asks about (class
 * number, occupation, dates, provider), whether it is still waiting, confirmed or denied,
 * the trainee's remark, and until when it may be answered. Never carries the code.
 */
public record Confirmation(long id, long claimId, String claimNo, long classId, String classNo, String occupationCode,
        LocalDate startDate, LocalDate endDate, String providerName, long enrolmentId, long personId, Status status,
        String remark, Instant createdAt, Instant expiresAt, Instant answeredAt) {

    public enum Status {

        PENDING, CONFIRMED, DENIED

    }

    /** Whether it may still be answered at {@code now}. */
    public boolean answerable(Instant now) {
        return status == Status.PENDING && now.isBefore(expiresAt);
    }

}
