package org.jixing.training.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.ClassFilter;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassSession;
import org.jixing.training.ClassStatus;
import org.jixing.training.ClassType;
import org.jixing.training.StatusChange;
import org.jixing.training.TrainingClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for classes, their sessions and history. Lists and lookups take the scope clause.
 */
@Repository
public class ClassStore {

    /**
     * Region officers see their region's classes, line departments the classes of their
     * lines, provider staff their provider's.
     */
    public static final ScopeColumns SCOPE = ScopeColumns.create()
        .region("c.region_code")
        .actionLine("c.line_code")
        .provider("c.provider_id");

    /** The columns {@link #map} reads, of the class aliased {@code c}. */
    static final String COLUMNS = """
            c.id, c.class_no, c.provider_id, c.provider_name, c.region_code, c.programme_id, c.line_code,
            c.sub_target_code, c.occupation_code, c.level_code, c.class_type, c.employer_name,
            c.employer_credit_code, c.subsidised, c.venue_address, c.venue_lat, c.venue_lng, c.start_date,
            c.end_date, c.capacity, c.status, c.status_reason, c.status_since, c.created_at, c.version""";

    /** The statuses of classes the region approved and nobody called off, for SQL. */
    private static final String OPENED = Arrays.stream(ClassStatus.values())
        .filter(ClassStatus::opened)
        .map(s -> "'" + s.name() + "'")
        .collect(Collectors.joining(", ", "(", ")"));

    private final JdbcClient jdbc;

    ClassStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a submitted class and returns its id; the class number derives from it. */
    public long insert(TrainingClass c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                """
                        insert into training_class (class_no, provider_id, provider_name, region_code, programme_id, line_code,
                          sub_target_code, occupation_code, level_code, class_type, employer_name, employer_credit_code,
                          subsidised, venue_address, venue_lat, venue_lng, start_date, end_date, capacity, status,
                          status_since, created_at, version)
                        values (:no, :provider, :providerName, :region, :programme, :line, :sub, :occ, :lvl, :type, :employer,
                          :employerCode, :subsidised, :venue, :lat, :lng, :start, :end, :capacity, 'SUBMITTED', :now, :now, 0)""")
            .param("no", "pending-" + UUID.randomUUID().toString().substring(0, 20))
            .param("provider", c.providerId())
            .param("providerName", c.providerName())
            .param("region", c.regionCode())
            .param("programme", c.programmeId())
            .param("line", c.lineCode())
            .param("sub", c.subTargetCode())
            .param("occ", c.occupationCode())
            .param("lvl", c.levelCode())
            .param("type", c.classType().name())
            .param("employer", c.employerName())
            .param("employerCode", c.employerCreditCode())
            .param("subsidised", c.subsidised())
            .param("venue", c.venueAddress())
            .param("lat", c.venueLat())
            .param("lng", c.venueLng())
            .param("start", Date.valueOf(c.startDate()))
            .param("end", Date.valueOf(c.endDate()))
            .param("capacity", c.capacity())
            .param("now", Timestamp.from(c.createdAt()))
            .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        // Region, year and a number that never repeats: 370100-2026-000042.
        String classNo = "%s-%d-%06d".formatted(c.regionCode(), c.startDate().getYear(), id);
        jdbc.sql("update training_class set class_no = :no where id = :id")
            .param("no", classNo)
            .param("id", id)
            .update();
        return id;
    }

    public void insertSession(long classId, int seq, Instant startsAt, Instant endsAt, long teacherId, String topic) {
        jdbc.sql("""
                insert into class_session (class_id, seq, starts_at, ends_at, teacher_id, topic)
                values (:c, :seq, :s, :e, :t, :topic)""")
            .param("c", classId)
            .param("seq", seq)
            .param("s", Timestamp.from(startsAt))
            .param("e", Timestamp.from(endsAt))
            .param("t", teacherId)
            .param("topic", topic)
            .update();
    }

    /**
     * Sessions of live classes (not rejected or cancelled) that this teacher gives and
     * that overlap the given time.
     */
    public List<String> teacherBookings(long teacherId, Instant startsAt, Instant endsAt) {
        return jdbc.sql("""
                select c.class_no from class_session s join training_class c on c.id = s.class_id
                where s.teacher_id = :t and s.starts_at < :e and s.ends_at > :s
                  and c.status not in ('REJECTED', 'CANCELLED')""")
            .param("t", teacherId)
            .param("s", Timestamp.from(startsAt))
            .param("e", Timestamp.from(endsAt))
            .query(String.class)
            .list();
    }

    public Optional<TrainingClass> find(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " from training_class c where c.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query(ClassStore::map)
            .optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from training_class where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    public List<TrainingClass> search(ClassFilter filter, ScopeSql.Clause scope, int offset, int limit) {
        var where = where(filter, scope);
        return jdbc
            .sql("select " + COLUMNS + " from training_class c where " + where.sql() + " order by " + filter.orderBy()
                    + " offset :off rows fetch next :lim rows only")
            .params(where.params())
            .param("off", offset)
            .param("lim", limit)
            .query(ClassStore::map)
            .list();
    }

    public long count(ClassFilter filter, ScopeSql.Clause scope) {
        var where = where(filter, scope);
        return jdbc.sql("select count(*) from training_class c where " + where.sql())
            .params(where.params())
            .query(Long.class)
            .single();
    }

    private static ScopeSql.Clause where(ClassFilter f, ScopeSql.Clause scope) {
        ScopeSql.Conditions where = ScopeSql.conditions(scope);
        if (f.status() != null) {
            where.and("c.status = :status", "status", f.status().name());
        }
        if (f.lineCode() != null && !f.lineCode().isBlank()) {
            where.and("c.line_code = :line", "line", f.lineCode());
        }
        if (f.regionCode() != null && RegionCode.isWellFormed(f.regionCode())) {
            where.and("c.region_code like :region", "region", new RegionCode(f.regionCode()).prefix() + "%");
        }
        if (f.providerId() != null) {
            where.and("c.provider_id = :providerId", "providerId", f.providerId());
        }
        if (f.type() != null) {
            where.and("c.class_type = :type", "type", f.type().name());
        }
        if (f.opened()) {
            where.and("c.status in " + OPENED);
        }
        if (f.startsFrom() != null) {
            where.and("c.start_date >= :startsFrom", "startsFrom", Date.valueOf(f.startsFrom()));
        }
        if (f.startsUntil() != null) {
            where.and("c.start_date <= :startsUntil", "startsUntil", Date.valueOf(f.startsUntil()));
        }
        if (f.subTargetCode() != null && !f.subTargetCode().isBlank()) {
            where.and("c.sub_target_code = :subTarget", "subTarget", f.subTargetCode());
        }
        if (f.byCompletion()) {
            boolean byGroup = f.completedGroup() != null && !f.completedGroup().isBlank();
            ScopeSql.Conditions completed = ScopeSql
                .conditions(new ScopeSql.Clause("e.class_id = c.id and e.status = 'COMPLETED'", Map.of()));
            if (f.completedFrom() != null) {
                completed.and("e.completed_on >= :completedFrom", "completedFrom", Date.valueOf(f.completedFrom()));
            }
            if (f.completedUntil() != null) {
                completed.and("e.completed_on <= :completedUntil", "completedUntil", Date.valueOf(f.completedUntil()));
            }
            if (byGroup) {
                completed.and("g.group_code = :completedGroup", "completedGroup", f.completedGroup());
            }
            ScopeSql.Clause c = completed.clause();
            where.and(new ScopeSql.Clause("exists (select 1 from enrolment e"
                    + (byGroup ? " join enrolment_completion_group g on g.enrolment_id = e.id" : "") + " where "
                    + c.sql() + ")", c.params()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
            where.and("(lower(c.provider_name) like :text or c.class_no like :text)", "text", "%" + t + "%");
        }
        return where.clause();
    }

    /**
     * Classes opened (approved, not called off) that start between two days, by type: how
     * many, their trainees (enrolled, not withdrawn) and their completions; in a scope.
     */
    public Map<ClassType, ClassOpenings.Opened> openedByType(LocalDate from, LocalDate until, ScopeSql.Clause scope) {
        Map<ClassType, ClassOpenings.Opened> out = new EnumMap<>(ClassType.class);
        jdbc.sql("""
                select c.class_type, count(distinct c.id),
                  count(case when e.status <> 'WITHDRAWN' then 1 end),
                  count(case when e.status = 'COMPLETED' then 1 end)
                from training_class c left join enrolment e on e.class_id = c.id
                where c.start_date >= :from and c.start_date <= :until and c.status in""" + " " + OPENED + " and "
                + scope.sql() + " group by c.class_type")
            .param("from", Date.valueOf(from))
            .param("until", Date.valueOf(until))
            .params(scope.params())
            .query((rs, n) -> out.put(ClassType.valueOf(rs.getString(1)),
                    new ClassOpenings.Opened(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
            .list();
        return out;
    }

    public List<ClassSession> sessions(long classId) {
        return jdbc.sql("""
                select s.id, s.class_id, s.seq, s.starts_at, s.ends_at, s.teacher_id, t.name, s.topic
                from class_session s join teacher t on t.id = s.teacher_id
                where s.class_id = :c order by s.seq""")
            .param("c", classId)
            .query((rs, n) -> new ClassSession(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                    rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getString(7),
                    rs.getString(8)))
            .list();
    }

    public Optional<ClassSession> session(long sessionId) {
        return jdbc.sql("""
                select s.id, s.class_id, s.seq, s.starts_at, s.ends_at, s.teacher_id, t.name, s.topic
                from class_session s join teacher t on t.id = s.teacher_id where s.id = :id""")
            .param("id", sessionId)
            .query((rs, n) -> new ClassSession(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                    rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getString(7),
                    rs.getString(8)))
            .optional();
    }

    public boolean changeStatus(long id, int version, ClassStatus status, String reason, Instant now) {
        return jdbc.sql("""
                update training_class set status = :status, status_reason = :reason, status_since = :now,
                  version = version + 1 where id = :id and version = :version""")
            .param("status", status.name())
            .param("reason", reason)
            .param("now", Timestamp.from(now))
            .param("id", id)
            .param("version", version)
            .update() == 1;
    }

    public void recordStatusChange(long id, ClassStatus status, String reason, String by, Instant at) {
        jdbc.sql("""
                insert into training_class_status_change (class_id, status, reason, decided_by, decided_at)
                values (:id, :status, :reason, :by, :at)""")
            .param("id", id)
            .param("status", status.name())
            .param("reason", reason)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update();
    }

    public List<StatusChange> history(long id) {
        return jdbc.sql("""
                select status, reason, decided_by, decided_at from training_class_status_change
                where class_id = :id order by decided_at, id""")
            .param("id", id)
            .query((rs, n) -> new StatusChange(ClassStatus.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
            .list();
    }

    static TrainingClass map(ResultSet rs, int n) throws SQLException {
        return new TrainingClass(rs.getLong("id"), rs.getString("class_no"), rs.getLong("provider_id"),
                rs.getString("provider_name"), rs.getString("region_code"), rs.getLong("programme_id"),
                rs.getString("line_code"), rs.getString("sub_target_code"), rs.getString("occupation_code"),
                rs.getString("level_code"), ClassType.valueOf(rs.getString("class_type")),
                rs.getString("employer_name"), rs.getString("employer_credit_code"), rs.getBoolean("subsidised"),
                rs.getString("venue_address"), rs.getBigDecimal("venue_lat"), rs.getBigDecimal("venue_lng"),
                rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(), rs.getInt("capacity"),
                ClassStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getTimestamp("status_since").toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"));
    }

}
