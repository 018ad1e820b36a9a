package org.jixing.employment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An approved, open job demand as the public sees it: the enterprise, the post and its
 * terms; no personal data and nothing of who published or decided it.
 */
public record OpenDemand(long id, String demandNo, String enterpriseName, String occupationCode, String levelCode,
        int headcount, String cityCode, String countyCode, BigDecimal wageMin, BigDecimal wageMax, LocalDate startDate,
        String conditions) {
}
