package org.jixing.supervision;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A provider's or evaluation body's risk over time: per month (China time, oldest first,
 * only months with something) the alerts first seen, how many of them were high,
 * confirmed and dismissed, the cases opened, and the cases confirmed and dismissed that
 * month; and the alerts by rule.
 */
public record RiskProfile(SubjectKind kind, long id, List<Month> months, Map<String, Long> byRule) {

    /** One month of the profile. */
    public record Month(YearMonth month, long alerts, long high, long confirmed, long dismissed, long cases,
            long casesConfirmed, long casesDismissed) {
    }

    public long total() {
        return months.stream().mapToLong(Month::alerts).sum();
    }

}
