package org.jixing.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A class as it stands. {@code version} guards concurrent decisions. */
public record TrainingClass(long id, String classNo, long providerId, String providerName, String regionCode,
        long programmeId, String lineCode, String subTargetCode, String occupationCode, String levelCode,
        ClassType classType, String employerName, String employerCreditCode, boolean subsidised, String venueAddress,
        BigDecimal venueLat, BigDecimal venueLng, LocalDate startDate, LocalDate endDate, int capacity,
        ClassStatus status, String statusReason, Instant statusSince, Instant createdAt, int version) {
}
