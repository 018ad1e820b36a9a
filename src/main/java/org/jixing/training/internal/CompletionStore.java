package org.jixing.training.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.CompletedEnrolment;
import org.jixing.training.CompletedTraining;
import org.jixing.training.CompletionCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for completed trainings: the completions other modules' rules ask about (skill
 * assessment), and what the progress figures count (by day, line, region and provider;
 * unique people per year; totals in a scope).
 */
@Repository
public class CompletionStore {

    /** Completions are seen in their enrolment's scope. */
    public static final ScopeColumns SCOPE = EnrolmentStore.SCOPE;

    private final JdbcClient jdbc;

    CompletionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COMPLETED = "e.status = 'COMPLETED' and e.completed_on is not null";

    /**
     * A completed enrolment with its class's particulars, selected from enrolment e and
     * class c.
     */
    private static final String COMPLETED_TRAINING = """
            select e.id as enrolment_id, e.person_id, c.id as class_id, c.class_no, c.provider_id, c.region_code,
              c.occupation_code, c.level_code, e.completed_on
            from enrolment e join training_class c on c.id = e.class_id""";

    private static CompletedTraining completedTraining(ResultSet rs, int n) throws SQLException {
        return new CompletedTraining(rs.getLong("enrolment_id"), rs.getLong("person_id"), rs.getLong("class_id"),
                rs.getString("class_no"), rs.getLong("provider_id"), rs.getString("region_code"),
                rs.getString("occupation_code"), rs.getString("level_code"), rs.getDate("completed_on").toLocalDate());
    }

    /**
     * A person's completed enrolments of an occupation and level (unscoped), latest
     * first.
     */
    public List<CompletedTraining> completedTrainings(long personId, String occupation, String level) {
        return jdbc
            .sql(COMPLETED_TRAINING + " where e.person_id = :p and c.occupation_code = :o and c.level_code = :l and "
                    + COMPLETED + " order by e.completed_on desc, e.id desc")
            .param("p", personId)
            .param("o", occupation)
            .param("l", level)
            .query(CompletionStore::completedTraining)
            .list();
    }

    /** One completed enrolment (unscoped), if it is completed. */
    public Optional<CompletedTraining> completedTraining(long enrolmentId) {
        return jdbc.sql(COMPLETED_TRAINING + " where e.id = :id and " + COMPLETED)
            .param("id", enrolmentId)
            .query(CompletionStore::completedTraining)
            .optional();
    }

    private static final String COMPLETED_ENROLMENT = """
            select e.id as enrolment_id, e.person_id, c.id as class_id, c.class_no, c.provider_id, c.programme_id,
              c.occupation_code, c.level_code, c.line_code, c.region_code, c.class_type, c.employer_credit_code,
              c.start_date, c.end_date, e.completed_on,
              (select count(*) from enrolment x where x.class_id = c.id and x.status <> 'WITHDRAWN') as class_enrolled
            from enrolment e join training_class c on c.id = e.class_id""";

    private static CompletedEnrolment completedEnrolment(ResultSet rs, int n) throws SQLException {
        return new CompletedEnrolment(rs.getLong("enrolment_id"), rs.getLong("person_id"), rs.getLong("class_id"),
                rs.getString("class_no"), rs.getLong("provider_id"), rs.getLong("programme_id"),
                rs.getString("occupation_code"), rs.getString("level_code"), rs.getString("line_code"),
                rs.getString("region_code"), rs.getString("class_type"), rs.getString("employer_credit_code"),
                rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(),
                rs.getDate("completed_on").toLocalDate(), rs.getInt("class_enrolled"));
    }

    /**
     * Completed enrolments (unscoped) with an id above {@code afterId}, in id order, at
     * most {@code limit}: a feed another module reads through page by page.
     */
    public List<CompletedEnrolment> completedEnrolmentsAfter(LocalDate afterDay, long afterId, int limit) {
        return jdbc
            .sql(COMPLETED_ENROLMENT + " where (e.completed_on > :day or e.completed_on = :day and e.id > :after) and "
                    + COMPLETED + " order by e.completed_on, e.id fetch first :n rows only")
            .param("day", java.sql.Date.valueOf(afterDay))
            .param("after", afterId)
            .param("n", limit)
            .query(CompletionStore::completedEnrolment)
            .list();
    }

