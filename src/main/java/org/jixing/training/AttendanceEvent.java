package org.jixing.training;

import java.time.Instant;

/**
 * A stored attendance event, accepted or not, as the sheet lists it: the time it names
 * and the time the server received it, the device and its kind, and whether it was
 * uploaded late (received more than the allowed clock skew after its time).
 */
public record AttendanceEvent(long id, Long enrolmentId, AttendanceKind kind, Instant occurredAt, Instant receivedAt,
        String deviceId, DeviceKind deviceKind, boolean uploadedLate, boolean accepted, String reason,
        String recordedBy, String note) {
}
