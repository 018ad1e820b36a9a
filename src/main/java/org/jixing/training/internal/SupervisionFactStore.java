package org.jixing.training.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jixing.training.AttendanceFacts.CheckInFact;
import org.jixing.training.AttendanceFacts.CorrectionCount;
import org.jixing.training.AttendanceFacts.TerminalUse;
import org.jixing.training.ClassFacts.ClassDelivery;
import org.jixing.training.ClassFacts.PersonOverlap;
import org.jixing.training.ClassFacts.ProviderDay;
import org.jixing.training.ClassFacts.SessionDelivery;
import org.jixing.training.ClassFacts.SessionFact;
import org.jixing.training.ClassFacts.TeacherOverlap;
import org.jixing.training.ClassStatus;
import org.jixing.training.DeviceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Unscoped, set-based reads for the supervision engine (see
 * {@link org.jixing.training.AttendanceFacts} and
 * {@link org.jixing.training.ClassFacts}): a window of time and, where given, lists of
 * people, classes or providers; long lists are read in chunks.
 */
@Repository
public class SupervisionFactStore {

    private static final int CHUNK = 500;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    SupervisionFactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String CHECK_INS = """
            select a.id, e.person_id, a.enrolment_id, a.class_id, c.class_no, a.session_id, a.provider_id,
              c.provider_name, a.region_code, a.line_code, a.occurred_at, a.received_at, a.latitude, a.longitude,
              a.device_id, a.device_kind, a.terminal_id, t.venue_lat as t_lat, t.venue_lng as t_lng, a.face_score,
              c.venue_lat, c.venue_lng, c.venue_address
            from attendance_event a
            join enrolment e on e.id = a.enrolment_id
            join training_class c on c.id = a.class_id
            left join check_in_terminal t on t.id = a.terminal_id
            where a.accepted = TRUE and a.kind = 'CHECK_IN' and a.occurred_at >= :f and a.occurred_at < :t""";

