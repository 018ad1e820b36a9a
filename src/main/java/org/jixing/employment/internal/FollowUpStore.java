package org.jixing.employment.internal;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jixing.employment.ContributionMonths;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.CompletedEnrolment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the completions employment follows: recording them (with the person's blind
 * index and the class), recomputing their 3-, 6- and 12-month outcomes from the
 * contribution months in one statement for a set of people, and reading them.
 */
@Repository
public class FollowUpStore {

    /**
     * Follow-ups and their classes are seen by the class's region, provider and line.
     */
    public static final ScopeColumns SCOPE = ScopeColumns.create()
        .region("f.region_code")
        .provider("f.provider_id")
        .actionLine("f.line_code");

    /**
     * The status of a follow-up month {@code n} (3, 6, 12) of follow-up f: 1 employed, 0
     * not employed (a later import of that month has no record of the person), null not
     * yet known.
     */
    public static String status(int n) {
        return "case when f.m" + n + "_base is not null then 1 when exists (select 1 from contribution_known_month k"
                + " where k.month_no = f.end_month + " + n + " and k.last_import_id > f.since_import) then 0 end";
    }

    /** One follow-up as the public API reads it. */
    public record Row(long enrolmentId, long personId, long classId, String orderEmployer, Integer m3,
            String m3Employer, Long m3Base, Integer m6, String m6Employer, Long m6Base, Integer m12, String m12Employer,
            Long m12Base, boolean duringClass, int endMonth) {
    }

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate named;

    FollowUpStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Those of these enrolments already followed. */
    public Set<Long> followed(Collection<Long> enrolmentIds) {
        if (enrolmentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select enrolment_id from follow_up where enrolment_id in (:ids)")
            .param("ids", List.copyOf(enrolmentIds))
            .query(Long.class)
            .list());
    }

    /** Records the people (by their blind index) that are not yet followed. */
    public void persons(Map<Long, String> indexes) {
        if (indexes.isEmpty()) {
            return;
        }
        List<SqlParameterSource> batch = new ArrayList<>();
        indexes.forEach((id, index) -> batch.add(new MapSqlParameterSource("p", id).addValue("i", index)));
        named.batchUpdate(
                """
                        merge into follow_up_person t using (select cast(:p as bigint) as person_id, cast(:i as varchar(64)) as id_index) s
                        on t.person_id = s.person_id
                        when not matched then insert (person_id, id_index) values (s.person_id, s.id_index)""",
                batch.toArray(SqlParameterSource[]::new));
    }

    /**
     * Records the classes of these completions, or refreshes their roster counts.
     */
    public void classes(Collection<CompletedEnrolment> completions) {
        Map<Long, CompletedEnrolment> byClass = new HashMap<>();
        completions.forEach(c -> byClass.put(c.classId(), c));
        if (byClass.isEmpty()) {
            return;
        }
        List<SqlParameterSource> batch = new ArrayList<>();
        for (CompletedEnrolment c : byClass.values()) {
            batch.add(new MapSqlParameterSource("c", c.classId()).addValue("no", c.classNo())
                .addValue("p", c.providerId())
                .addValue("prog", c.programmeId())
                .addValue("occ", c.occupationCode())
                .addValue("line", c.lineCode())
                .addValue("r", c.regionCode())
                .addValue("city", city(c.regionCode()))
                .addValue("type", c.classType())
                .addValue("emp", c.employerCreditCode())
                .addValue("s", Date.valueOf(c.startDate()))
                .addValue("e", Date.valueOf(c.endDate()))
                .addValue("y", c.endDate().getYear())
                .addValue("n", c.classEnrolled()));
        }
        named.batchUpdate("""
                merge into follow_up_class t using (select cast(:c as bigint) as class_id) s on t.class_id = s.class_id
                when matched then update set enrolled = :n
                when not matched then insert (class_id, class_no, provider_id, programme_id, occupation_code, line_code,
                  region_code, city_code, class_type, employer_credit_code, start_date, end_date, end_year, enrolled)
                values (:c, :no, :p, :prog, :occ, :line, :r, :city, :type, :emp, :s, :e, :y, :n)""",
                batch.toArray(SqlParameterSource[]::new));
    }

