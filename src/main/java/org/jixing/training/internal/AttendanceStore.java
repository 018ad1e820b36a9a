package org.jixing.training.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jixing.training.AttendanceEvent;
import org.jixing.training.AttendanceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for attendance events, which are only ever inserted. */
@Repository
public class AttendanceStore {

    /** An event to store; the class's scope columns travel with it. */
    public record NewEvent(String clientKey, long sessionId, Long classId, Long enrolmentId, Long providerId,
            String regionCode, String lineCode, AttendanceKind kind, Instant occurredAt, Instant receivedAt,
            String deviceId, BigDecimal latitude, BigDecimal longitude, BigDecimal faceScore, boolean accepted,
            String reason, String recordedBy, String note) {
    }

    /** What a replayed client key answered the first time. */
    public record Stored(long id, boolean accepted, String reason) {
    }

    private final JdbcClient jdbc;

    private final org.jixing.shared.bulk.BulkWriter bulk;

    AttendanceStore(JdbcClient jdbc, org.jixing.shared.bulk.BulkWriter bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    /** Writes many events in one bulk write. */
    public void insertAll(List<NewEvent> events) {
        bulk.write("attendance_event",
                List.of("client_key", "session_id", "class_id", "enrolment_id", "provider_id", "region_code",
                        "line_code", "kind", "occurred_at", "received_at", "device_id", "latitude", "longitude",
                        "face_score", "accepted", "reason", "recorded_by", "note"),
                events.stream()
                    .map(e -> new Object[] { e.clientKey(), e.sessionId(), e.classId(), e.enrolmentId(), e.providerId(),
                            e.regionCode(), e.lineCode(), e.kind().name(), e.occurredAt(), e.receivedAt(), e.deviceId(),
                            e.latitude(), e.longitude(), e.faceScore(), e.accepted(), e.reason(), e.recordedBy(),
                            e.note() })
                    .toList());
    }

    public long insert(NewEvent e) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into attendance_event (client_key, session_id, class_id, enrolment_id, provider_id, region_code,
                  line_code, kind, occurred_at, received_at, device_id, latitude, longitude, face_score, accepted,
                  reason, recorded_by, note)
                values (:key, :session, :class, :enrolment, :provider, :region, :line, :kind, :at, :received, :device,
                  :lat, :lng, :face, :accepted, :reason, :by, :note)""")
            .param("key", e.clientKey())
            .param("session", e.sessionId())
            .param("class", e.classId())
            .param("enrolment", e.enrolmentId())
            .param("provider", e.providerId())
            .param("region", e.regionCode())
            .param("line", e.lineCode())
            .param("kind", e.kind().name())
            .param("at", Timestamp.from(e.occurredAt()))
            .param("received", Timestamp.from(e.receivedAt()))
            .param("device", e.deviceId())
            .param("lat", e.latitude())
            .param("lng", e.longitude())
            .param("face", e.faceScore())
            .param("accepted", e.accepted())
            .param("reason", e.reason())
            .param("by", e.recordedBy())
            .param("note", e.note())
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Stored> byClientKey(String clientKey) {
        return jdbc.sql("select id, accepted, reason from attendance_event where client_key = :k")
            .param("k", clientKey)
            .query((rs, n) -> new Stored(rs.getLong(1), rs.getBoolean(2), rs.getString(3)))
            .optional();
    }

    public boolean acceptedExists(long sessionId, long enrolmentId, AttendanceKind kind) {
        return jdbc.sql("""
                select count(*) from attendance_event
                where session_id = :s and enrolment_id = :e and kind = :k and accepted = true""")
            .param("s", sessionId)
            .param("e", enrolmentId)
            .param("k", kind.name())
            .query(Long.class)
            .single() > 0;
    }

    public List<AttendanceEvent> ofSession(long sessionId) {
        return jdbc.sql("""
                select id, enrolment_id, kind, occurred_at, device_id, accepted, reason, recorded_by, note
                from attendance_event where session_id = :s order by occurred_at, id""")
            .param("s", sessionId)
            .query((rs, n) -> new AttendanceEvent(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                    AttendanceKind.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getString(5),
                    rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getString(9)))
            .list();
    }

    /**
     * Accepted events of a class: session, enrolment, kind, in the order they happened.
     */
    public record Accepted(long sessionId, long enrolmentId, AttendanceKind kind, Instant at, String note) {
    }

    public List<Accepted> acceptedOfClass(long classId) {
        return jdbc.sql("""
                select session_id, enrolment_id, kind, occurred_at, note from attendance_event
                where class_id = :c and accepted = true and enrolment_id is not null order by received_at, id""")
            .param("c", classId)
            .query((rs, n) -> new Accepted(rs.getLong(1), rs.getLong(2), AttendanceKind.valueOf(rs.getString(3)),
                    rs.getTimestamp(4).toInstant(), rs.getString(5)))
            .list();
    }

}
