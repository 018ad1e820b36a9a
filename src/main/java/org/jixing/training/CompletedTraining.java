package org.jixing.training;

import java.time.LocalDate;

/**
 * A completed enrolment as other modules read it: who completed which class, of which
 * occupation and level, and when.
 */
public record CompletedTraining(long enrolmentId, long personId, long classId, String classNo, long providerId,
        String regionCode, String occupationCode, String levelCode, LocalDate completedOn) {
}
