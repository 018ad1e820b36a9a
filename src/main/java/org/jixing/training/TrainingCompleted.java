package org.jixing.training;

import java.time.LocalDate;
import java.util.Set;

/**
 * A trainee completed a training: one person-time toward the line and sub-target, in the
 * class's region, subsidised or not, with the trainee groups the trainee held when the
 * class started. Statistics count it; subsidies pay for it.
 */
public record TrainingCompleted(long enrolmentId, long personId, long classId, long providerId, String lineCode,
        String subTargetCode, String regionCode, String occupationCode, String levelCode, boolean subsidised,
        LocalDate completedOn, Set<String> groupCodes) {
}
