package org.jixing.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A moment as the province reads it (Asia/Shanghai), for a message argument: "2026-12-14
 * 08:30" in Chinese, "14 Dec 2026 08:30" in English. The message files hold the pattern
 * ({@code time.at}), so a refusal that names the time it waits for reads naturally in
 * either language, in the API's problem and on the page alike.
 */
public final class ProvinceTime {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ProvinceTime() {
    }

    /**
     * The moment as a message argument. Its arguments are the year, month, day (both
     * two-digit), hour, minute, the day without a leading zero and the English month's
     * short name, all text (no number formatting).
     */
    public static MessageSourceResolvable at(Instant instant) {
        ZonedDateTime t = instant.atZone(CHINA);
        return new DefaultMessageSourceResolvable(new String[] { "time.at" },
                new Object[] { String.valueOf(t.getYear()), two(t.getMonthValue()), two(t.getDayOfMonth()),
                        two(t.getHour()), two(t.getMinute()), String.valueOf(t.getDayOfMonth()),
                        t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) },
                t.toLocalDate() + " " + two(t.getHour()) + ":" + two(t.getMinute()));
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : String.valueOf(v);
    }

}
