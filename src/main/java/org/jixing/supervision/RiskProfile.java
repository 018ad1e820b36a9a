package org.jixing.supervision;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A provider's or evaluation body's risk over time: per month (China time) the alerts
 * first seen, how many were high, confirmed and dismissed; and the alerts by rule.
 */
public record RiskProfile(SubjectKind kind, long id, List<Month> months, Map<String, Long> byRule) {

    /** One month of the profile. */
    public record Month(YearMonth month, long alerts, long high, long confirmed, long dismissed) {
    }

    public long total() {
        return months.stream().mapToLong(Month::alerts).sum();
    }

}
