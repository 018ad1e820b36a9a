package org.jixing.statistics.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jixing.shared.bulk.BulkWriter;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.CompletionCounts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** SQL for the progress rollups and their reconciliations. */
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

    /** The same for the rollups that keep no provider: providers see none of them. */
    public static final ScopeColumns SCOPE_WITHOUT_PROVIDER = ScopeColumns.create()
        .region("r.region_code")
        .actionLine("r.line_code");

    /** The city of a row's region. */
    public static final String CITY = "substr(r.region_code, 1, 4) || '00'";

    private static final List<String> COLUMNS = List.of("training_year", "completed_on", "line_code", "sub_target_code",
            "region_code", "provider_id", "occupation_code", "subsidised", "completions");

    private static final List<String> GROUP_COLUMNS = List.of("training_year", "training_month", "line_code",
            "region_code", "group_code", "subsidised", "completions");

    private static final List<String> UNIQUE_COLUMNS = List.of("training_year", "dimension", "line_code", "region_code",
            "persons");

    private final JdbcClient jdbc;

    private final BulkWriter bulk;

    private final TransactionTemplate savepoint;

    ProgressStore(JdbcClient jdbc, BulkWriter bulk, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.bulk = bulk;
        // An insert that loses a race rolls back to its savepoint only, so the caller's
        // transaction (PostgreSQL aborts it on any error) goes on to the update.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Adds to a group of a rollup, creating it on its first: an update by key, else an
     * insert; an insert that loses to a concurrent one retries the update.
     */
    private void upsert(String table, String counter, Map<String, Object> key, long n) {
        String where = String.join(" and ", key.keySet().stream().map(k -> k + " = :" + k).toList());
        for (int attempt = 0; attempt < 3; attempt++) {
            if (jdbc.sql("update " + table + " set " + counter + " = " + counter + " + :n where " + where)
                .params(key)
                .param("n", n)
                .update() == 1) {
                return;
            }
            try {
                savepoint.executeWithoutResult(status -> jdbc
                    .sql("insert into " + table + " (" + String.join(", ", key.keySet()) + ", " + counter + ") values ("
                            + String.join(", ", key.keySet().stream().map(k -> ":" + k).toList()) + ", :n)")
                    .params(key)
                    .param("n", n)
                    .update());
                return;
            }
            catch (DuplicateKeyException ex) {
                // Created by a concurrent completion a moment ago: add to it.
            }
        }
    }

    /** Adds completions to a group, creating it on its first. */
    public void add(CompletionCounts.Count c) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("training_year", c.completedOn().getYear());
        key.put("completed_on", Date.valueOf(c.completedOn()));
        key.put("line_code", c.lineCode());
        key.put("sub_target_code", c.subTargetCode());
        key.put("region_code", c.regionCode());
        key.put("provider_id", c.providerId());
        key.put("occupation_code", c.occupationCode());
        key.put("subsidised", c.subsidised());
        upsert("progress_rollup", "completions", key, c.completions());
        Map<String, Object> month = new LinkedHashMap<>();
        month.put("training_year", c.completedOn().getYear());
        month.put("training_month", c.completedOn().getMonthValue());
        month.put("line_code", c.lineCode());
        month.put("sub_target_code", c.subTargetCode());
        month.put("region_code", city(c.regionCode()));
        month.put("subsidised", c.subsidised());
        upsert("progress_month", "completions", month, c.completions());
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("training_year", c.completedOn().getYear());
        provider.put("provider_id", c.providerId());
        provider.put("line_code", c.lineCode());
        provider.put("region_code", city(c.regionCode()));
        provider.put("subsidised", c.subsidised());
        upsert("progress_provider_year", "completions", provider, c.completions());
    }

    static String city(String region) {
        return region.substring(0, 4) + "00";
    }

    /** The summaries as a recount gives them. */
    public static Summaries summaries(List<CompletionCounts.Count> counts) {
        Map<MonthSummary, Long> month = new HashMap<>();
        Map<ProviderYearSummary, Long> provider = new HashMap<>();
        for (CompletionCounts.Count c : counts) {
            month.merge(new MonthSummary(c.completedOn().getYear(), c.completedOn().getMonthValue(), c.lineCode(),
                    c.subTargetCode(), city(c.regionCode()), c.subsidised(), 0), c.completions(), Long::sum);
            provider.merge(new ProviderYearSummary(c.completedOn().getYear(), c.providerId(), c.lineCode(),
                    city(c.regionCode()), c.subsidised(), 0), c.completions(), Long::sum);
        }
        List<MonthSummary> months = new ArrayList<>();
        month.forEach((k, n) -> months.add(new MonthSummary(k.year(), k.month(), k.lineCode(), k.subTargetCode(),
                k.cityCode(), k.subsidised(), n)));
        List<ProviderYearSummary> providers = new ArrayList<>();
        provider.forEach((k, n) -> providers
            .add(new ProviderYearSummary(k.year(), k.providerId(), k.lineCode(), k.cityCode(), k.subsidised(), n)));
        return new Summaries(months, providers);
    }

    private static final List<String> MONTH_COLUMNS = List.of("training_year", "training_month", "line_code",
            "sub_target_code", "region_code", "subsidised", "completions");

    private static final List<String> PROVIDER_COLUMNS = List.of("training_year", "provider_id", "line_code",
            "region_code", "subsidised", "completions");

    /** The summaries as held. */
    public Summaries heldSummaries() {
        return new Summaries(
                jdbc.sql("select " + String.join(", ", MONTH_COLUMNS) + " from progress_month")
                    .query((rs, n) -> new MonthSummary(rs.getInt("training_year"), rs.getInt("training_month"),
                            rs.getString("line_code"), rs.getString("sub_target_code"), rs.getString("region_code"),
                            rs.getBoolean("subsidised"), rs.getLong("completions")))
                    .list(),
                jdbc.sql("select " + String.join(", ", PROVIDER_COLUMNS) + " from progress_provider_year")
                    .query((rs, n) -> new ProviderYearSummary(rs.getInt("training_year"), rs.getLong("provider_id"),
                            rs.getString("line_code"), rs.getString("region_code"), rs.getBoolean("subsidised"),
                            rs.getLong("completions")))
                    .list());
    }

    /** Replaces the summaries with those of a recount. */
    public void replaceSummaries(Summaries summaries) {
        jdbc.sql("delete from progress_month").update();
        jdbc.sql("delete from progress_provider_year").update();
        // The bulk writer takes rows in the order of the columns.
        bulk.write("progress_month", MONTH_COLUMNS,
                summaries.months()
                    .stream()
                    .map(m -> new Object[] { m.year(), m.month(), m.lineCode(), m.subTargetCode(), m.cityCode(),
                            m.subsidised(), m.completions() })
                    .toList());
        bulk.write("progress_provider_year", PROVIDER_COLUMNS,
                summaries.providers()
                    .stream()
                    .map(p -> new Object[] { p.year(), p.providerId(), p.lineCode(), p.cityCode(), p.subsidised(),
                            p.completions() })
                    .toList());
    }

    /** Adds completions to a trainee group's count. */
    public void add(GroupCount c) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("training_year", c.year());
        key.put("training_month", c.month());
        key.put("line_code", c.lineCode());
        key.put("region_code", c.regionCode());
        key.put("group_code", c.groupCode());
        key.put("subsidised", c.subsidised());
        upsert("progress_group_rollup", "completions", key, c.completions());
    }

    /** Adds persons to a unique count (region: a city, or the province). */
    public void add(int year, String dimension, String line, String region, long persons) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("training_year", year);
        key.put("dimension", dimension);
        key.put("line_code", line);
        key.put("region_code", region);
        upsert("progress_unique", "persons", key, persons);
    }

    /** Every group as the rollup holds it. */
    public List<CompletionCounts.Count> all() {
        return jdbc.sql("select " + String.join(", ", COLUMNS) + " from progress_rollup")
            .query((rs, n) -> new CompletionCounts.Count(rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getLong(6), rs.getString(7), rs.getBoolean(8), rs.getLong(9)))
            .list();
    }

    /** Every trainee-group count as the rollup holds it. */
    public List<GroupCount> allGroups() {
        return jdbc.sql("select " + String.join(", ", GROUP_COLUMNS) + " from progress_group_rollup")
            .query((rs, n) -> new GroupCount(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getBoolean(6), rs.getLong(7)))
            .list();
    }

    /** Every unique count as held. */
    public List<UniqueCount> allUnique() {
        return jdbc.sql("select " + String.join(", ", UNIQUE_COLUMNS) + " from progress_unique")
            .query((rs, n) -> new UniqueCount(rs.getInt("training_year"), rs.getString("dimension"),
                    rs.getString("line_code"), rs.getString("region_code"), rs.getLong("persons")))
            .list();
    }

    /** Replaces the rollup with a recount, in the caller's transaction. */
    public void replaceAll(List<CompletionCounts.Count> counts) {
        jdbc.sql("delete from progress_rollup").update();
        bulk.write("progress_rollup", COLUMNS, counts.stream()
            .map(c -> new Object[] { c.completedOn().getYear(), c.completedOn(), c.lineCode(), c.subTargetCode(),
                    c.regionCode(), c.providerId(), c.occupationCode(), c.subsidised(), c.completions() })
            .toList());
    }

    /** Replaces the trainee-group rollup with a recount. */
    public void replaceGroups(List<GroupCount> counts) {
        jdbc.sql("delete from progress_group_rollup").update();
        bulk.write("progress_group_rollup", GROUP_COLUMNS,
                counts.stream()
                    .map(c -> new Object[] { c.year(), c.month(), c.lineCode(), c.regionCode(), c.groupCode(),
                            c.subsidised(), c.completions() })
                    .toList());
    }

    /** Replaces the unique counts with a recount. */
    public void replaceUnique(List<UniqueCount> counts) {
        jdbc.sql("delete from progress_unique").update();
        bulk.write("progress_unique", UNIQUE_COLUMNS,
                counts.stream()
                    .map(u -> new Object[] { u.year(), u.dimension(), u.lineCode(), u.regionCode(), u.persons() })
                    .toList());
    }

    public void recordReconciliation(Instant at, String trigger, int compared, int drifted, long missing, long extra,
            String detail) {
        jdbc.sql("""
                insert into progress_reconciliation (ran_at, trigger_name, groups_compared, groups_drifted,
                  completions_missing, completions_extra, detail) values (:at, :t, :c, :d, :mi, :ex, :detail)""")
            .param("at", Timestamp.from(at))
            .param("t", trigger)
            .param("c", compared)
            .param("d", drifted)
            .param("mi", missing)
            .param("ex", extra)
            .param("detail", detail)
            .update();
    }

    /** The latest reconciliation: when, what triggered it, what it found. */
    public Optional<RecordedReconciliation> lastReconciliation() {
        return jdbc.sql("""
                select ran_at, trigger_name, groups_compared, groups_drifted, completions_missing, completions_extra
                from progress_reconciliation order by id desc fetch first 1 rows only""")
            .query((rs, n) -> new RecordedReconciliation(rs.getTimestamp("ran_at").toInstant(),
                    rs.getString("trigger_name"), rs.getInt("groups_compared"), rs.getInt("groups_drifted"),
                    rs.getLong("completions_missing"), rs.getLong("completions_extra")))
            .optional();
    }

    /**
     * Completions grouped by expressions over the rollup ({@code r}), subsidised and not,
     * in the years given, up to a day, in a scope, with an optional extra condition.
     */
    public List<Grouped> grouped(List<String> keys, int fromYear, int toYear, LocalDate upTo, String extra,
            Map<String, Object> extraParams, ScopeSql.Clause scope) {
        return group("progress_rollup", keys, fromYear, toYear, upTo, extra, extraParams, scope, null);
    }

    /**
     * Completions from the month summary (region_code there is the city), grouped by
     * expressions over it ({@code r}), for the years given, of the last year up to a
     * month.
     */
    public List<Grouped> groupedByMonth(List<String> keys, int fromYear, int toYear, int lastMonth, String extra,
            Map<String, Object> extraParams, ScopeSql.Clause scope) {
        Map<String, Object> params = new HashMap<>(extraParams == null ? Map.of() : extraParams);
        params.put("lastMonth", lastMonth);
        return group("progress_month", keys, fromYear, toYear, null,
                "(r.training_year < :ty or r.training_month <= :lastMonth)" + (extra == null ? "" : " and " + extra),
                params, scope, null);
    }

    /**
     * The providers with the most subsidised completions of a year, at most
     * {@code limit}.
     */
    public List<ProviderCount> topProviders(int year, String extra, Map<String, Object> extraParams,
            ScopeSql.Clause scope, int limit) {
        return group("progress_provider_year", List.of("r.provider_id"), year, year, null, extra, extraParams, scope,
                " order by subsidised desc fetch first " + limit + " rows only")
            .stream()
            .map(g -> new ProviderCount(Long.parseLong(g.key(0)), g.subsidised(), g.notSubsidised()))
            .toList();
    }

    /** The same over the trainee-group rollup (no day: it keeps months). */
    public List<Grouped> groupedByGroup(List<String> keys, int year, String extra, Map<String, Object> extraParams,
            ScopeSql.Clause scope) {
        return group("progress_group_rollup", keys, year, year, null, extra, extraParams, scope, null);
    }

    private List<Grouped> group(String table, List<String> keys, int fromYear, int toYear, LocalDate upTo, String extra,
            Map<String, Object> extraParams, ScopeSql.Clause scope, String order) {
        List<String> named = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            named.add(keys.get(i) + " as k" + i);
        }
        String sql = "select " + String.join(", ", named) + ", "
                + "sum(case when subsidised then completions else 0 end) as subsidised, "
                + "sum(case when subsidised then 0 else completions end) as not_subsidised from " + table + " r "
                + "where training_year between :fy and :ty" + (upTo == null ? "" : " and completed_on <= :upTo")
                + (extra == null ? "" : " and " + extra) + " and " + scope.sql() + " group by "
                + String.join(", ", keys);
        if (order != null) {
            // Only the sum can order a top list.
            sql = "select * from (" + sql + ") t" + order;
        }
        var spec = jdbc.sql(sql).param("fy", fromYear).param("ty", toYear).params(scope.params());
        if (upTo != null) {
            spec = spec.param("upTo", Date.valueOf(upTo));
        }
        if (extraParams != null) {
            spec = spec.params(extraParams);
        }
        return spec.query((rs, n) -> {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                values.add(key(rs.getObject("k" + i)));
            }
            return new Grouped(values, rs.getLong("subsidised"), rs.getLong("not_subsidised"));
        }).list();
    }

    /**
     * A group's key as text: numbers without decimals, text without surrounding blanks.
     */
    static String key(Object value) {
        return value instanceof Number n ? String.valueOf(n.longValue()) : Objects.toString(value, "").strip();
    }

    /** Unique persons of a year in a scope. */
    public List<UniquePersons> unique(int year, ScopeSql.Clause scope) {
        return jdbc.sql(
                "select dimension, line_code, region_code, persons from progress_unique r where training_year = :y and "
                        + scope.sql())
            .param("y", year)
            .params(scope.params())
            .query((rs, n) -> new UniquePersons(rs.getString("dimension"), rs.getString("line_code"),
                    rs.getString("region_code"), rs.getLong("persons")))
            .list();
    }

}
