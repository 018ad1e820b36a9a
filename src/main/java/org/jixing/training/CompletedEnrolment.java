package org.jixing.training;

import java.time.LocalDate;

/**
 * A completed enrolment with what an employment follow-up needs of its class: the
 * programme, occupation, line and region, the class type and the employer of an order
 * class, the class period, and how many trainees its roster held (not withdrawn) for the
 * completion rate.
 */
public record CompletedEnrolment(long enrolmentId, long personId, long classId, String classNo, long providerId,
        long programmeId, String occupationCode, String levelCode, String lineCode, String regionCode, String classType,
        String employerCreditCode, LocalDate startDate, LocalDate endDate, LocalDate completedOn, int classEnrolled) {
}
