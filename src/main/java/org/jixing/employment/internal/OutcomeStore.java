package org.jixing.employment.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixing.employment.OutcomeDimension;
import org.jixing.employment.OutcomeFilter;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for outcome indicators: follow-ups counted by group in one pass, in scope. */
@Repository
public class OutcomeStore {

    /** The raw counts of a group. */
    public record Counts(String key, long completions, long known3, long employed3, long known6, long employed6,
            long known12, long employed12, BigDecimal median6Fen, long orderCompletions, long orderKnown6,
            long retained6) {
    }

    private final JdbcClient jdbc;

    OutcomeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static ScopeSql.Clause where(ScopeSql.Clause scope, OutcomeFilter filter, Long classId) {
        var where = ScopeSql.conditions(scope);
        if (filter.year() != null) {
            where.and("f.end_year = :year", "year", filter.year());
        }
        if (filter.lineCode() != null) {
            where.and("f.line_code = :line", "line", filter.lineCode());
        }
        if (filter.cityCode() != null) {
            where.and("f.city_code = :city", "city", filter.cityCode());
        }
        if (filter.providerId() != null) {
            where.and("f.provider_id = :provider", "provider", filter.providerId());
        }
        if (classId != null) {
            where.and("f.class_id = :classId", "classId", classId);
        }
        return where.clause();
    }

    /** The counts of each group, in scope and filtered (and of one class if given). */
    public List<Counts> counts(OutcomeDimension by, ScopeSql.Clause scope, OutcomeFilter filter, Long classId) {
        var where = where(scope, filter, classId);
        String key = "f." + by.column();
        return jdbc.sql("select cast(g.k as varchar(64)) as k, count(*) as completions,"
                + " sum(case when g.s3 is not null then 1 else 0 end) as known3,"
                + " sum(case when g.s3 = 1 then 1 else 0 end) as employed3,"
                + " sum(case when g.s6 is not null then 1 else 0 end) as known6,"
                + " sum(case when g.s6 = 1 then 1 else 0 end) as employed6,"
                + " sum(case when g.s12 is not null then 1 else 0 end) as known12,"
                + " sum(case when g.s12 = 1 then 1 else 0 end) as employed12,"
                + " percentile_cont(0.5) within group (order by g.m6_base) as median6,"
                + " sum(case when g.order_employer is not null then 1 else 0 end) as order_completions,"
                + " sum(case when g.order_employer is not null and g.s6 is not null then 1 else 0 end) as order_known6,"
                + " sum(case when g.order_employer is not null and g.m6_employer = g.order_employer then 1 else 0 end)"
                + " as retained6 from (select " + key + " as k, f.m6_base, f.m6_employer, f.order_employer, "
                + FollowUpStore.status(3) + " as s3, " + FollowUpStore.status(6) + " as s6, " + FollowUpStore.status(12)
                + " as s12 from follow_up f where " + where.sql() + ") g group by g.k")
            .params(where.params())
            .query((rs, n) -> new Counts(rs.getString("k"), rs.getLong("completions"), rs.getLong("known3"),
                    rs.getLong("employed3"), rs.getLong("known6"), rs.getLong("employed6"), rs.getLong("known12"),
                    rs.getLong("employed12"), rs.getBigDecimal("median6"), rs.getLong("order_completions"),
                    rs.getLong("order_known6"), rs.getLong("retained6")))
            .list();
    }

    /** Trainees on the rosters of the classes of each group (not withdrawn). */
    public Map<String, Long> enrolled(OutcomeDimension by, ScopeSql.Clause scope, OutcomeFilter filter, Long classId) {
        var where = where(scope, filter, classId);
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("select cast(f." + by.column() + " as varchar(64)) as k, sum(f.enrolled) as n from follow_up_class f"
                + " where " + where.sql() + " group by f." + by.column())
            .params(where.params())
            .query((rs, n) -> out.put(rs.getString("k"), rs.getLong("n")))
            .list();
        return out;
    }

    /** The class numbers of these classes. */
    public Map<String, String> classNumbers(List<String> classIds) {
        Map<String, String> out = new HashMap<>();
        if (classIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select class_id, class_no from follow_up_class where class_id in (:ids)")
            .param("ids", classIds.stream().map(Long::valueOf).toList())
            .query((rs, n) -> out.put(String.valueOf(rs.getLong(1)), rs.getString(2)))
            .list();
        return out;
    }

}
