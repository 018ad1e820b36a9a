package org.jixing.supervision.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.supervision.Alerts;
import org.jixing.supervision.Hit;
import org.jixing.supervision.SubjectKind;

/** What the rules over training share: distances, capped evidence lists, targets. */
final class RuleSupport {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private RuleSupport() {
    }

    /** Great-circle distance in kilometres (haversine); 0 when a place is unknown. */
    static double km(BigDecimal lat1, BigDecimal lng1, BigDecimal lat2, BigDecimal lng2) {
        if (lat1 == null || lng1 == null || lat2 == null || lng2 == null) {
            return 0;
        }
        double r = 6371.0;
        double p1 = Math.toRadians(lat1.doubleValue());
        double p2 = Math.toRadians(lat2.doubleValue());
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2.doubleValue() - lng1.doubleValue());
        double a = Math.sin(dp / 2) * Math.sin(dp / 2)
                + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }

    /** At most {@link Alerts#EVIDENCE_LIST_LIMIT} items of a list. */
    static <T> List<T> cap(List<T> items) {
        return items.size() <= Alerts.EVIDENCE_LIST_LIMIT ? items
                : new ArrayList<>(items.subList(0, Alerts.EVIDENCE_LIST_LIMIT));
    }

    /** Targets of one kind, each once, in order. */
    static List<Hit.Target> targets(SubjectKind kind, Collection<Long> ids) {
        List<Hit.Target> out = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            out.add(new Hit.Target(kind, id));
        }
        return out;
    }

    static List<Hit.Target> targets(Set<Long> enrolments, Set<Long> classes) {
        List<Hit.Target> out = new ArrayList<>(targets(SubjectKind.ENROLMENT, enrolments));
        out.addAll(targets(SubjectKind.CLASS, classes));
        return out;
    }

    /** A map of name-value pairs in the order given. */
    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    static double round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** The China days a window covers: its first day and the day after its last. */
    static LocalDate firstDay(Instant from) {
        return from.atZone(CHINA).toLocalDate();
    }

    static LocalDate dayAfter(Instant to) {
        return to.minusNanos(1).atZone(CHINA).toLocalDate().plusDays(1);
    }

    /** Whole days a window spans, at least one. */
    static long days(Instant from, Instant to) {
        long seconds = Duration.between(from, to).getSeconds();
        return Math.max(1, (seconds + 86_399) / 86_400);
    }

    /** The window around an event's window that pairs of records need. */
    static Instant before(Instant from, Duration margin) {
        return from.minus(margin);
    }

}
