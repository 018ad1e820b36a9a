package org.jixing.statistics.internal;

/**
 * Completions of one month, line and region by a trainee group the trainees held on their
 * class's first day.
 */
public record GroupCount(int year, int month, String lineCode, String regionCode, String groupCode, boolean subsidised,
        long completions) {
}
