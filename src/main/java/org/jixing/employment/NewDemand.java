package org.jixing.employment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What it takes to publish a job demand. {@code enterpriseCreditCode} is the enterprise's
 * own for an enterprise account, and names the enterprise when an officer publishes for
 * it. Wages are yuan per month.
 */
public record NewDemand(String enterpriseCreditCode, String occupationCode, String levelCode, Integer headcount,
        String cityCode, String countyCode, BigDecimal wageMin, BigDecimal wageMax, LocalDate startDate,
        String conditions) {
}
