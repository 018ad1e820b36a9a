package org.jixing.statistics.internal;

/**
 * Unique persons of a year by dimension, line and region (the city, or the province where
 * a count has none).
 */
public record UniqueCount(int year, String dimension, String lineCode, String regionCode, long persons) {

    /** The same group without its count. */
    public UniqueCount group() {
        return new UniqueCount(year, dimension, lineCode, regionCode, 0);
    }

}
