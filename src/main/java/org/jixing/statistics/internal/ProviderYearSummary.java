package org.jixing.statistics.internal;

/** Completions of a year by a provider on a line in a city, subsidised or not. */
public record ProviderYearSummary(int year, long providerId, String lineCode, String cityCode, boolean subsidised,
        long completions) {

    /** The same group without its count. */
    public ProviderYearSummary group() {
        return new ProviderYearSummary(year, providerId, lineCode, cityCode, subsidised, 0);
    }

}
