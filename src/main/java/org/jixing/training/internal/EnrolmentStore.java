package org.jixing.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    private final org.jixing.shared.bulk.BulkWriter bulk;

    EnrolmentStore(JdbcClient jdbc, org.jixing.shared.bulk.BulkWriter bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    /**
     * What the eligibility rules need to know of many people at once: the people asked
     * about who are on the roster already, and how many the roster holds in all. Both
     * grow with {@link #enrol} as a bulk roster is built in memory.
     */
    public record Facts(Map<Long, Set<Integer>> usedSlots, Map<Long, OtherClass> sameQualification,
            Map<Long, OtherClass> overlapping, Set<Long> inClass,
            java.util.concurrent.atomic.AtomicInteger rosterSize) {

        /** Counts a person onto the roster being built. */
        public void enrol(long personId) {
            if (inClass.add(personId)) {
                rosterSize.incrementAndGet();
            }
        }

    }

    /**
     * Another class a rule points at: its number, and whose it is, so that an answer
     * names it only to its own provider.
     */
    public record OtherClass(String classNo, long providerId, String regionCode) {
    }

    /**
     * The facts for these people and this class, in two statements per thousand people:
     * the subsidy slots each holds in the class's year, an earlier subsidy of the same
     * occupation and level, another class whose sessions overlap (any standing enrolment:
     * not withdrawn, in a class neither rejected nor cancelled, completed ones included,
     * so live enrolment and recorded history apply one rule), who is on the roster
     * already (withdrawn too: a class takes a person once), and how many the roster holds
     * (not counting the withdrawn).
     */
    public Facts facts(java.util.Collection<Long> personIds, long classId, int year, String occupation, String level) {
        Map<Long, Set<Integer>> slots = new HashMap<>();
        Map<Long, OtherClass> same = new HashMap<>();
        Map<Long, OtherClass> overlap = new HashMap<>();
        List<Long> all = List.copyOf(personIds);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            // One statement for the three per-person rules: a check is one round trip
            // here. Overlaps: a person's completed enrolments count too, so the class's
            // dates rule out most of them before their sessions are compared (on H2 about
            // four times faster than comparing sessions for every earlier enrolment).
            // Each part is driven by the people asked about alone (year,
            // occupation and level are compared here, the classes looked up per row):
            // given more, H2's planner walks whole tables to find them.
            jdbc.sql("""
                    select 'S', person_id, cast(training_year as varchar(12)), null, cast(slot as varchar(12)),
                      cast(null as bigint), cast(null as varchar(6))
                    from subsidy_slot where person_id = any(:p)
                    union all
                    select 'Q', q.person_id, q.occupation_code, q.level_code, (select c.class_no from enrolment e
                      join training_class c on c.id = e.class_id where e.id = q.enrolment_id),
                      (select e.provider_id from enrolment e where e.id = q.enrolment_id),
                      (select e.region_code from enrolment e where e.id = q.enrolment_id)
                    from subsidised_qualification q where q.person_id = any(:p)
                    union all
                    select 'O', e.person_id, null, null,
                      min((select c.class_no from training_class c where c.id = e.class_id)),
                      case when min(e.provider_id) = max(e.provider_id) then min(e.provider_id) else -1 end,
                      case when min(e.region_code) = max(e.region_code) then min(e.region_code) end
                    from enrolment e
                    where e.person_id = any(:p) and e.status <> 'WITHDRAWN' and e.class_id <> :c
                      and exists (select 1 from training_class c where c.id = e.class_id
                        and c.status not in ('REJECTED', 'CANCELLED')
                        and c.start_date <= (select x.end_date from training_class x where x.id = :c)
                        and c.end_date >= (select x.start_date from training_class x where x.id = :c))
                      and exists (select 1 from class_session s join class_session t on t.class_id = :c
                        and s.starts_at < t.ends_at and s.ends_at > t.starts_at where s.class_id = e.class_id)
                    group by e.person_id""")
                .param("p", chunk.toArray(Long[]::new))
                .param("c", classId)
                .query((rs, n) -> {
                    long person = rs.getLong(2);
                    String value = rs.getString(5);
                    switch (rs.getString(1)) {
                        case "S" -> {
                            if (Integer.parseInt(rs.getString(3)) == year) {
                                slots.computeIfAbsent(person, k -> new HashSet<>()).add(Integer.parseInt(value));
                            }
                        }
                        case "Q" -> {
                            if (occupation.equals(rs.getString(3)) && level.equals(rs.getString(4))) {
                                same.put(person, new OtherClass(value, rs.getLong(6), rs.getString(7)));
                            }
                        }
                        default -> overlap.put(person, new OtherClass(value, rs.getLong(6), rs.getString(7)));
                    }
                    return person;
                })
                .list();
        }
        Set<Long> in = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            // By person only (then the class in Java): with the class in the statement H2
            // walks the class's whole roster for every chunk.
            jdbc.sql("select person_id, class_id from enrolment where person_id = any(:p)")
                .param("p", all.subList(from, Math.min(all.size(), from + CHUNK)).toArray(Long[]::new))
                .query((rs, n) -> rs.getLong(2) == classId ? in.add(rs.getLong(1)) : false)
                .list();
        }
        int size = jdbc.sql("select count(*) from enrolment where class_id = :c and status <> 'WITHDRAWN'")
            .param("c", classId)
            .query(Integer.class)
            .single();
        return new Facts(slots, same, overlap, in, new java.util.concurrent.atomic.AtomicInteger(size));
    }

    /**
     * A new roster row for {@link #insertAll}; {@code slot} is the subsidy slot it takes
     * (null when self-funded).
     */
    public record NewRow(long personId, boolean subsidised, String ineligibleReasons, String token,
            EnrolmentStatus status, String completionReason, java.time.LocalDate completedOn, Integer slot) {
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

    private static final String COMPLETED = "e.status = 'COMPLETED' and e.completed_on is not null";

    /**
     * A completed enrolment with its class's particulars, selected from enrolment e and
     * class c.
     */
    private static final String COMPLETED_TRAINING = """
            select e.id, e.person_id, c.id, c.class_no, c.provider_id, c.region_code, c.occupation_code,
              c.level_code, e.completed_on
            from enrolment e join training_class c on c.id = e.class_id""";

    private static org.jixing.training.CompletedTraining completedTraining(java.sql.ResultSet rs, int n)
            throws java.sql.SQLException {
        return new org.jixing.training.CompletedTraining(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getDate(9).toLocalDate());
    }

    /**
     * A person's completed enrolments of an occupation and level (unscoped), latest
     * first.
     */
    public List<org.jixing.training.CompletedTraining> completedTrainings(long personId, String occupation,
            String level) {
        return jdbc
            .sql(COMPLETED_TRAINING + " where e.person_id = :p and c.occupation_code = :o and c.level_code = :l and "
                    + COMPLETED + " order by e.completed_on desc, e.id desc")
            .param("p", personId)
            .param("o", occupation)
            .param("l", level)
            .query(EnrolmentStore::completedTraining)
            .list();
    }

    /** One completed enrolment (unscoped), if it is completed. */
    public Optional<org.jixing.training.CompletedTraining> completedTraining(long enrolmentId) {
        return jdbc.sql(COMPLETED_TRAINING + " where e.id = :id and " + COMPLETED)
            .param("id", enrolmentId)
            .query(EnrolmentStore::completedTraining)
            .optional();
    }

    /** The completed enrolments of a class (unscoped). */
    public List<org.jixing.training.CompletedTraining> completedTrainingsOfClass(long classId) {
        return jdbc.sql(COMPLETED_TRAINING + " where c.id = :c and " + COMPLETED + " order by e.id")
            .param("c", classId)
            .query(EnrolmentStore::completedTraining)
            .list();
    }

    /** Completions from the records, grouped as progress reports them. */
    public List<org.jixing.training.CompletionCounts.Count> completionCounts() {
        return jdbc.sql("""
                select e.completed_on, c.line_code, c.sub_target_code, c.region_code, c.provider_id,
                  c.occupation_code, e.subsidised, count(*)
                from enrolment e join training_class c on c.id = e.class_id
                where %s
                group by e.completed_on, c.line_code, c.sub_target_code, c.region_code, c.provider_id,
                  c.occupation_code, e.subsidised""".formatted(COMPLETED))
            .query((rs, n) -> new org.jixing.training.CompletionCounts.Count(rs.getDate(1).toLocalDate(),
                    rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getBoolean(7),
                    rs.getLong(8)))
            .list();
    }

    private static final String PERSON_TRAINING = """
            select e.id, e.person_id, c.start_date, e.completed_on, e.line_code, e.region_code, e.subsidised
            from enrolment e join training_class c on c.id = e.class_id where""" + " " + COMPLETED;

    /** The completed trainings of these people, in chunks of a thousand. */
    public List<org.jixing.training.CompletionCounts.PersonTraining> personTrainings(
            java.util.Collection<Long> personIds) {
        List<org.jixing.training.CompletionCounts.PersonTraining> out = new ArrayList<>();
        List<Long> all = List.copyOf(personIds);
        for (int from = 0; from < all.size(); from += 1000) {
            out.addAll(jdbc.sql(PERSON_TRAINING + " and e.person_id = any(:p)")
                .param("p", all.subList(from, Math.min(all.size(), from + 1000)).toArray(Long[]::new))
                .query(EnrolmentStore::personTraining)
                .list());
        }
        return out;
    }

    /** The completed trainings of the next {@code persons} people with any after one. */
    public List<org.jixing.training.CompletionCounts.PersonTraining> personTrainingsAfter(long after, int persons) {
        Long last = jdbc
            .sql("""
                    select max(person_id) from (select distinct e.person_id from enrolment e
                      where %s and e.person_id > :after order by e.person_id fetch first %d rows only) t"""
                .formatted(COMPLETED, persons))
            .param("after", after)
            .query(Long.class)
            .optional()
            .orElse(null);
        if (last == null) {
            return List.of();
        }
        return jdbc.sql(PERSON_TRAINING + " and e.person_id > :after and e.person_id <= :last order by e.person_id")
            .param("after", after)
            .param("last", last)
            .query(EnrolmentStore::personTraining)
            .list();
    }

    private static org.jixing.training.CompletionCounts.PersonTraining personTraining(ResultSet rs, int n)
            throws SQLException {
        return new org.jixing.training.CompletionCounts.PersonTraining(rs.getLong(1), rs.getLong(2),
                rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6),
                rs.getBoolean(7));
    }

    /**
     * Unique persons with a subsidised completion, per year: in all, by line, by city, by
     * line and city ('' where a grouping has no line or city).
     */
    public List<org.jixing.training.CompletionCounts.PersonCount> uniquePersonCounts() {
        String city = "substr(e.region_code, 1, 4) || '00'";
        String year = "extract(year from e.completed_on)";
        List<org.jixing.training.CompletionCounts.PersonCount> out = new ArrayList<>();
        for (String[] g : new String[][] { { "ALL", "''", "''" }, { "LINE", "e.line_code", "''" },
                { "CITY", "''", city }, { "LINE_CITY", "e.line_code", city } }) {
            out.addAll(jdbc
                .sql("select " + year + ", " + g[1] + ", " + g[2]
                        + ", count(distinct e.person_id) from enrolment e where " + COMPLETED
                        + " and e.subsidised = true group by " + year + ("''".equals(g[1]) ? "" : ", " + g[1])
                        + ("''".equals(g[2]) ? "" : ", " + g[2]))
                .query((rs, n) -> new org.jixing.training.CompletionCounts.PersonCount(rs.getInt(1), g[0],
                        rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list());
        }
        return out;
    }

    /** A person's subsidised completions in a year: enrolment, line and region. */
    public List<org.jixing.training.CompletionCounts.PersonCompletion> subsidisedCompletionsOf(long personId,
            int year) {
        return jdbc
            .sql("select e.id, e.line_code, e.region_code from enrolment e where e.person_id = :p and " + COMPLETED
                    + " and e.subsidised = true and e.completed_on between :from and :to")
            .param("p", personId)
            .param("from", java.sql.Date.valueOf(java.time.LocalDate.of(year, 1, 1)))
            .param("to", java.sql.Date.valueOf(java.time.LocalDate.of(year, 12, 31)))
            .query((rs, n) -> new org.jixing.training.CompletionCounts.PersonCompletion(rs.getLong(1), rs.getString(2),
                    rs.getString(3)))
            .list();
    }

    /** The day each completed trainee of a class completed, by enrolment. */
    public Map<Long, java.time.LocalDate> completedOn(long classId) {
        Map<Long, java.time.LocalDate> days = new HashMap<>();
        jdbc.sql("select id, completed_on from enrolment where class_id = :c and completed_on is not null")
            .param("c", classId)
            .query((rs, n) -> days.put(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class)))
            .list();
        return days;
    }

    /**
     * Completions between two days (by the day of completion) and how many were
     * subsidised, in a scope.
     */
    public org.jixing.training.CompletionCounts.Totals completionTotals(java.time.LocalDate from,
            java.time.LocalDate until, org.jixing.shared.scope.ScopeSql.Clause scope) {
        return jdbc
            .sql("""
                    select count(*), count(case when e.subsidised then 1 end) from enrolment e
                    where e.status = 'COMPLETED' and e.completed_on >= :from and e.completed_on <= :until""" + " and "
                    + scope.sql())
            .param("from", java.sql.Date.valueOf(from))
            .param("until", java.sql.Date.valueOf(until))
            .params(scope.params())
            .query((rs, n) -> new org.jixing.training.CompletionCounts.Totals(rs.getLong(1), rs.getLong(2)))
            .single();
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
