package org.jixing.training.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jixing.shared.scope.ScopeColumns;
import org.jixing.training.EnrolmentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for rosters and the database-enforced subsidy limits. */
@Repository
public class EnrolmentStore {

    public static final ScopeColumns SCOPE = ScopeColumns.create()
        .region("e.region_code")
        .actionLine("e.line_code")
        .provider("e.provider_id")
        .person("e.person_id");

    /**
     * An enrolment row without the person's particulars, which live in the person module.
     */
    public record Row(long id, long classId, long personId, boolean subsidised, String ineligibleReasons,
            EnrolmentStatus status, String token, Instant enrolledAt, int version, String completionReason) {
    }

    private static final String COLUMNS = """
            e.id, e.class_id, e.person_id, e.subsidised, e.ineligible_reasons, e.status, e.token, e.enrolled_at,
            e.version, e.completion_reason""";

    private final JdbcClient jdbc;

    EnrolmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the class row so capacity is checked by one enrolment at a time. */
    public void lockClass(long classId) {
        jdbc.sql("select id from training_class where id = :id for update")
            .param("id", classId)
            .query(Long.class)
            .list();
    }

    public long enrolledCount(long classId) {
        return jdbc.sql("select count(*) from enrolment where class_id = :c and status <> 'WITHDRAWN'")
            .param("c", classId)
            .query(Long.class)
            .single();
    }

    public Optional<Row> findInClass(long classId, long personId) {
        return jdbc.sql("select " + COLUMNS + " from enrolment e where e.class_id = :c and e.person_id = :p")
            .param("c", classId)
            .param("p", personId)
            .query(EnrolmentStore::map)
            .optional();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from enrolment e where e.id = :id")
            .param("id", id)
            .query(EnrolmentStore::map)
            .optional();
    }

    public Optional<Row> findByToken(String token) {
        return jdbc.sql("select " + COLUMNS + " from enrolment e where e.token = :t")
            .param("t", token)
            .query(EnrolmentStore::map)
            .optional();
    }

    public List<Row> roster(long classId) {
        return jdbc.sql("select " + COLUMNS + " from enrolment e where e.class_id = :c order by e.enrolled_at, e.id")
            .param("c", classId)
            .query(EnrolmentStore::map)
            .list();
    }

    public long insert(long classId, long personId, long providerId, String region, String line, boolean subsidised,
            String ineligibleReasons, String token, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into enrolment (class_id, person_id, provider_id, region_code, line_code, subsidised,
                  ineligible_reasons, status, token, enrolled_by, enrolled_at, version)
                values (:c, :p, :provider, :region, :line, :subsidised, :reasons, 'ENROLLED', :token, :by, :at, 0)""")
            .param("c", classId)
            .param("p", personId)
            .param("provider", providerId)
            .param("region", region)
            .param("line", line)
            .param("subsidised", subsidised)
            .param("reasons", ineligibleReasons)
            .param("token", token)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public int usedSlots(long personId, int year) {
        return jdbc.sql("select count(*) from subsidy_slot where person_id = :p and training_year = :y")
            .param("p", personId)
            .param("y", year)
            .query(Integer.class)
            .single();
    }

    /**
     * Takes the lowest free slot of the year. Returns false when all three are taken; a
     * concurrent enrolment taking the same slot makes one of the two fail on the primary
     * key.
     */
    public boolean takeSlot(long personId, int year, long enrolmentId) {
        List<Integer> used = jdbc.sql("select slot from subsidy_slot where person_id = :p and training_year = :y")
            .param("p", personId)
            .param("y", year)
            .query(Integer.class)
            .list();
        for (int slot = 1; slot <= 3; slot++) {
            if (!used.contains(slot)) {
                jdbc.sql(
                        "insert into subsidy_slot (person_id, training_year, slot, enrolment_id) values (:p, :y, :s, :e)")
                    .param("p", personId)
                    .param("y", year)
                    .param("s", slot)
                    .param("e", enrolmentId)
                    .update();
                return true;
            }
        }
        return false;
    }

    /**
     * The class number of the earlier subsidised training of this occupation and level,
     * if any.
     */
    public Optional<String> subsidisedBefore(long personId, String occupation, String level) {
        return jdbc.sql("""
                select c.class_no from subsidised_qualification q join enrolment e on e.id = q.enrolment_id
                join training_class c on c.id = e.class_id
                where q.person_id = :p and q.occupation_code = :o and q.level_code = :l""")
            .param("p", personId)
            .param("o", occupation)
            .param("l", level)
            .query(String.class)
            .optional();
    }

    public void takeQualification(long personId, String occupation, String level, long enrolmentId) {
        jdbc.sql("""
                insert into subsidised_qualification (person_id, occupation_code, level_code, enrolment_id)
                values (:p, :o, :l, :e)""")
            .param("p", personId)
            .param("o", occupation)
            .param("l", level)
            .param("e", enrolmentId)
            .update();
    }

    public void releaseSubsidy(long enrolmentId) {
        jdbc.sql("delete from subsidy_slot where enrolment_id = :e").param("e", enrolmentId).update();
        jdbc.sql("delete from subsidised_qualification where enrolment_id = :e").param("e", enrolmentId).update();
    }

    /** Another live class of the person whose sessions overlap this class's sessions. */
    public Optional<String> overlappingClass(long personId, long classId) {
        return jdbc.sql("""
                select c.class_no from enrolment e
                join training_class c on c.id = e.class_id
                join class_session s on s.class_id = c.id
                join class_session t on t.class_id = :c and s.starts_at < t.ends_at and s.ends_at > t.starts_at
                where e.person_id = :p and e.status = 'ENROLLED' and e.class_id <> :c
                  and c.status in ('SUBMITTED', 'APPROVED', 'RUNNING')
                fetch first 1 rows only""").param("p", personId).param("c", classId).query(String.class).optional();
    }

    public boolean changeStatus(long id, int version, EnrolmentStatus status, String reason) {
        return jdbc.sql("""
                update enrolment set status = :s, status_reason = :r, version = version + 1
                where id = :id and version = :v""")
            .param("s", status.name())
            .param("r", reason)
            .param("id", id)
            .param("v", version)
            .update() == 1;
    }

    public void complete(long id, EnrolmentStatus status, String reason, java.time.LocalDate on) {
        jdbc.sql("""
                update enrolment set status = :s, completion_reason = :r, completed_on = :d, version = version + 1
                where id = :id""")
            .param("s", status.name())
            .param("r", reason)
            .param("d", java.sql.Date.valueOf(on))
            .param("id", id)
            .update();
    }

    static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getLong("class_id"), rs.getLong("person_id"), rs.getBoolean("subsidised"),
                rs.getString("ineligible_reasons"), EnrolmentStatus.valueOf(rs.getString("status")),
                rs.getString("token"), rs.getTimestamp("enrolled_at").toInstant(), rs.getInt("version"),
                rs.getString("completion_reason"));
    }

}
