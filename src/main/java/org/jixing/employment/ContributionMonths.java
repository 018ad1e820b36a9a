package org.jixing.employment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Months as the follow-up counts them: numbered {@code year * 12 + (month - 1)}, so that
 * "three months after the month the class ended" is plain addition, in Java and in SQL.
 * Contribution files name months as {@code YYYY-MM} (also {@code YYYY/MM} and
 * {@code YYYYMM}).
 */
public final class ContributionMonths {

    /** The earliest month a contribution file may name. */
    public static final int EARLIEST = of(YearMonth.of(1990, 1));

    private static final Pattern MONTH = Pattern.compile("(\\d{4})(?:[-/]?)(\\d{1,2})");

    private ContributionMonths() {
    }

    public static int of(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    /** The month a day falls in. */
    public static int of(LocalDate day) {
        return day.getYear() * 12 + day.getMonthValue() - 1;
    }

    public static YearMonth toYearMonth(int monthNo) {
        return YearMonth.of(Math.floorDiv(monthNo, 12), Math.floorMod(monthNo, 12) + 1);
    }

    /** {@code YYYY-MM}. */
    public static String format(int monthNo) {
        return toYearMonth(monthNo).toString();
    }

    /**
     * A month as a file writes it, or empty when it is not one (2026-13, 202605x, 26-05)
     * or lies before 1990.
     */
    public static OptionalInt parse(String raw) {
        if (raw == null) {
            return OptionalInt.empty();
        }
        Matcher m = MONTH.matcher(raw.strip());
        if (!m.matches() || (m.group(2).length() == 1 && !raw.strip().matches("\\d{4}[-/]\\d"))) {
            return OptionalInt.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return OptionalInt.empty();
        }
        int no = year * 12 + month - 1;
        return no < EARLIEST ? OptionalInt.empty() : OptionalInt.of(no);
    }

}
