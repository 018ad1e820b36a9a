package org.jixing.employment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A job demand (岗位需求) as it stands: the enterprise, the occupation and level, how many
 * people, where, the monthly wage range in yuan, from when, on which conditions.
 * {@code regionCode} is the county where given, else the city.
 */
public record JobDemand(long id, String demandNo, String enterpriseCreditCode, String enterpriseName,
        String occupationCode, String levelCode, int headcount, String cityCode, String countyCode, String regionCode,
        BigDecimal wageMin, BigDecimal wageMax, LocalDate startDate, String conditions, DemandStatus status,
        String statusReason, String publishedBy, Instant createdAt, String decidedBy, Instant decidedAt, int version) {
}
