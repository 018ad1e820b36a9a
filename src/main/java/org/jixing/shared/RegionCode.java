package org.jixing.shared;

import java.util.regex.Pattern;

/**
 * A GB/T 2260 administrative division code: two digits of province, two of city, two of
 * county. The code itself carries the hierarchy, which is what lets a scope be checked
 * with a prefix.
 */
public record RegionCode(String value) {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    public RegionCode {
        if (value == null || !SIX_DIGITS.matcher(value).matches() || value.startsWith("00")) {
            throw new IllegalArgumentException("region code must be six digits (GB/T 2260): " + value);
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && SIX_DIGITS.matcher(value).matches() && !value.startsWith("00");
    }

    public enum Level {

        PROVINCE, CITY, COUNTY

    }

    public Level level() {
        if (value.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return value.endsWith("00") ? Level.CITY : Level.COUNTY;
    }

    /**
     * The leading digits shared by this region and everything inside it: "37", "3702" or
     * "370202".
     */
    public String prefix() {
        return switch (level()) {
            case PROVINCE -> value.substring(0, 2);
            case CITY -> value.substring(0, 4);
            case COUNTY -> value;
        };
    }

    public String provinceCode() {
        return value.substring(0, 2) + "0000";
    }

    /** The city this region lies in (itself for a city; the province stays itself). */
    public String cityCode() {
        return level() == Level.COUNTY ? value.substring(0, 4) + "00" : value;
    }

    /** True when {@code other} is this region or lies inside it. */
    public boolean contains(RegionCode other) {
        return other.value.startsWith(prefix());
    }

    @Override
    public String toString() {
        return value;
    }
}
