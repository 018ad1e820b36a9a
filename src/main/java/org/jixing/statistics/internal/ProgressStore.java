package org.jixing.statistics.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jixing.shared.bulk.BulkWriter;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.statistics.ProgressRow;
import org.jixing.training.CompletionCounts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the progress rollup and its reconciliations. */
@Repository
public class ProgressStore {

    /**
     * City officers see their region's rows, departments their lines, providers their
     * own.
     */
    public static final ScopeColumns SCOPE = ScopeColumns.create()
        .region("r.region_code")
        .actionLine("r.line_code")
        .provider("r.provider_id");

    private static final List<String> COLUMNS = List.of("training_year", "training_month", "line_code",
            "sub_target_code", "region_code", "provider_id", "occupation_code", "subsidised", "completions");

    private static final String KEY = """
            training_year = :y and training_month = :m and line_code = :l and sub_target_code = :s
            and region_code = :r and provider_id = :p and occupation_code = :o and subsidised = :sub""";

    private final JdbcClient jdbc;

    private final BulkWriter bulk;

    ProgressStore(JdbcClient jdbc, BulkWriter bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    /** Adds completions to a group, creating it on its first. */
    public void add(CompletionCounts.Count c) {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (bind(jdbc.sql("update progress_rollup set completions = completions + :n where " + KEY), c)
                .update() == 1) {
                return;
            }
            try {
                bind(jdbc.sql("""
                        insert into progress_rollup (training_year, training_month, line_code, sub_target_code,
                          region_code, provider_id, occupation_code, subsidised, completions)
                        values (:y, :m, :l, :s, :r, :p, :o, :sub, :n)"""), c).update();
                return;
            }
            catch (DuplicateKeyException ex) {
                // Created by a concurrent completion a moment ago: add to it.
            }
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, CompletionCounts.Count c) {
        return spec.param("y", c.year())
            .param("m", c.month())
            .param("l", c.lineCode())
            .param("s", c.subTargetCode())
            .param("r", c.regionCode())
            .param("p", c.providerId())
            .param("o", c.occupationCode())
            .param("sub", c.subsidised())
            .param("n", c.completions());
    }

    /** Every group as the rollup holds it. */
    public List<CompletionCounts.Count> all() {
        return jdbc.sql("select " + String.join(", ", COLUMNS) + " from progress_rollup")
            .query((rs, n) -> new CompletionCounts.Count(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getLong(6), rs.getString(7), rs.getBoolean(8), rs.getLong(9)))
            .list();
    }

    /** Replaces the rollup with a recount, in the caller's transaction. */
    public void replaceAll(List<CompletionCounts.Count> counts) {
        jdbc.sql("delete from progress_rollup").update();
        bulk.write("progress_rollup", COLUMNS,
                counts.stream()
                    .map(c -> new Object[] { c.year(), c.month(), c.lineCode(), c.subTargetCode(), c.regionCode(),
                            c.providerId(), c.occupationCode(), c.subsidised(), c.completions() })
                    .toList());
    }

    public void recordReconciliation(Instant at, String trigger, int compared, int drifted, long missing, long extra) {
        jdbc.sql("""
                insert into progress_reconciliation (ran_at, trigger_name, groups_compared, groups_drifted,
                  completions_missing, completions_extra) values (:at, :t, :c, :d, :mi, :ex)""")
            .param("at", Timestamp.from(at))
            .param("t", trigger)
            .param("c", compared)
            .param("d", drifted)
            .param("mi", missing)
            .param("ex", extra)
            .update();
    }

    /**
     * Completions of a year grouped by one dimension (a column of the rollup), subsidised
     * and not, in a scope.
     */
    public List<ProgressRow> byDimension(int year, String column, ScopeSql.Clause scope) {
        return jdbc
            .sql("select " + column + ", sum(case when subsidised then completions else 0 end), "
                    + "sum(case when subsidised then 0 else completions end) from progress_rollup r "
                    + "where training_year = :y and " + scope.sql() + " group by " + column + " order by " + column)
            .param("y", year)
            .params(scope.params())
            .query((rs, n) -> new ProgressRow(rs.getString(1), rs.getLong(2), rs.getLong(3)))
            .list();
    }

}
