package org.jixing.supervision;

import java.time.Instant;
import java.util.List;

/**
 * A city's inspection sample of a month: the seed it was drawn with (from the city, the
 * month and the stored salt), the share, and every candidate class with its weight, the
 * drawn ones marked and, once visited, their visit. {@code classes} is empty in lists.
 */
public record InspectionSample(long id, String sampleNo, String regionCode, String month, int shareBasisPoints,
        long salt, long seed, int candidates, int sampleSize, int visited, String drawnBy, Instant drawnAt,
        List<SampleClass> classes) {

    /**
     * A candidate class: its weight = 1 + classPoints + providerPoints, the points of the
     * live alerts on the class and on its provider when the sample was drawn.
     */
    public record SampleClass(int order, long classId, String classNo, long providerId, int weight, int classPoints,
            int providerPoints, boolean selected, Long visitId) {
    }

}
