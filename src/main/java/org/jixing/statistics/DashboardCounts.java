package org.jixing.statistics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jixing.reference.SubTarget;
import org.jixing.statistics.ProgressViews.Figure;

/**
 * The completions a progress dashboard counts, read once: by sub-target, city and month,
 * this year's (subsidised and not) and last year's. Every figure of the dashboard is a
 * {@link Tally} of some of them.
 */
final class DashboardCounts {

    /** Completions of a sub-target in a city and month. */
    static final class MonthCount {

        final String city;

        final int month;

        long done;

        long notSubsidised;

        long lastYear;

        MonthCount(String city, int month) {
            this.city = city;
            this.month = month;
        }

    }

    /** Sub-target code → "city|month" → count. */
    private final Map<String, Map<String, MonthCount>> bySubTarget = new HashMap<>();

    private final int year;

    DashboardCounts(int year) {
        this.year = year;
    }

    /** Adds completions of a sub-target in a city, year and month. */
    void add(int yearOf, String subTarget, String city, int month, long subsidised, long notSubsidised) {
        MonthCount c = bySubTarget.computeIfAbsent(subTarget, k -> new HashMap<>())
            .computeIfAbsent(city + "|" + month, k -> new MonthCount(city, month));
        if (yearOf == year) {
            c.done += subsidised;
            c.notSubsidised += notSubsidised;
        }
        else {
            c.lastYear += subsidised;
        }
    }

    /** The completions of some sub-targets in the cities that pass. */
    Tally tally(Collection<SubTarget> subTargets, Predicate<String> city) {
        Tally t = new Tally();
        for (SubTarget st : subTargets) {
            for (MonthCount c : bySubTarget.getOrDefault(st.code(), Map.of()).values()) {
                if (city.test(c.city)) {
                    t.add(c);
                }
            }
        }
        return t;
    }

    Tally tally(SubTarget subTarget, Predicate<String> city) {
        return tally(List.of(subTarget), city);
    }

    /** Adds two targets, either of them possibly unset. */
    static Long plus(Long a, Long b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a + b;
    }

    /**
     * The cities' shares of the year's targets: sub-target code → city code → share.
     */
    record Shares(Map<String, Map<String, Long>> bySubTarget) {

        /**
         * The sum of the shares of some sub-targets in some cities; null where none is
         * set.
         */
        Long of(Collection<SubTarget> subTargets, Set<String> cities) {
            Long total = null;
            for (SubTarget st : subTargets) {
                for (Map.Entry<String, Long> e : bySubTarget.getOrDefault(st.code(), Map.of()).entrySet()) {
                    if (cities.contains(e.getKey())) {
                        total = plus(total, e.getValue());
                    }
                }
            }
            return total;
        }

    }

    /** Counts gathered for a figure: this year by month, and last year's months. */
    static final class Tally {

        long done;

        long notSubsidised;

        final long[] months = new long[12];

        final long[] notByMonth = new long[12];

        final long[] lastYear = new long[12];

        void add(MonthCount c) {
            done += c.done;
            notSubsidised += c.notSubsidised;
            months[c.month - 1] += c.done;
            notByMonth[c.month - 1] += c.notSubsidised;
            lastYear[c.month - 1] += c.lastYear;
        }

        Figure figure(Long target, Long persons, int year, LocalDate asOf) {
            return new Figure(done, notSubsidised, persons, Pace.of(target, done, year, asOf, lastYear));
        }

    }

}
