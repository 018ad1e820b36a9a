package org.jixing.statistics;

import java.time.LocalDate;

/**
 * Where a figure stands against its target on a day: the share of the year's work
 * expected by then ({@code due}), the share done, a traffic light, and the year-end
 * projection from the pace so far.
 *
 * <p>
 * The share due follows last year's monthly profile when there is one (a line that trains
 * mostly in spring is not behind in February), else the calendar. The projection is the
 * figure done divided by that share.
 *
 * @param target the target, null where none is set
 * @param done completions so far
 * @param due share of the year's completions expected by the day (0 to 1)
 * @param share share of the target done; null without a target
 * @param status GREEN on or ahead of pace, AMBER within 80% of it, RED behind, NONE
 * without a target
 * @param projected year-end projection
 * @param willMiss whether the projection falls short of the target; null without one
 * @param profiled whether {@code due} follows last year's months rather than the calendar
 */
public record Pace(Long target, long done, double due, Double share, Status status, long projected, Boolean willMiss,
        boolean profiled) {

    /** A traffic light. */
    public enum Status {

        GREEN, AMBER, RED, NONE

    }

    /**
     * The pace of a figure of {@code year} seen on {@code asOf}; {@code lastYear} holds
     * last year's completions by month (index 0 is January), or null.
     */
    public static Pace of(Long target, long done, int year, LocalDate asOf, long[] lastYear) {
        double due;
        boolean profiled = false;
        if (asOf.getYear() > year) {
            due = 1;
        }
        else if (asOf.getYear() < year) {
            due = 0;
        }
        else {
            double calendar = (double) asOf.getDayOfYear() / asOf.lengthOfYear();
            double byProfile = profile(asOf, lastYear);
            // A profile that expects nothing yet says nothing about the pace: the
            // calendar.
            profiled = byProfile > 0;
            due = profiled ? byProfile : calendar;
        }
        long projected = due >= 1 ? done : due > 0 ? Math.round(done / due) : 0;
        if (target == null || target <= 0) {
            return new Pace(target, done, due, null, Status.NONE, projected, null, profiled);
        }
        double share = (double) done / target;
        Status status = share >= due ? Status.GREEN : share >= due * 0.8 ? Status.AMBER : Status.RED;
        return new Pace(target, done, due, share, status, projected, due > 0 ? projected < target : null, profiled);
    }

    /**
     * The pace of a plan's figure over its years, {@code start} to {@code end}, seen on
     * {@code asOf}: the share due follows the calendar of the whole plan.
     */
    public static Pace overPlan(long target, long done, LocalDate start, LocalDate end, LocalDate asOf) {
        double due = asOf.isBefore(start) ? 0 : asOf.isAfter(end) ? 1
                : (double) (asOf.toEpochDay() - start.toEpochDay() + 1) / (end.toEpochDay() - start.toEpochDay() + 1);
        long projected = due >= 1 ? done : due > 0 ? Math.round(done / due) : 0;
        double share = (double) done / target;
        return new Pace(target, done, due, share,
                share >= due ? Status.GREEN : share >= due * 0.8 ? Status.AMBER : Status.RED, projected,
                due > 0 ? projected < target : null, false);
    }

    /**
     * Share of last year's completions made by the same day of the year; 0 without any.
     */
    static double profile(LocalDate asOf, long[] lastYear) {
        if (lastYear == null) {
            return 0;
        }
        long total = 0;
        for (long n : lastYear) {
            total += n;
        }
        if (total == 0) {
            return 0;
        }
        int month = asOf.getMonthValue();
        double before = 0;
        for (int m = 0; m < month - 1; m++) {
            before += lastYear[m];
        }
        double current = lastYear[month - 1] * ((double) asOf.getDayOfMonth() / asOf.lengthOfMonth());
        return Math.min(1, (before + current) / total);
    }

}
