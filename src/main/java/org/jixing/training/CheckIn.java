package org.jixing.training;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a terminal or the trainee's phone sends: who (ID number or the enrolment's token),
 * which session, when, where, from which device, the optional face-match score, and a
 * client key the sender generates once per event so that a retry is not a second event.
 * {@code kind} is CHECK_IN (default) or CHECK_OUT.
 */
public record CheckIn(String clientKey, Long sessionId, String idNumber, String token, AttendanceKind kind,
        Instant time, String deviceId, BigDecimal latitude, BigDecimal longitude, BigDecimal faceScore) {

    @Override
    public String toString() {
        return "CheckIn[" + clientKey + ", session " + sessionId + "]";
    }

}
