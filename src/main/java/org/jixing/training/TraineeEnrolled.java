package org.jixing.training;

import java.time.Instant;

/**
 * A person was enrolled on a class (by provider staff, one at a time): for supervision's
 * rules over enrolments (a provider's surge, a person in two classes at once). A plain,
 * synchronous event published in the enrolling transaction; listeners act after it
 * commits. Carries no personal data.
 */
public record TraineeEnrolled(long enrolmentId, long personId, long classId, long providerId, String regionCode,
        Instant enrolledAt) {
}