    /**
     * Records these completions (those not yet followed), as of the latest import.
     */
    public int followUps(Collection<CompletedEnrolment> completions, long sinceImport) {
        List<SqlParameterSource> batch = new ArrayList<>();
        for (CompletedEnrolment c : completions) {
            batch.add(new MapSqlParameterSource("id", c.enrolmentId()).addValue("person", c.personId())
                .addValue("c", c.classId())
                .addValue("p", c.providerId())
                .addValue("prog", c.programmeId())
                .addValue("occ", c.occupationCode())
                .addValue("line", c.lineCode())
                .addValue("r", c.regionCode())
                .addValue("city", city(c.regionCode()))
                .addValue("y", c.endDate().getYear())
                .addValue("sm", ContributionMonths.of(c.startDate()))
                .addValue("em", ContributionMonths.of(c.endDate()))
                .addValue("emp", c.employerCreditCode())
                .addValue("since", sinceImport));
        }
        if (batch.isEmpty()) {
            return 0;
        }
        int[] counts = named.batchUpdate(
                """
                        merge into follow_up t using (select cast(:id as bigint) as enrolment_id) s on t.enrolment_id = s.enrolment_id
                        when not matched then insert (enrolment_id, person_id, class_id, provider_id, programme_id, occupation_code,
                          line_code, region_code, city_code, end_year, start_month, end_month, order_employer, since_import)
                        values (:id, :person, :c, :p, :prog, :occ, :line, :r, :city, :y, :sm, :em, :emp, :since)""",
                batch.toArray(SqlParameterSource[]::new));
        int n = 0;
        for (int c : counts) {
            n += Math.max(0, c);
        }
        return n;
    }

    private static final String RECOMPUTE = """
            update follow_up f set
              m3_employer = (select c.employer_code from contribution_month c
                where c.person_id = f.person_id and c.month_no = f.end_month + 3 and c.base_fen >= :min),
              m3_base = (select c.base_fen from contribution_month c
                where c.person_id = f.person_id and c.month_no = f.end_month + 3 and c.base_fen >= :min),
              m6_employer = (select c.employer_code from contribution_month c
                where c.person_id = f.person_id and c.month_no = f.end_month + 6 and c.base_fen >= :min),
              m6_base = (select c.base_fen from contribution_month c
                where c.person_id = f.person_id and c.month_no = f.end_month + 6 and c.base_fen >= :min),
              m12_employer = (select c.employer_code from contribution_month c
                where c.person_id = f.person_id and c.month_no = f.end_month + 12 and c.base_fen >= :min),
              m12_base = (select c.base_fen from contribution_month c
                where c.person_id = f.person_id and c.month_no = f.end_month + 12 and c.base_fen >= :min),
              during_class = exists (select 1 from contribution_month c
                where c.person_id = f.person_id and c.month_no between f.start_month and f.end_month)
            where""";

    /**
     * Recomputes the follow-ups of the people an import's staged rows matched, in one
     * statement.
     */
    public int recomputeForImport(long importId, long minimumBaseFen) {
        return jdbc.sql(RECOMPUTE + " " + """
                f.person_id in (select p.person_id from follow_up_person p
                 join contribution_staging s on s.id_index = p.id_index where s.import_id = :i)""")
            .param("i", importId)
            .param("min", minimumBaseFen)
            .update();
    }

