package org.jixing.statistics.internal;

/** Completions of a month, line, sub-target and city, subsidised or not. */
public record MonthSummary(int year, int month, String lineCode, String subTargetCode, String cityCode,
        boolean subsidised, long completions) {

    /** The same group without its count, to compare a held summary with a recount. */
    public MonthSummary group() {
        return new MonthSummary(year, month, lineCode, subTargetCode, cityCode, subsidised, 0);
    }

}
