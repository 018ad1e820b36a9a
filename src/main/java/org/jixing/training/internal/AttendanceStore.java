package org.jixing.training.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.jixing.shared.bulk.BulkWriter;
import org.jixing.training.AttendanceEvent;
import org.jixing.training.AttendanceKind;
import org.jixing.training.CheckInTerminal;
import org.jixing.training.ClassSession;
import org.jixing.training.DeviceKind;
import org.jixing.training.EnrolmentStatus;
import org.jixing.training.TrainingClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for attendance events, which are only ever inserted. */
@Repository
public class AttendanceStore {

    /**
     * An event to store; the class's scope columns travel with it, and the kind of device
     * it came from, the registered terminal if any, and whether it was uploaded late.
     */
    public record NewEvent(String clientKey, long sessionId, Long classId, Long enrolmentId, Long providerId,
            String regionCode, String lineCode, AttendanceKind kind, Instant occurredAt, Instant receivedAt,
            String deviceId, BigDecimal latitude, BigDecimal longitude, BigDecimal faceScore, boolean accepted,
            String reason, String recordedBy, String note, DeviceKind deviceKind, Long terminalId,
            boolean uploadedLate) {

        /**
         * A history event (its device, if named, is the earlier system's: HISTORY) or a
         * provider's correction (no device); neither was uploaded by a terminal.
         */
        public NewEvent(String clientKey, long sessionId, Long classId, Long enrolmentId, Long providerId,
                String regionCode, String lineCode, AttendanceKind kind, Instant occurredAt, Instant receivedAt,
                String deviceId, BigDecimal latitude, BigDecimal longitude, BigDecimal faceScore, boolean accepted,
                String reason, String recordedBy, String note) {
            this(clientKey, sessionId, classId, enrolmentId, providerId, regionCode, lineCode, kind, occurredAt,
                    receivedAt, deviceId, latitude, longitude, faceScore, accepted, reason, recordedBy, note,
                    deviceId == null ? null : DeviceKind.HISTORY, null, false);
        }

    }

    /** What a replayed client key answered the first time. */
    public record Stored(long id, boolean accepted, String reason) {
    }

    private final JdbcClient jdbc;

    private final BulkWriter bulk;

