package org.jixing.training;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Attendance rules a province sets: how many minutes before a session's start and after
 * its end a check-in or check-out counts, how far from the venue (metres), the lowest
 * face-match score a terminal may report, the share of sessions attended that completes a
 * training, and how many hours after a session a terminal that was offline may still
 * upload its events (a class completes only once that has passed for its last session).
 */
@ConfigurationProperties("jixing.attendance")
public record AttendanceProperties(Integer windowMinutes, Integer radiusMetres, Double minimumFaceScore,
        Double completionRate, Integer lateUploadHours) {

    public AttendanceProperties {
        windowMinutes = windowMinutes == null ? 30 : windowMinutes;
        radiusMetres = radiusMetres == null ? 500 : radiusMetres;
        minimumFaceScore = minimumFaceScore == null ? 0.8 : minimumFaceScore;
        completionRate = completionRate == null ? 0.8 : completionRate;
        lateUploadHours = lateUploadHours == null ? 48 : lateUploadHours;
    }

}
