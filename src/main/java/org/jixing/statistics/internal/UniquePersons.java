package org.jixing.statistics.internal;

/**
 * Unique persons of a dimension ({@code ALL}, {@code CITY}, {@code LINE},
 * {@code LINE_CITY}), line and region.
 */
public record UniquePersons(String dimension, String lineCode, String regionCode, long persons) {
}
