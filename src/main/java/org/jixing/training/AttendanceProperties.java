package org.jixing.training;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Attendance rules a province sets: how many minutes before a session's start and after
 * its end a check-in or check-out counts, how far from the venue (metres), the lowest
 * face-match score a terminal may report, the share of sessions attended that completes a
 * training; how far ahead of the server's clock an event may be dated (a terminal's clock
 * is never quite right), how many hours after a session's end a terminal that was offline
 * may still upload its buffered events, and the action lines whose classes need a face
 * result even when they are not subsidised (subsidised classes always do).
 */
@ConfigurationProperties("jixing.attendance")
public record AttendanceProperties(Integer windowMinutes, Integer radiusMetres, Double minimumFaceScore,
        Double completionRate, Integer clockSkewSeconds, Integer lateUploadHours, Set<String> faceRequiredLines) {

    public AttendanceProperties {
        windowMinutes = windowMinutes == null ? 30 : windowMinutes;
        radiusMetres = radiusMetres == null ? 500 : radiusMetres;
        minimumFaceScore = minimumFaceScore == null ? 0.8 : minimumFaceScore;
        completionRate = completionRate == null ? 0.8 : completionRate;
        clockSkewSeconds = clockSkewSeconds == null ? 120 : clockSkewSeconds;
        lateUploadHours = lateUploadHours == null ? 48 : lateUploadHours;
        faceRequiredLines = faceRequiredLines == null ? Set.of()
                : faceRequiredLines.stream()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .map(s -> s.toUpperCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        if (clockSkewSeconds < 0 || lateUploadHours < 0) {
            throw new IllegalArgumentException(
                    "jixing.attendance.clock-skew-seconds and late-upload-hours cannot be negative");
        }
    }

    /**
     * The last moment an event of a session that ends at {@code sessionEndsAt} may
     * arrive: {@link #lateUploadHours()} after the session's check-out window closes
     * ({@link #windowMinutes()} after its end). {@link ClassCalendar} lets a class
     * complete only once this has passed for its last session, so no accepted upload can
     * arrive after completion.
     */
    public Instant lateUploadClosesAt(Instant sessionEndsAt) {
        return sessionEndsAt.plus(Duration.ofMinutes(windowMinutes)).plus(Duration.ofHours(lateUploadHours));
    }

    /**
     * Whether a class's events need a face result: every subsidised class, and every
     * class of a line the province lists (the list only adds to the class's own flag).
     */
    public boolean faceRequired(boolean subsidised, String lineCode) {
        return subsidised || (lineCode != null && faceRequiredLines.contains(lineCode.toUpperCase(Locale.ROOT)));
    }

}
