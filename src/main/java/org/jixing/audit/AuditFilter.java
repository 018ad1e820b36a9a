package org.jixing.audit;

import java.time.LocalDate;

/**
 * Filters of the trail; null or blank means any. Dates are days in Beijing time,
 * inclusive.
 */
public record AuditFilter(String actor, String action, String recordType, String recordId, LocalDate from,
        LocalDate to) {
}