    /** Recomputes the follow-ups of these enrolments, in one statement. */
    public int recompute(Collection<Long> enrolmentIds, long minimumBaseFen) {
        if (enrolmentIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql(RECOMPUTE + " f.enrolment_id in (:ids)")
            .param("ids", List.copyOf(enrolmentIds))
            .param("min", minimumBaseFen)
            .update();
    }

    private static final String ROW = "select f.enrolment_id, f.person_id, f.class_id, f.order_employer, " + status(3)
            + " as m3, f.m3_employer, f.m3_base, " + status(6) + " as m6, f.m6_employer, f.m6_base, " + status(12)
            + " as m12, f.m12_employer, f.m12_base, f.during_class, f.end_month from follow_up f";

    /** These enrolments' follow-ups (unscoped). */
    public List<Row> rows(Collection<Long> enrolmentIds) {
        if (enrolmentIds.isEmpty()) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        List<Long> all = List.copyOf(enrolmentIds);
        for (int from = 0; from < all.size(); from += 1000) {
            rows.addAll(jdbc.sql(ROW + " where f.enrolment_id in (:ids) order by f.enrolment_id")
                .param("ids", all.subList(from, Math.min(all.size(), from + 1000)))
                .query(FollowUpStore::row)
                .list());
        }
        return rows;
    }

    /** A class's follow-ups within a scope. */
    public List<Row> ofClass(long classId, ScopeSql.Clause scope) {
        return jdbc.sql(ROW + " where f.class_id = :c and " + scope.sql() + " order by f.enrolment_id")
            .param("c", classId)
            .params(scope.params())
            .query(FollowUpStore::row)
            .list();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("enrolment_id"), rs.getLong("person_id"), rs.getLong("class_id"),
                rs.getString("order_employer"), (Integer) rs.getObject("m3", Integer.class),
                rs.getString("m3_employer"), (Long) rs.getObject("m3_base", Long.class),
                (Integer) rs.getObject("m6", Integer.class), rs.getString("m6_employer"),
                (Long) rs.getObject("m6_base", Long.class), (Integer) rs.getObject("m12", Integer.class),
                rs.getString("m12_employer"), (Long) rs.getObject("m12_base", Long.class),
                rs.getBoolean("during_class"), rs.getInt("end_month"));
    }

    /**
     * Of these enrolments, those whose person had a contribution month counting as
     * employment within {@code months} months after the month the class ended.
     */
    public Set<Long> employedWithin(Collection<Long> enrolmentIds, int months, long minimumBaseFen) {
        if (enrolmentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select f.enrolment_id from follow_up f where f.enrolment_id in (:ids) and exists (
                  select 1 from contribution_month c where c.person_id = f.person_id
                  and c.month_no > f.end_month and c.month_no <= f.end_month + :m and c.base_fen >= :min)""")
            .param("ids", List.copyOf(enrolmentIds))
            .param("m", months)
            .param("min", minimumBaseFen)
            .query(Long.class)
            .list());
    }

    /** Of a class's followed completions, those who contributed during the class. */
    public Map<Long, Boolean> duringClassOfClass(long classId) {
        Map<Long, Boolean> out = new HashMap<>();
        jdbc.sql("select enrolment_id, during_class from follow_up where class_id = :c order by enrolment_id")
            .param("c", classId)
            .query((rs, n) -> out.put(rs.getLong(1), rs.getBoolean(2)))
            .list();
        return out;
    }

    /** A followed class within a scope. */
    public Optional<Long> classInScope(long classId, ScopeSql.Clause scope) {
        return jdbc.sql("select f.class_id from follow_up_class f where f.class_id = :c and " + scope.sql())
            .param("c", classId)
            .params(scope.params())
            .query(Long.class)
            .optional();
    }

    public boolean classExists(long classId) {
        return jdbc.sql("select count(*) from follow_up_class where class_id = :c")
            .param("c", classId)
            .query(Long.class)
            .single() > 0;
    }

    /** The city (its code, 6 digits) of a region code. */
    public static String city(String regionCode) {
        return regionCode.substring(0, 4) + "00";
    }

}
