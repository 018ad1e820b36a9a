package org.jixing.training;

import java.time.Instant;

/**
 * A person on a class roster, with the person's masked ID number and name for display.
 * {@code ineligibleReasons} lists, for a self-funded enrolment, the rules that kept it
 * from being subsidised.
 */
public record Enrolment(long id, long classId, long personId, String idNumberMasked, String name, boolean subsidised,
        String ineligibleReasons, EnrolmentStatus status, String token, Instant enrolledAt, int version,
        String completionReason) {
}