    public List<CheckInFact> checkIns(Instant from, Instant to, Collection<Long> personIds, Collection<Long> classIds) {
        List<CheckInFact> out = new ArrayList<>();
        if (personIds.isEmpty() && classIds.isEmpty()) {
            out.addAll(jdbc.sql(CHECK_INS + " order by a.occurred_at, a.id")
                .param("f", Timestamp.from(from))
                .param("t", Timestamp.from(to))
                .query(SupervisionFactStore::checkIn)
                .list());
            return out;
        }
        Map<Long, CheckInFact> byId = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(personIds)) {
            jdbc.sql(CHECK_INS + " and e.person_id in (:ids)")
                .param("f", Timestamp.from(from))
                .param("t", Timestamp.from(to))
                .param("ids", chunk)
                .query(SupervisionFactStore::checkIn)
                .list()
                .forEach(c -> byId.put(c.eventId(), c));
        }
        for (List<Long> chunk : chunks(classIds)) {
            jdbc.sql(CHECK_INS + " and a.class_id in (:ids)")
                .param("f", Timestamp.from(from))
                .param("t", Timestamp.from(to))
                .param("ids", chunk)
                .query(SupervisionFactStore::checkIn)
                .list()
                .forEach(c -> byId.put(c.eventId(), c));
        }
        out.addAll(byId.values());
        out.sort((a, b) -> a.occurredAt().equals(b.occurredAt()) ? Long.compare(a.eventId(), b.eventId())
                : a.occurredAt().compareTo(b.occurredAt()));
        return out;
    }

    private static CheckInFact checkIn(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("device_kind");
        return new CheckInFact(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("enrolment_id"),
                rs.getLong("class_id"), rs.getString("class_no"), rs.getLong("session_id"), rs.getLong("provider_id"),
                rs.getString("provider_name"), rs.getString("region_code"), rs.getString("line_code"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("device_id"),
                kind == null ? null : DeviceKind.valueOf(kind), rs.getObject("terminal_id", Long.class),
                rs.getBigDecimal("t_lat"), rs.getBigDecimal("t_lng"), rs.getBigDecimal("face_score"),
                rs.getBigDecimal("venue_lat"), rs.getBigDecimal("venue_lng"), rs.getString("venue_address"));
    }

    private static final String TERMINAL_USES = """
            select a.id, a.terminal_id, t.name, t.device_id, t.provider_id as t_provider, t.region_code as t_region,
              t.venue_lat as t_lat, t.venue_lng as t_lng, a.session_id, c.id as class_id, c.class_no,
              c.provider_id as c_provider, c.venue_lat, c.venue_lng, a.occurred_at, a.accepted, a.reason
            from attendance_event a
            join check_in_terminal t on t.id = a.terminal_id
            join class_session s on s.id = a.session_id
            join training_class c on c.id = s.class_id
            where a.terminal_id is not null and a.occurred_at >= :f and a.occurred_at < :t""";

    public List<TerminalUse> terminalUses(Instant from, Instant to, Collection<Long> classIds) {
        if (classIds.isEmpty()) {
            return jdbc.sql(TERMINAL_USES + " order by a.occurred_at, a.id")
                .param("f", Timestamp.from(from))
                .param("t", Timestamp.from(to))
                .query(SupervisionFactStore::terminalUse)
                .list();
        }
        List<TerminalUse> out = new ArrayList<>();
        for (List<Long> chunk : chunks(classIds)) {
            out.addAll(jdbc.sql(TERMINAL_USES + " and s.class_id in (:ids) order by a.occurred_at, a.id")
                .param("f", Timestamp.from(from))
                .param("t", Timestamp.from(to))
                .param("ids", chunk)
                .query(SupervisionFactStore::terminalUse)
                .list());
        }
        return out;
    }

    private static TerminalUse terminalUse(ResultSet rs, int n) throws SQLException {
        return new TerminalUse(rs.getLong("id"), rs.getLong("terminal_id"), rs.getString("name"),
                rs.getString("device_id"), rs.getLong("t_provider"), rs.getString("t_region"),
                rs.getBigDecimal("t_lat"), rs.getBigDecimal("t_lng"), rs.getLong("session_id"), rs.getLong("class_id"),
                rs.getString("class_no"), rs.getLong("c_provider"), rs.getBigDecimal("venue_lat"),
                rs.getBigDecimal("venue_lng"), rs.getTimestamp("occurred_at").toInstant(), rs.getBoolean("accepted"),
                rs.getString("reason"));
    }

    private static final String CORRECTIONS = """
            select a.provider_id, max(c.provider_name) as provider_name, max(c.region_code) as region_code,
              a.class_id, max(c.class_no) as class_no, count(*) as events,
              sum(case when a.kind = 'MARK_PRESENT' then 1 else 0 end) as marked_present,
              sum(case when a.kind = 'MARK_ABSENT' then 1 else 0 end) as marked_absent
            from attendance_event a
            join training_class c on c.id = a.class_id
            where a.accepted = TRUE and a.occurred_at >= :f and a.occurred_at < :t""";

    public List<CorrectionCount> corrections(Instant from, Instant to, Collection<Long> providerIds,
            Collection<Long> classIds) {
        String group = " group by a.provider_id, a.class_id order by a.provider_id, a.class_id";
        if (providerIds.isEmpty() && classIds.isEmpty()) {
            return jdbc.sql(CORRECTIONS + group)
                .param("f", Timestamp.from(from))
                .param("t", Timestamp.from(to))
                .query(SupervisionFactStore::correction)
                .list();
        }
        // A provider's share is over all its classes: the classes given name their
        // providers.
        Set<Long> providers = new LinkedHashSet<>(providerIds);
        for (List<Long> chunk : chunks(classIds)) {
            providers.addAll(jdbc.sql("select distinct provider_id from training_class where id in (:ids)")
                .param("ids", chunk)
                .query(Long.class)
                .list());
        }
        List<CorrectionCount> out = new ArrayList<>();
        for (List<Long> chunk : chunks(providers)) {
            out.addAll(jdbc.sql(CORRECTIONS + " and a.provider_id in (:ids)" + group)
                .param("f", Timestamp.from(from))
                .param("t", Timestamp.from(to))
                .param("ids", chunk)
                .query(SupervisionFactStore::correction)
                .list());
        }
        return out;
    }

    private static CorrectionCount correction(ResultSet rs, int n) throws SQLException {
        return new CorrectionCount(rs.getLong("provider_id"), rs.getString("provider_name"),
                rs.getString("region_code"), rs.getLong("class_id"), rs.getString("class_no"), rs.getLong("events"),
                rs.getLong("marked_present"), rs.getLong("marked_absent"));
    }

    private static final String SESSIONS = """
            select s.id, s.class_id, c.class_no, c.provider_id, c.provider_name, c.region_code, c.line_code, s.seq,
              s.starts_at, s.ends_at, s.teacher_id, t.name as teacher_name, c.venue_lat, c.venue_lng, c.venue_address
            from class_session s
            join training_class c on c.id = s.class_id
            join teacher t on t.id = s.teacher_id""";

    public List<SessionFact> sessions(Collection<Long> classIds) {
        List<SessionFact> out = new ArrayList<>();
        for (List<Long> chunk : chunks(classIds)) {
            out.addAll(jdbc.sql(SESSIONS + " where s.class_id in (:ids) order by s.class_id, s.seq")
                .param("ids", chunk)
                .query((rs, n) -> session(rs, ""))
                .list());
        }
        return out;
    }

    private static SessionFact session(ResultSet rs, String p) throws SQLException {
        return new SessionFact(rs.getLong(p + "id"), rs.getLong(p + "class_id"), rs.getString(p + "class_no"),
                rs.getLong(p + "provider_id"), rs.getString(p + "provider_name"), rs.getString(p + "region_code"),
                rs.getString(p + "line_code"), rs.getInt(p + "seq"), rs.getTimestamp(p + "starts_at").toInstant(),
                rs.getTimestamp(p + "ends_at").toInstant(), rs.getLong(p + "teacher_id"),
                rs.getString(p + "teacher_name"), rs.getBigDecimal(p + "venue_lat"), rs.getBigDecimal(p + "venue_lng"),
                rs.getString(p + "venue_address"));
    }

    public Set<Long> classesActive(Instant from, Instant to, LocalDate fromDay, LocalDate toDay) {
        Set<Long> out = new LinkedHashSet<>(jdbc.sql("""
                select distinct class_id from attendance_event
                where accepted = TRUE and class_id is not null and occurred_at >= :f and occurred_at < :t""")
            .param("f", Timestamp.from(from))
            .param("t", Timestamp.from(to))
            .query(Long.class)
            .list());
        out.addAll(jdbc.sql("""
                select distinct class_id from enrolment
                where completed_on >= :f and completed_on < :t""")
            .param("f", Date.valueOf(fromDay))
            .param("t", Date.valueOf(toDay))
            .query(Long.class)
            .list());
        return out;
    }

    public List<ClassDelivery> deliveries(Collection<Long> classIds) {
        List<ClassDelivery> out = new ArrayList<>();
        for (List<Long> chunk : chunks(classIds)) {
            record Head(long id, String no, long provider, String providerName, String region, String line,
                    ClassStatus status, int hours, int trainees) {
            }
            List<Head> heads = jdbc.sql("""
                    select c.id, c.class_no, c.provider_id, c.provider_name, c.region_code, c.line_code, c.status,
                      p.hours,
                      (select count(*) from enrolment e where e.class_id = c.id and e.status <> 'WITHDRAWN')
                        as trainees
                    from training_class c join programme p on p.id = c.programme_id
                    where c.id in (:ids) order by c.id""")
                .param("ids", chunk)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), ClassStatus.valueOf(rs.getString(7)), rs.getInt(8),
                        rs.getInt(9)))
                .list();
            record Presence(long session, long enrolment, Instant firstIn, boolean marked) {
            }
            Map<Long, List<Presence>> presence = new HashMap<>();
            jdbc.sql("""
                    select a.session_id, a.enrolment_id,
                      min(case when a.kind = 'CHECK_IN' then a.occurred_at end) as first_in,
                      sum(case when a.kind = 'MARK_PRESENT' then 1 else 0 end) as marked
                    from attendance_event a
                    join enrolment e on e.id = a.enrolment_id and e.status <> 'WITHDRAWN'
                    where a.class_id in (:ids) and a.accepted = TRUE and a.kind in ('CHECK_IN','MARK_PRESENT')
                    group by a.session_id, a.enrolment_id""").param("ids", chunk).query((rs, n) -> {
                Timestamp in = rs.getTimestamp(3);
                return new Presence(rs.getLong(1), rs.getLong(2), in == null ? null : in.toInstant(),
                        rs.getLong(4) > 0);
            }).list().forEach(p -> presence.computeIfAbsent(p.session(), k -> new ArrayList<>()).add(p));
            Map<Long, List<SessionDelivery>> sessionsOf = new HashMap<>();
            for (SessionFact s : sessions(chunk)) {
                int present = 0;
                int late = 0;
                for (Presence p : presence.getOrDefault(s.sessionId(), List.of())) {
                    present++;
                    if (!p.marked() && p.firstIn() != null && p.firstIn().isAfter(s.startsAt())) {
                        late++;
                    }
                }
                sessionsOf.computeIfAbsent(s.classId(), k -> new ArrayList<>())
                    .add(new SessionDelivery(s.sessionId(), s.seq(), s.startsAt(), s.endsAt(), present, late));
            }
            for (Head h : heads) {
                out.add(new ClassDelivery(h.id(), h.no(), h.provider(), h.providerName(), h.region(), h.line(),
                        h.status(), h.hours(), h.trainees(), sessionsOf.getOrDefault(h.id(), List.of())));
            }
        }
        return out;
    }

    private static final String PERSON_OVERLAPS = """
            select e1.person_id, e1.id as enrolment_a, e2.id as enrolment_b,
              s1.id as a_id, s1.class_id as a_class_id, c1.class_no as a_class_no, c1.provider_id as a_provider_id,
              c1.provider_name as a_provider_name, c1.region_code as a_region_code, c1.line_code as a_line_code,
              s1.seq as a_seq, s1.starts_at as a_starts_at, s1.ends_at as a_ends_at, s1.teacher_id as a_teacher_id,
              '' as a_teacher_name, c1.venue_lat as a_venue_lat, c1.venue_lng as a_venue_lng,
              c1.venue_address as a_venue_address,
              s2.id as b_id, s2.class_id as b_class_id, c2.class_no as b_class_no, c2.provider_id as b_provider_id,
              c2.provider_name as b_provider_name, c2.region_code as b_region_code, c2.line_code as b_line_code,
              s2.seq as b_seq, s2.starts_at as b_starts_at, s2.ends_at as b_ends_at, s2.teacher_id as b_teacher_id,
              '' as b_teacher_name, c2.venue_lat as b_venue_lat, c2.venue_lng as b_venue_lng,
              c2.venue_address as b_venue_address
            from enrolment e1
            join class_session s1 on s1.class_id = e1.class_id
            join training_class c1 on c1.id = e1.class_id
            join enrolment e2 on e2.person_id = e1.person_id and e2.class_id <> e1.class_id
            join class_session s2 on s2.class_id = e2.class_id and s2.starts_at < s1.ends_at
              and s2.ends_at > s1.starts_at
            join training_class c2 on c2.id = e2.class_id
            where e1.status <> 'WITHDRAWN' and e2.status <> 'WITHDRAWN'
              and c1.status not in ('REJECTED','CANCELLED') and c2.status not in ('REJECTED','CANCELLED')""";

    public List<PersonOverlap> personOverlaps(Instant from, Instant to, Collection<Long> personIds) {
        List<PersonOverlap> found = new ArrayList<>();
        if (personIds.isEmpty()) {
            found.addAll(jdbc.sql(PERSON_OVERLAPS + " and s1.starts_at >= :f and s1.starts_at < :t")
                .param("f", Timestamp.from(from))
                .param("t", Timestamp.from(to))
                .query(SupervisionFactStore::personOverlap)
                .list());
        }
        else {
            for (List<Long> chunk : chunks(personIds)) {
                found.addAll(jdbc.sql(PERSON_OVERLAPS + " and e1.person_id in (:ids)")
                    .param("ids", chunk)
                    .query(SupervisionFactStore::personOverlap)
                    .list());
            }
        }
        // Each pair once, the lower session first.
        Map<String, PersonOverlap> pairs = new LinkedHashMap<>();
        for (PersonOverlap o : found) {
            PersonOverlap ordered = o.a().sessionId() < o.b().sessionId() ? o
                    : new PersonOverlap(o.personId(), o.enrolmentB(), o.b(), o.enrolmentA(), o.a());
            pairs.putIfAbsent(ordered.personId() + ":" + ordered.a().sessionId() + ":" + ordered.b().sessionId(),
                    ordered);
        }
        return new ArrayList<>(pairs.values());
    }

    private static PersonOverlap personOverlap(ResultSet rs, int n) throws SQLException {
        return new PersonOverlap(rs.getLong("person_id"), rs.getLong("enrolment_a"), session(rs, "a_"),
                rs.getLong("enrolment_b"), session(rs, "b_"));
    }

    private static final String TEACHER_OVERLAPS = """
            select s1.id as a_id, s1.class_id as a_class_id, c1.class_no as a_class_no, c1.provider_id as a_provider_id,
              c1.provider_name as a_provider_name, c1.region_code as a_region_code, c1.line_code as a_line_code,
              s1.seq as a_seq, s1.starts_at as a_starts_at, s1.ends_at as a_ends_at, s1.teacher_id as a_teacher_id,
              t1.name as a_teacher_name, c1.venue_lat as a_venue_lat, c1.venue_lng as a_venue_lng,
              c1.venue_address as a_venue_address,
              s2.id as b_id, s2.class_id as b_class_id, c2.class_no as b_class_no, c2.provider_id as b_provider_id,
              c2.provider_name as b_provider_name, c2.region_code as b_region_code, c2.line_code as b_line_code,
              s2.seq as b_seq, s2.starts_at as b_starts_at, s2.ends_at as b_ends_at, s2.teacher_id as b_teacher_id,
              t2.name as b_teacher_name, c2.venue_lat as b_venue_lat, c2.venue_lng as b_venue_lng,
              c2.venue_address as b_venue_address
            from class_session s1
            join teacher t1 on t1.id = s1.teacher_id
            join training_class c1 on c1.id = s1.class_id
            join teacher t2 on t2.id = t1.id or t2.id_number_index = t1.id_number_index
            join class_session s2 on s2.teacher_id = t2.id and s2.id <> s1.id and s2.class_id <> s1.class_id
              and s2.starts_at < s1.ends_at and s2.ends_at > s1.starts_at
            join training_class c2 on c2.id = s2.class_id
            where c1.status not in ('REJECTED','CANCELLED') and c2.status not in ('REJECTED','CANCELLED')""";

    public List<TeacherOverlap> teacherOverlaps(Instant from, Instant to, Collection<Long> classIds) {
        List<TeacherOverlap> found = new ArrayList<>(
                jdbc.sql(TEACHER_OVERLAPS + " and s1.starts_at >= :f and s1.starts_at < :t")
                    .param("f", Timestamp.from(from))
                    .param("t", Timestamp.from(to))
                    .query(SupervisionFactStore::teacherOverlap)
                    .list());
        for (List<Long> chunk : chunks(classIds)) {
            found.addAll(jdbc.sql(TEACHER_OVERLAPS + " and s1.class_id in (:ids)")
                .param("ids", chunk)
                .query(SupervisionFactStore::teacherOverlap)
                .list());
        }
        Map<String, TeacherOverlap> pairs = new LinkedHashMap<>();
        for (TeacherOverlap o : found) {
            TeacherOverlap ordered = o.a().sessionId() < o.b().sessionId() ? o : new TeacherOverlap(o.b(), o.a());
            pairs.putIfAbsent(ordered.a().sessionId() + ":" + ordered.b().sessionId(), ordered);
        }
        return new ArrayList<>(pairs.values());
    }

    private static TeacherOverlap teacherOverlap(ResultSet rs, int n) throws SQLException {
        return new TeacherOverlap(session(rs, "a_"), session(rs, "b_"));
    }

    /** The China day of a timestamp: whole days since the epoch at UTC+8 (no DST). */
    private static final String CHINA_EPOCH_DAY = "cast(floor((extract(epoch from e.enrolled_at) + 28800) / 86400) as bigint)";

    public List<ProviderDay> enrolmentsPerDay(LocalDate fromDay, LocalDate toDay, Collection<Long> providerIds) {
        String sql = """
                select x.provider_id, max(x.provider_name) as provider_name, max(x.region_code) as region_code,
                  x.day_no, count(*) as n
                from (select e.provider_id, c.provider_name, c.region_code, %s as day_no
                  from enrolment e join training_class c on c.id = e.class_id
                  where e.enrolled_at >= :f and e.enrolled_at < :t %%s) x
                group by x.provider_id, x.day_no order by x.provider_id, x.day_no""".formatted(CHINA_EPOCH_DAY);
        return perDay(sql, providerIds,
                q -> q.param("f", Timestamp.from(fromDay.atStartOfDay(CHINA).toInstant()))
                    .param("t", Timestamp.from(toDay.atStartOfDay(CHINA).toInstant())),
                (rs, n) -> new ProviderDay(rs.getLong("provider_id"), rs.getString("provider_name"),
                        rs.getString("region_code"), LocalDate.ofEpochDay(rs.getLong("day_no")), rs.getLong("n")));
    }

    public List<ProviderDay> completionsPerDay(LocalDate fromDay, LocalDate toDay, Collection<Long> providerIds) {
        String sql = """
                select e.provider_id, max(c.provider_name) as provider_name, max(c.region_code) as region_code,
                  e.completed_on, count(*) as n
                from enrolment e join training_class c on c.id = e.class_id
                where e.status = 'COMPLETED' and e.completed_on >= :f and e.completed_on < :t %s
                group by e.provider_id, e.completed_on order by e.provider_id, e.completed_on""";
        return perDay(sql, providerIds, q -> q.param("f", Date.valueOf(fromDay)).param("t", Date.valueOf(toDay)),
                (rs, n) -> new ProviderDay(rs.getLong("provider_id"), rs.getString("provider_name"),
                        rs.getString("region_code"), rs.getDate("completed_on").toLocalDate(), rs.getLong("n")));
    }

    /** Runs a per-day count whose {@code %s} takes the providers' filter, chunked. */
    private List<ProviderDay> perDay(String sql, Collection<Long> providerIds,
            Function<JdbcClient.StatementSpec, JdbcClient.StatementSpec> params,
            org.springframework.jdbc.core.RowMapper<ProviderDay> row) {
        if (providerIds.isEmpty()) {
            return params.apply(jdbc.sql(sql.formatted(""))).query(row).list();
        }
        List<ProviderDay> out = new ArrayList<>();
        for (List<Long> chunk : chunks(providerIds)) {
            out.addAll(params.apply(jdbc.sql(sql.formatted("and e.provider_id in (:ids)")))
                .param("ids", chunk)
                .query(row)
                .list());
        }
        return out;
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(new LinkedHashSet<>(ids));
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

}
