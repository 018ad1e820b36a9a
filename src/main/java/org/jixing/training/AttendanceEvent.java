package org.jixing.training;

import java.time.Instant;

/** A stored attendance event, accepted or not, as the sheet lists it. */
public record AttendanceEvent(long id, Long enrolmentId, AttendanceKind kind, Instant occurredAt, String deviceId,
        boolean accepted, String reason, String recordedBy, String note) {
}
