package org.jixing.training.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.shared.bulk.BulkWriter;
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

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    private final BulkWriter bulk;

    EnrolmentStore(JdbcClient jdbc, BulkWriter bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    /**
     * A new roster row for {@link #insertAll}; {@code slot} is the subsidy slot it takes
     * (null when self-funded).
     */
    public record NewRow(long personId, boolean subsidised, String ineligibleReasons, String token,
            EnrolmentStatus status, String completionReason, LocalDate completedOn, Integer slot) {
    }

    /**
     * Writes many enrolments of one class with their subsidy slots and qualifications in
     * bulk and returns the new enrolment ids by person. A slot or qualification taken
     * meanwhile by a concurrent enrolment fails the whole write on its key.
     */
    public Map<Long, Long> insertAll(long classId, long providerId, String region, String line, int year,
            String occupation, String level, List<NewRow> rows, String by, Instant at) {
        bulk.write("enrolment",
                List.of("class_id", "person_id", "provider_id", "region_code", "line_code", "subsidised",
                        "ineligible_reasons", "status", "token", "enrolled_by", "enrolled_at", "version",
                        "completion_reason", "completed_on"),
                rows.stream()
                    .map(r -> new Object[] { classId, r.personId(), providerId, region, line, r.subsidised(),
                            r.ineligibleReasons(), r.status().name(), r.token(), by, at, 0, r.completionReason(),
                            r.completedOn() })
                    .toList());
        Map<Long, Long> ids = new HashMap<>();
        List<Long> persons = rows.stream().map(NewRow::personId).toList();
        for (int from = 0; from < persons.size(); from += CHUNK) {
            jdbc.sql("select person_id, id, class_id from enrolment where person_id = any(:p)")
                .param("p", persons.subList(from, Math.min(persons.size(), from + CHUNK)).toArray(Long[]::new))
                .query((rs, n) -> rs.getLong(3) == classId ? ids.put(rs.getLong(1), rs.getLong(2)) : null)
                .list();
        }
        List<NewRow> subsidised = rows.stream().filter(r -> r.slot() != null).toList();
        bulk.write("subsidy_slot", List.of("person_id", "training_year", "slot", "enrolment_id"),
                subsidised.stream()
                    .map(r -> new Object[] { r.personId(), year, r.slot(), ids.get(r.personId()) })
                    .toList());
        bulk.write("subsidised_qualification", List.of("person_id", "occupation_code", "level_code", "enrolment_id"),
                subsidised.stream()
                    .map(r -> new Object[] { r.personId(), occupation, level, ids.get(r.personId()) })
                    .toList());
        return ids;
    }

    /** Locks the class row so capacity is checked by one enrolment at a time. */
    public void lockClass(long classId) {
        jdbc.sql("select id from training_class where id = :id for update")
            .param("id", classId)
            .query(Long.class)
            .list();
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

    /** A page of a roster in enrolment order. */
    public List<Row> rosterPage(long classId, int offset, int limit) {
        return jdbc
            .sql("select " + COLUMNS + " from enrolment e where e.class_id = :c order by e.enrolled_at, e.id"
                    + " offset :o rows fetch next :l rows only")
            .param("c", classId)
            .param("o", offset)
            .param("l", limit)
            .query(EnrolmentStore::map)
            .list();
    }

    public long rosterCount(long classId) {
        return jdbc.sql("select count(*) from enrolment where class_id = :c")
            .param("c", classId)
            .query(Long.class)
            .single();
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

    public void complete(long id, EnrolmentStatus status, String reason, LocalDate on) {
        jdbc.sql("""
                update enrolment set status = :s, completion_reason = :r, completed_on = :d, version = version + 1
                where id = :id""")
            .param("s", status.name())
            .param("r", reason)
            .param("d", Date.valueOf(on))
            .param("id", id)
            .update();
    }

    static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("class_id"), rs.getLong("person_id"), rs.getBoolean("subsidised"),
                rs.getString("ineligible_reasons"), EnrolmentStatus.valueOf(rs.getString("status")),
                rs.getString("token"), rs.getTimestamp("enrolled_at").toInstant(), rs.getInt("version"),
                rs.getString("completion_reason"));
    }

}
