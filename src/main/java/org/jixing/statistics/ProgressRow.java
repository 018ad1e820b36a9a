package org.jixing.statistics;

/**
 * Completed person-times of one group (a line, a city, a month ...): subsidised, and
 * beside them the trainings that were not.
 */
public record ProgressRow(String key, long subsidised, long notSubsidised) {
}