    /** These enrolments (unscoped), those that are completed. */
    public List<CompletedEnrolment> completedEnrolments(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COMPLETED_ENROLMENT + " where e.id in (:ids) and " + COMPLETED + " order by e.id")
            .param("ids", List.copyOf(ids))
            .query(CompletionStore::completedEnrolment)
            .list();
    }

    /** The completed enrolments of a class (unscoped). */
    public List<CompletedTraining> completedTrainingsOfClass(long classId) {
        return jdbc.sql(COMPLETED_TRAINING + " where c.id = :c and " + COMPLETED + " order by e.id")
            .param("c", classId)
            .query(CompletionStore::completedTraining)
            .list();
    }

    /**
     * The latest completed enrolments (unscoped) of classes in a region, of one
     * occupation if named.
     */
    public List<CompletedTraining> completedTrainingsIn(String regionCode, String occupation, int limit) {
        String occ = occupation == null || occupation.isBlank() ? "" : " and c.occupation_code = :o";
        var sql = jdbc
            .sql(COMPLETED_TRAINING + " where c.region_code like :prefix" + occ + " and " + COMPLETED
                    + " order by e.completed_on desc, e.id desc fetch first :lim rows only")
            .param("prefix", new RegionCode(regionCode).prefix() + "%")
            .param("lim", limit);
        if (!occ.isEmpty()) {
            sql = sql.param("o", occupation);
        }
        return sql.query(CompletionStore::completedTraining).list();
    }

    /** Completions from the records, grouped as progress reports them. */
    public List<CompletionCounts.Count> completionCounts() {
        return jdbc.sql("""
                select e.completed_on, c.line_code, c.sub_target_code, c.region_code, c.provider_id,
                  c.occupation_code, e.subsidised, count(*)
                from enrolment e join training_class c on c.id = e.class_id
                where %s
                group by e.completed_on, c.line_code, c.sub_target_code, c.region_code, c.provider_id,
                  c.occupation_code, e.subsidised""".formatted(COMPLETED))
            .query((rs, n) -> new CompletionCounts.Count(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getLong(5), rs.getString(6), rs.getBoolean(7), rs.getLong(8)))
            .list();
    }

    private static final String PERSON_TRAINING = """
            select e.id, e.person_id, c.start_date, e.completed_on, e.line_code, e.region_code, e.subsidised
            from enrolment e join training_class c on c.id = e.class_id where""" + " " + COMPLETED;

    /** The completed trainings of these people, in chunks of a thousand. */
    public List<CompletionCounts.PersonTraining> personTrainings(Collection<Long> personIds) {
        List<CompletionCounts.PersonTraining> out = new ArrayList<>();
        List<Long> all = List.copyOf(personIds);
        for (int from = 0; from < all.size(); from += 1000) {
            out.addAll(jdbc.sql(PERSON_TRAINING + " and e.person_id = any(:p)")
                .param("p", all.subList(from, Math.min(all.size(), from + 1000)).toArray(Long[]::new))
                .query(CompletionStore::personTraining)
                .list());
        }
        return out;
    }

    /** The completed trainings of the next {@code persons} people with any after one. */
    public List<CompletionCounts.PersonTraining> personTrainingsAfter(long after, int persons) {
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
            .query(CompletionStore::personTraining)
            .list();
    }

    private static CompletionCounts.PersonTraining personTraining(ResultSet rs, int n) throws SQLException {
        return new CompletionCounts.PersonTraining(rs.getLong("id"), rs.getLong("person_id"),
                rs.getDate("start_date").toLocalDate(), rs.getDate("completed_on").toLocalDate(),
                rs.getString("line_code"), rs.getString("region_code"), rs.getBoolean("subsidised"));
    }

    /**
     * Unique persons with a subsidised completion, per year: in all, by line, by city, by
     * line and city ('' where a grouping has no line or city).
     */
    public List<CompletionCounts.PersonCount> uniquePersonCounts() {
        String city = "substr(e.region_code, 1, 4) || '00'";
        String year = "extract(year from e.completed_on)";
        List<CompletionCounts.PersonCount> out = new ArrayList<>();
        for (String[] g : new String[][] { { "ALL", "''", "''" }, { "LINE", "e.line_code", "''" },
                { "CITY", "''", city }, { "LINE_CITY", "e.line_code", city } }) {
            out.addAll(jdbc
                .sql("select " + year + ", " + g[1] + ", " + g[2]
                        + ", count(distinct e.person_id) from enrolment e where " + COMPLETED
                        + " and e.subsidised = true group by " + year + ("''".equals(g[1]) ? "" : ", " + g[1])
                        + ("''".equals(g[2]) ? "" : ", " + g[2]))
                .query((rs, n) -> new CompletionCounts.PersonCount(rs.getInt(1), g[0], rs.getString(2), rs.getString(3),
                        rs.getLong(4)))
                .list());
        }
        return out;
    }

    /** A person's subsidised completions in a year: enrolment, line and region. */
    public List<CompletionCounts.PersonCompletion> subsidisedCompletionsOf(long personId, int year) {
        return jdbc
            .sql("select e.id, e.line_code, e.region_code from enrolment e where e.person_id = :p and " + COMPLETED
                    + " and e.subsidised = true and e.completed_on between :from and :to")
            .param("p", personId)
            .param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
            .param("to", Date.valueOf(LocalDate.of(year, 12, 31)))
            .query((rs, n) -> new CompletionCounts.PersonCompletion(rs.getLong("id"), rs.getString("line_code"),
                    rs.getString("region_code")))
            .list();
    }

    /** The day each completed trainee of a class completed, by enrolment. */
    public Map<Long, LocalDate> completedOn(long classId) {
        Map<Long, LocalDate> days = new HashMap<>();
        jdbc.sql("select id, completed_on from enrolment where class_id = :c and completed_on is not null")
            .param("c", classId)
            .query((rs, n) -> days.put(rs.getLong("id"), rs.getObject("completed_on", LocalDate.class)))
            .list();
        return days;
    }

    /**
     * Completions between two days (by the day of completion) and how many were
     * subsidised, in a scope.
     */
    public CompletionCounts.Totals completionTotals(LocalDate from, LocalDate until, ScopeSql.Clause scope) {
        return jdbc
            .sql("""
                    select count(*) as completions, count(case when e.subsidised then 1 end) as subsidised from enrolment e
                    where e.status = 'COMPLETED' and e.completed_on >= :from and e.completed_on <= :until"""
                    + " and " + scope.sql())
            .param("from", Date.valueOf(from))
            .param("until", Date.valueOf(until))
            .params(scope.params())
            .query((rs, n) -> new CompletionCounts.Totals(rs.getLong("completions"), rs.getLong("subsidised")))
            .single();
    }

}