    AttendanceStore(JdbcClient jdbc, BulkWriter bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    /** Writes many events in one bulk write. */
    public void insertAll(List<NewEvent> events) {
        bulk.write("attendance_event",
                List.of("client_key", "session_id", "class_id", "enrolment_id", "provider_id", "region_code",
                        "line_code", "kind", "occurred_at", "received_at", "device_id", "latitude", "longitude",
                        "face_score", "accepted", "reason", "recorded_by", "note", "device_kind", "terminal_id",
                        "uploaded_late"),
                events.stream()
                    .map(e -> new Object[] { e.clientKey(), e.sessionId(), e.classId(), e.enrolmentId(), e.providerId(),
                            e.regionCode(), e.lineCode(), e.kind().name(), e.occurredAt(), e.receivedAt(), e.deviceId(),
                            e.latitude(), e.longitude(), e.faceScore(), e.accepted(), e.reason(), e.recordedBy(),
                            e.note(), e.deviceKind() == null ? null : e.deviceKind().name(), e.terminalId(),
                            e.uploadedLate() })
                    .toList());
    }

    public long insert(NewEvent e) {
        return insert(e, false).orElseThrow();
    }

    /**
     * Inserts the event unless its client key is stored already (the unique constraint
     * decides, also between racing requests): its new id, or empty for a replay.
     */
    public OptionalLong insertIfNew(NewEvent e) {
        return insert(e, true);
    }

    private OptionalLong insert(NewEvent e, boolean ifNew) {
        var keys = new GeneratedKeyHolder();
        int inserted = jdbc
            .sql("""
                    insert into attendance_event (client_key, session_id, class_id, enrolment_id, provider_id, region_code,
                      line_code, kind, occurred_at, received_at, device_id, latitude, longitude, face_score, accepted,
                      reason, recorded_by, note, device_kind, terminal_id, uploaded_late)
                    values (:key, :session, :class, :enrolment, :provider, :region, :line, :kind, :at, :received, :device,
                      :lat, :lng, :face, :accepted, :reason, :by, :note, :deviceKind, :terminal, :late)"""
                    + (ifNew ? " on conflict do nothing" : ""))
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
            .param("deviceKind", e.deviceKind() == null ? null : e.deviceKind().name())
            .param("terminal", e.terminalId())
            .param("late", e.uploadedLate())
            .update(keys, "id");
        if (inserted == 0 || keys.getKeyList().isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(keys.getKeyAs(Number.class).longValue());
    }

    /** What these client keys answered when they were first stored, by key. */
    public Map<String, Stored> storedByClientKeys(Collection<String> clientKeys) {
        Map<String, Stored> out = new HashMap<>();
        if (clientKeys.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, accepted, reason, client_key from attendance_event where client_key = any(:k)")
            .param("k", clientKeys.toArray(String[]::new))
            .query((rs, n) -> out.put(rs.getString(4), new Stored(rs.getLong(1), rs.getBoolean(2), rs.getString(3))))
            .list();
        return out;
    }

    /** A session with its class: what a check-in is judged against. */
    public record SessionOfClass(ClassSession session, TrainingClass trainingClass) {
    }

    /**
     * The sessions asked about with their classes, by session id, and one provider's
     * registrations (active and retired) of the devices named.
     */
    public record SessionFacts(Map<Long, SessionOfClass> sessions, List<CheckInTerminal> terminals) {
    }

    /**
     * What a check-in is judged against, in one query: these sessions with their classes
     * (the session's teacher name is left out), and the registrations of these devices by
     * this provider (none when the provider is null: a phone's device is not registered).
     */
    public SessionFacts sessionFacts(Collection<Long> sessionIds, Long providerId, Collection<String> deviceIds) {
        Map<Long, SessionOfClass> sessions = new HashMap<>();
        Map<Long, CheckInTerminal> terminals = new LinkedHashMap<>();
        if (sessionIds.isEmpty()) {
            return new SessionFacts(sessions, List.of());
        }
        jdbc.sql("select " + ClassStore.COLUMNS + """
                , s.id as s_id, s.seq as s_seq, s.starts_at as s_starts, s.ends_at as s_ends, s.teacher_id as s_teacher,
                  s.topic as s_topic, t.id as t_id, t.provider_id as t_provider, t.region_code as t_region,
                  t.device_id as t_device, t.name as t_name, t.venue_address as t_address, t.venue_lat as t_lat,
                  t.venue_lng as t_lng, t.registered_by as t_by, t.registered_at as t_at, t.retired_by as t_retired_by,
                  t.retired_at as t_retired_at, t.retire_reason as t_reason
                from class_session s join training_class c on c.id = s.class_id
                  left join check_in_terminal t on t.provider_id = :provider and t.device_id = any(:devices)
                where s.id = any(:ids)""")
            .param("ids", sessionIds.toArray(Long[]::new))
            .param("provider", providerId == null ? -1L : providerId)
            .param("devices", providerId == null ? new String[0] : deviceIds.toArray(String[]::new))
            .query((rs, n) -> {
                long session = rs.getLong("s_id");
                if (!sessions.containsKey(session)) {
                    sessions.put(session,
                            new SessionOfClass(new ClassSession(session, rs.getLong("id"), rs.getInt("s_seq"),
                                    rs.getTimestamp("s_starts").toInstant(), rs.getTimestamp("s_ends").toInstant(),
                                    rs.getLong("s_teacher"), null, rs.getString("s_topic")), ClassStore.map(rs, n)));
                }
                long terminal = rs.getLong("t_id");
                if (!rs.wasNull() && !terminals.containsKey(terminal)) {
                    Timestamp retired = rs.getTimestamp("t_retired_at");
                    terminals.put(terminal,
                            new CheckInTerminal(terminal, rs.getLong("t_provider"), rs.getString("t_region"),
                                    rs.getString("t_device"), rs.getString("t_name"), rs.getString("t_address"),
                                    rs.getBigDecimal("t_lat"), rs.getBigDecimal("t_lng"), rs.getString("t_by"),
                                    rs.getTimestamp("t_at").toInstant(), rs.getString("t_retired_by"),
                                    retired == null ? null : retired.toInstant(), rs.getString("t_reason")));
                }
                return session;
            })
            .list();
        return new SessionFacts(sessions, List.copyOf(terminals.values()));
    }

    /**
     * An enrolment as a check-in needs it: its class, person, status and token, and the
     * kinds of accepted check-in or check-out it has in the sessions asked about (as
     * "sessionId:KIND").
     */
    public record RosterEntry(long id, long classId, long personId, EnrolmentStatus status, String token,
            Set<String> accepted) {
    }

    /**
     * The enrolments holding these tokens, with their accepted check-ins and check-outs
     * in these sessions: one query.
     */
    public List<RosterEntry> enrolmentsByToken(Collection<String> tokens, Collection<Long> sessionIds) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        return roster("e.token = any(:tokens)", Map.of("tokens", tokens.toArray(String[]::new)), sessionIds);
    }

    /**
     * The enrolments of these people in these classes, with their accepted check-ins and
     * check-outs in these sessions: one query.
     */
    public List<RosterEntry> enrolmentsOfPeople(Collection<Long> classIds, Collection<Long> personIds,
            Collection<Long> sessionIds) {
        if (classIds.isEmpty() || personIds.isEmpty()) {
            return List.of();
        }
        return roster("e.class_id = any(:classes) and e.person_id = any(:people)",
                Map.of("classes", classIds.toArray(Long[]::new), "people", personIds.toArray(Long[]::new)), sessionIds);
    }

    private record RosterRow(long id, long classId, long personId, EnrolmentStatus status, String token, Long sessionId,
            String kind) {
    }

    private List<RosterEntry> roster(String where, Map<String, Object> params, Collection<Long> sessionIds) {
        List<RosterRow> rows = jdbc.sql("""
                select e.id, e.class_id, e.person_id, e.status, e.token, a.session_id, a.kind
                from enrolment e left join attendance_event a on a.enrolment_id = e.id and a.accepted = true
                  and a.session_id = any(:sessions) and a.kind in ('CHECK_IN', 'CHECK_OUT')
                where""" + " " + where)
            .params(params)
            .param("sessions", sessionIds.toArray(Long[]::new))
            .query((rs, n) -> new RosterRow(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                    EnrolmentStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, Long.class),
                    rs.getString(7)))
            .list();
        Map<Long, RosterEntry> out = new LinkedHashMap<>();
        for (RosterRow r : rows) {
            RosterEntry e = out.computeIfAbsent(r.id(),
                    id -> new RosterEntry(id, r.classId(), r.personId(), r.status(), r.token(), new HashSet<>()));
            if (r.sessionId() != null) {
                e.accepted().add(r.sessionId() + ":" + r.kind());
            }
        }
        return List.copyOf(out.values());
    }

    public Optional<Stored> byClientKey(String clientKey) {
        return jdbc.sql("select id, accepted, reason from attendance_event where client_key = :k")
            .param("k", clientKey)
            .query((rs, n) -> new Stored(rs.getLong(1), rs.getBoolean(2), rs.getString(3)))
            .optional();
    }

    public List<AttendanceEvent> ofSession(long sessionId) {
        return jdbc
            .sql("""
                    select id, enrolment_id, kind, occurred_at, received_at, device_id, device_kind, uploaded_late, accepted,
                      reason, recorded_by, note
                    from attendance_event where session_id = :s order by occurred_at, id""")
            .param("s", sessionId)
            .query((rs, n) -> new AttendanceEvent(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                    AttendanceKind.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
                    rs.getTimestamp(5).toInstant(), rs.getString(6),
                    rs.getString(7) == null ? null : DeviceKind.valueOf(rs.getString(7)), rs.getBoolean(8),
                    rs.getBoolean(9), rs.getString(10), rs.getString(11), rs.getString(12)))
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
