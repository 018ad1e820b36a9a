package org.jixing.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.reference.Plan;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.statistics.internal.ProgressStore;
import org.jixing.statistics.internal.ProviderCount;
import org.jixing.training.CompletionCounts;
import org.jixing.GeneratedProvince;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (run by {@code bench/progress-dashboard-postgres.sh}): the
 * progress dashboard and the progress report with ten million enrolments on PostgreSQL.
 * Classes, enrolments, their people and the people's trainee-group memberships are
 * generated in SQL (set-based, straight into the tables, in one transaction); the rollups
 * (and the groups counted for each completion) are built by the reconciliation; then each
 * view is timed through {@link ProgressViews} beside the same figures computed by plain
 * GROUP BYs over the raw rows in the same run, and every figure of each view is checked
 * against the raw ones. Figures go to {@code target/bench/progress-dashboard.txt} (query
 * plans to {@code progress-dashboard-plans.txt}).
 */
class ProgressDashboardBench extends IntegrationTest {

    /** The generated rows' ids start here, clear of the demo province's. */
    static final long CLASS_BASE = GeneratedProvince.CLASS_BASE;

    static final long ENROLMENT_BASE = GeneratedProvince.ENROLMENT_BASE;

    static final long PERSON_BASE = GeneratedProvince.PERSON_BASE;

    static final long PROVIDER_BASE = GeneratedProvince.PROVIDER_BASE;

    static final int PER_CLASS = GeneratedProvince.PER_CLASS;

    static final int PROVIDERS_PER_CITY = GeneratedProvince.PROVIDERS_PER_CITY;

    static final String COMPLETED = "e.status = 'COMPLETED' and e.completed_on is not null";

    static final CurrentUser ADMIN = new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN,
            DataScope.province("370000"));

    static final CurrentUser QINGDAO = new CurrentUser(2, "qingdao", "青岛市人社局", Role.CITY_OFFICER,
            DataScope.region("370200"));

    @Autowired
    ProgressViews views;

    @Autowired
    Progress progress;

    @Autowired
    ProgressStore store;

    @Autowired
    CompletionCounts counts;

    @Autowired
    TraineeGroupFigures groupFigures;

    @Autowired
    ReferenceCatalogue reference;

    @Autowired
    Filings filings;

    @Autowired
    Targets targets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MockMvc mvc;

    final List<String> report = new ArrayList<>();

    GeneratedProvince province;

    @BeforeEach
    void province() {
        province = new GeneratedProvince(jdbc, transactions, report);
    }

    /**
     * A view as timed: how it is asked for, and the same figures' raw GROUP BYs (year,
     * day, scope prefix, city prefix or null, line or null).
     */
    record View(String label, CurrentUser user, Supplier<ProgressViews.Dashboard> ask, String scopePrefix,
            String cityPrefix, String line) {
    }

    @Test
    void progressDashboard() throws Exception {
        assumeTrue(System.getProperty("jixing.it.db-url", "").startsWith("jdbc:postgresql:"),
                "the benchmark runs on PostgreSQL");
        long n = Long.getLong("jixing.bench.enrolments", 10_000_000L);
        int warmUp = Integer.getInteger("jixing.bench.warm-up", 5);
        int runs = Integer.getInteger("jixing.bench.runs", 50);
        int rawRuns = Integer.getInteger("jixing.bench.raw-runs", 5);
        Path dir = Files.createDirectories(Path.of("target/bench"));

        // The reconciliation at start runs in the background: let it finish first (on
        // kept data it recounts everything).
        long w0 = System.nanoTime();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("progress-reconciliation")) {
                t.join();
            }
        }
        double startWait = (System.nanoTime() - w0) / 1e9;

        String version = jdbc.sql("show server_version").query(String.class).single();
        report.add(
                "Progress dashboard benchmark, PostgreSQL %s (shared_buffers %s, work_mem %s), %,d enrolments, %d cores, max heap %d MB"
                    .formatted(version, setting("shared_buffers"), setting("work_mem"), n,
                            Runtime.getRuntime().availableProcessors(),
                            Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        report.add("schema %s, data kept between runs: %s; waited %.1f s for the reconciliation at start".formatted(
                jdbc.sql("select current_schema()").query(String.class).single(),
                Boolean.getBoolean("jixing.it.keep-data"), startWait));
        machine("at start");

        // 1. The data.
        province.load(n);
        machine("after loading");

        // 2. The rollups, by the reconciliation: from empty (every group drifted), then
        // again with nothing to repair (the usual nightly run).
        jdbc.sql("delete from progress_rollup").update();
        jdbc.sql("delete from progress_group_rollup").update();
        jdbc.sql("delete from progress_unique").update();
        System.gc();
        Progress.Reconciliation rebuilt = withHeap("reconcile from empty rollups", () -> progress.reconcile("bench"));
        report.add(
                "  found %,d groups, %,d drifted, %,d completions missing; %d trainee-group and %d unique-person counts drifted"
                    .formatted(rebuilt.groupsCompared(), rebuilt.groupsDrifted(), rebuilt.completionsMissing(),
                            rebuilt.traineeGroupCountsDrifted(), rebuilt.uniquePersonCountsDrifted()));
        Progress.Reconciliation nightly = withHeap("reconcile again, nothing to repair (the nightly run)",
                () -> progress.reconcile("bench-nightly"));
        assertThat(nightly.groupsDrifted() + nightly.traineeGroupCountsDrifted() + nightly.uniquePersonCountsDrifted())
            .as("drift on the second reconciliation")
            .isZero();
        long t0 = System.nanoTime();
        int countRows = counts.all().size();
        double allSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        int groupRows = groupFigures.recount().counts().size();
        double groupSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        int uniqueRows = counts.uniquePersons().size();
        double uniqueSeconds = (System.nanoTime() - t0) / 1e9;
        report.add(("  its recounts alone: CompletionCounts.all %.1f s (%,d groups), trainee groups held on the "
                + "first day (completions walked against the registry's memberships) %.1f s (%,d), "
                + "uniquePersons %.1f s (%,d counts, four count(distinct) statements)")
            .formatted(allSeconds, countRows, groupSeconds, groupRows, uniqueSeconds, uniqueRows));
        // What autovacuum would do shortly after the nightly rewrite, done now so it does
        // not run during the measurement.
        for (String table : List.of("progress_rollup", "progress_group_rollup", "progress_unique",
                "progress_reconciliation")) {
            jdbc.sql("vacuum (analyze) " + table).update();
        }
        report.add("  rollups: progress_rollup %,d rows (%s), progress_group_rollup %,d rows, progress_unique %,d rows"
            .formatted(count("progress_rollup"), size("progress_rollup"), count("progress_group_rollup"),
                    count("progress_unique")));
        machine("after reconciling");

        // 3 and 4. Each view from the rollups, then the same figures by plain GROUP BY
        // over the raw rows, checked against each other.
        LocalDate today = views.today();
        LocalDate reportDay = LocalDate.of(2026, 6, 30);
        List<View> all = List.of(
                new View("(a) dashboard(2026), province admin", ADMIN, () -> views.dashboard(2026, null, null), "37",
                        null, null),
                new View("(b) dashboard(2026, city 370200), admin", ADMIN, () -> views.dashboard(2026, "370200", null),
                        "37", "3702", null),
                new View("(c) dashboard(2026, line L01), admin", ADMIN, () -> views.dashboard(2026, null, "L01"), "37",
                        null, "L01"),
                new View("(d) dashboard(2026), Qingdao city officer", QINGDAO, () -> views.dashboard(2026, null, null),
                        "3702", null, null),
                new View("(e) asOf(2026-06-30), the report, admin", ADMIN, () -> views.asOf(reportDay), "37", null,
                        null),
                new View("(f) dashboard(2025), admin", ADMIN, () -> views.dashboard(2025, null, null), "37", null,
                        null));
        List<String> problems = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        List<String[]> table = new ArrayList<>();
        List<String> rawBreakdown = new ArrayList<>();
        for (View v : all) {
            ProgressViews.Dashboard d = RunAs.user(v.user(), v.ask());
            long[] rollup = time(warmUp, runs, () -> RunAs.user(v.user(), v.ask()));
            boolean plan = v.user().scope().isProvinceWide() && v.cityPrefix() == null && v.line() == null;
            Raw raw = raw(d.year(), d.asOf(), v, plan);
            long[] rawNanos = new long[rawRuns];
            long[][] parts = new long[6][rawRuns];
            for (int i = -1; i < rawRuns; i++) {
                long s = System.nanoTime();
                Raw r = raw(d.year(), d.asOf(), v, plan);
                if (i >= 0) {
                    rawNanos[i] = System.nanoTime() - s;
                    for (int q = 0; q < 6; q++) {
                        parts[q][i] = r.nanos[q];
                    }
                }
            }
            boolean personsComparable = !d.asOf()
                .isBefore(today.getYear() == d.year() ? today : LocalDate.of(d.year(), 12, 31));
            compare(v.label(), d, raw, personsComparable, problems, findings);
            Arrays.sort(rollup);
            Arrays.sort(rawNanos);
            table.add(new String[] { v.label(), "%,d".formatted(d.total().done()), ms(pct(rollup, 50)),
                    ms(pct(rollup, 95)), ms(rollup[rollup.length - 1]), ms(pct(rawNanos, 50)), ms(pct(rawNanos, 95)),
                    ms(rawNanos[rawNanos.length - 1]),
                    "%.0f×".formatted((double) pct(rawNanos, 50) / pct(rollup, 50)) });
            StringBuilder b = new StringBuilder("  " + v.label() + ": ");
            String[] names = { "by year, sub-target, city, month", "plan years", "unique persons (grouping sets)",
                    "trainee groups", "top providers", "" };
            for (int q = 0; q < 5; q++) {
                if (q == 1 && !plan) {
                    continue;
                }
                long[] p = parts[q].clone();
                Arrays.sort(p);
                b.append(names[q]).append(' ').append(ms(pct(p, 50))).append(" ms; ");
            }
            rawBreakdown.add(b.toString());
            machine("after " + v.label());
        }

        report.add("");
        report.add("View → p50 / p95 / max in ms; rollup: %d runs after %d warm-up; raw GROUP BY: %d runs after 1"
            .formatted(runs, warmUp, rawRuns));
        report.add(
                "| view | subsidised done | rollup p50 | p95 | max | raw GROUP BY p50 | p95 | max | raw/rollup (p50) |");
        report.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        table.forEach(r -> report.add("| " + String.join(" | ", r) + " |"));
        report.add("");
        report.add("Raw GROUP BY, median of each statement:");
        report.addAll(rawBreakdown);

        // The rollup reads one by one, as the province admin for 2026.
        report.add("");
        report.add("Rollup statements alone (admin, 2026, as of %s), p50 / p95 / max in ms:".formatted(today));
        storeQueries(today, warmUp, runs);

        // The answers over HTTP (MockMvc: filters, session, JSON or the page rendered).
        report.add("");
        report.add("Through the web layer (MockMvc, signed in), p50 / p95 / max in ms:");
        Cookie admin = SignedIn.as(mvc, "admin");
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        http("GET /api/v1/statistics/dashboard?year=2026 (admin)", "/api/v1/statistics/dashboard?year=2026", admin,
                warmUp, runs);
        http("GET /statistics?year=2026 (admin, the page)", "/statistics?year=2026", admin, warmUp, runs);
        http("GET /statistics?year=2026 (qingdao, the page)", "/statistics?year=2026", qingdao, warmUp, runs);
        http("GET /api/v1/statistics/report?date=2026-06-30 (admin)", "/api/v1/statistics/report?date=2026-06-30",
                admin, warmUp, runs);
        machine("at the end");

        report.add("");
        report.add(problems.isEmpty()
                ? "Agreement: every figure of every view (totals, lines, cities, months, last year, plan, trainee groups, top providers, unique persons where comparable) equals the raw GROUP BY."
                : "DISAGREEMENT between the rollups and the raw rows:");
        problems.forEach(p -> report.add("  " + p));
        findings.forEach(f -> report.add("Finding: " + f));
        plans(today);
        Files.write(dir.resolve("progress-dashboard.txt"), report);
        report.forEach(System.out::println);
        assertThat(problems).as("figures that disagree with the raw rows").isEmpty();
    }

    // ---- data ----------------------------------------------------------------------

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String size(String table) {
        return jdbc.sql("select pg_size_pretty(pg_total_relation_size('" + table + "'))").query(String.class).single();
    }

    private String setting(String name) {
        return jdbc.sql("show " + name).query(String.class).single();
    }

    /** The machine's load and the other sessions busy on PostgreSQL, for the record. */
    private void machine(String when) {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).strip();
        }
        catch (IOException ex) {
            load = "?";
        }
        long busy = jdbc.sql("""
                select count(*) from pg_stat_activity where state = 'active' and pid <> pg_backend_pid()
                and backend_type = 'client backend'""").query(Long.class).single();
        report.add("machine %s: load average %s; other active PostgreSQL sessions %d".formatted(when, load, busy));
    }

    // ---- reconciliation and heap
    // ---------------------------------------------------------

    private <T> T withHeap(String label, Supplier<T> work) throws InterruptedException {
        System.gc();
        long baseline = liveHeap();
        AtomicLong peakLive = new AtomicLong(baseline);
        AtomicLong peakUsed = new AtomicLong(0);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peakLive.accumulateAndGet(liveHeap(), Math::max);
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                        Math::max);
                try {
                    Thread.sleep(5);
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        T result = work.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        running.set(false);
        sampler.join();
        report.add("%s: %.1f s; live heap peak %d MB over a %d MB baseline, heap in use at most %d MB".formatted(label,
                seconds, (peakLive.get() - baseline) / (1024 * 1024), baseline / (1024 * 1024),
                peakUsed.get() / (1024 * 1024)));
        return result;
    }

    /** The heap in use after the last collection of each pool (what survived). */
    private static long liveHeap() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        return live;
    }

    // ---- timing --------------------------------------------------------------------

    static long[] time(int warmUp, int runs, Supplier<?> work) {
        long[] nanos = new long[runs];
        for (int i = -warmUp; i < runs; i++) {
            long s = System.nanoTime();
            Object result = work.get();
            long took = System.nanoTime() - s;
            assertThat(result).isNotNull();
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        return nanos;
    }

    static long pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, i)];
    }

    static String ms(long nanos) {
        double ms = nanos / 1e6;
        return ms >= 100 ? "%,.0f".formatted(ms) : "%.1f".formatted(ms);
    }

    private void line(String label, long[] nanos) {
        Arrays.sort(nanos);
        report.add("  %s: %s / %s / %s".formatted(label, ms(pct(nanos, 50)), ms(pct(nanos, 95)),
                ms(nanos[nanos.length - 1])));
    }

    /**
     * Each rollup read alone, in a read-only transaction as the dashboard makes them
     * (lastReconciliation streams its rows and relies on the transaction to give the
     * connection back).
     */
    private void storeQueries(LocalDate today, int warmUp, int runs) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        ScopeSql.Clause scope = RunAs.user(ADMIN, () -> ScopeSql.forCurrentUser(ProgressStore.SCOPE));
        ScopeSql.Clause noProvider = RunAs.user(ADMIN,
                () -> ScopeSql.forCurrentUser(ProgressStore.SCOPE_WITHOUT_PROVIDER));
        Plan plan = reference.plan();
        line("month summary by year, sub-target, city, month; 2025–2026",
                time(warmUp, runs,
                        () -> store.groupedByMonth(
                                List.of("r.training_year", "r.sub_target_code", "r.region_code", "r.training_month"),
                                2025, 2026, today.getMonthValue(), null, null, noProvider)));
        line("daily rollup, this month's days (a report of a mid-month day)",
                time(warmUp, runs,
                        () -> store.grouped(
                                List.of("r.training_year", "r.sub_target_code", ProgressStore.CITY,
                                        "extract(month from r.completed_on)"),
                                2026, 2026, today, "r.completed_on >= :monthStart",
                                Map.of("monthStart", Date.valueOf(today.withDayOfMonth(1))), scope)));
        line("month summary by year; the plan's earlier years", time(warmUp, runs, () -> store
            .groupedByMonth(List.of("r.training_year"), plan.startYear(), 2025, 12, null, null, noProvider)));
        line("unique persons of 2026", time(warmUp, runs, () -> store.unique(2026, noProvider)));
        line("trainee groups of 2026", time(warmUp, runs, () -> store.groupedByGroup(List.of("r.group_code"), 2026,
                "r.training_month <= :gmonth", Map.of("gmonth", today.getMonthValue()), noProvider)));
        List<ProviderCount> top = store.topProviders(2026, null, null, noProvider, 10);
        line("top 10 providers of 2026 (provider-year summary)",
                time(warmUp, runs, () -> store.topProviders(2026, null, null, noProvider, 10)));
        line("their names (10 × Filings.find, each with its permits)", time(warmUp, runs, () -> {
            int found = 0;
            for (ProviderCount r : top) {
                found += filings.find(Registry.PROVIDER, r.providerId()).isPresent() ? 1 : 0;
            }
            return found;
        }));
        line("the target split (Targets.split)",
                time(warmUp, runs, () -> RunAs.user(ADMIN, () -> views.dashboardCities().size() + targetsSplit(2026))));
        line("last reconciliation", time(warmUp, runs, () -> readOnly.execute(s -> store.lastReconciliation())));
    }

    private int targetsSplit(int year) {
        return targets.split(year).rows().size();
    }

    private void http(String label, String path, Cookie session, int warmUp, int runs) {
        line(label, time(warmUp, runs, () -> {
            try {
                return mvc.perform(get(path).cookie(session)).andExpect(status().isOk()).andReturn();
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }));
    }

    // ---- the raw GROUP BY
    // ---------------------------------------------------------------

    /** The figures of a view computed from the raw rows, and each statement's time. */
    static final class Raw {

        long done;

        long notSubsidised;

        final long[] months = new long[12];

        final long[] notByMonth = new long[12];

        final long[] lastYear = new long[12];

        final Map<String, Long> byLine = new HashMap<>();

        final Map<String, Long> byCity = new HashMap<>();

        Long planDone;

        Long persons;

        final Map<String, Long> personsByLine = new HashMap<>();

        final Map<String, Long> personsByCity = new HashMap<>();

        final Map<String, long[]> groups = new HashMap<>();

        final List<Long> topDone = new ArrayList<>();

        final long[] nanos = new long[6];

    }

    /**
     * The view's figures by plain GROUP BY over enrolment ⨝ training_class (and
     * person_group, the memberships valid on each class's first day): what the dashboard
     * would cost without the rollups.
     */
    Raw raw(int year, LocalDate asOf, View v, boolean plan) {
        Raw r = new Raw();
        Map<String, Object> p = new HashMap<>();
        p.put("scope", v.scopePrefix() + "%");
        StringBuilder classFilter = new StringBuilder(" and c.region_code like :scope");
        StringBuilder ownFilter = new StringBuilder(" and e.region_code like :scope");
        if (v.cityPrefix() != null) {
            p.put("city", v.cityPrefix() + "%");
            classFilter.append(" and c.region_code like :city");
            ownFilter.append(" and e.region_code like :city");
        }
        if (v.line() != null) {
            p.put("line", v.line());
            classFilter.append(" and c.line_code = :line");
            ownFilter.append(" and e.line_code = :line");
        }
        p.put("lastYear", Date.valueOf(LocalDate.of(year - 1, 1, 1)));
        p.put("from", Date.valueOf(LocalDate.of(year, 1, 1)));
        p.put("upTo", Date.valueOf(asOf));
        p.put("yearEnd", Date.valueOf(LocalDate.of(year, 12, 31)));

        long t0 = System.nanoTime();
        jdbc.sql("""
                select extract(year from e.completed_on)::int, c.line_code, substr(c.region_code, 1, 4) || '00',
                  extract(month from e.completed_on)::int, c.sub_target_code,
                  count(*) filter (where e.subsidised), count(*) filter (where not e.subsidised)
                from enrolment e join training_class c on c.id = e.class_id
                where %s and e.completed_on between :lastYear and :upTo %s
                group by 1, 2, 3, 4, 5""".formatted(COMPLETED, classFilter)).params(p).query(rs -> {
            int y = rs.getInt(1);
            int m = rs.getInt(4);
            long s = rs.getLong(6);
            long ns = rs.getLong(7);
            if (y == year) {
                r.done += s;
                r.notSubsidised += ns;
                r.months[m - 1] += s;
                r.notByMonth[m - 1] += ns;
                r.byLine.merge(rs.getString(2), s, Long::sum);
                r.byCity.merge(rs.getString(3), s, Long::sum);
            }
            else {
                r.lastYear[m - 1] += s;
            }
        });
        r.nanos[0] = System.nanoTime() - t0;

        if (plan) {
            Plan pl = reference.plan();
            t0 = System.nanoTime();
            r.planDone = jdbc.sql("""
                    select coalesce(sum(s), 0) from (select extract(year from e.completed_on), count(*) as s
                      from enrolment e join training_class c on c.id = e.class_id
                      where %s and e.subsidised and e.completed_on between :planStart and :upTo %s
                      group by 1) t""".formatted(COMPLETED, classFilter))
                .params(p)
                .param("planStart", Date.valueOf(LocalDate.of(pl.startYear(), 1, 1)))
                .query(Long.class)
                .single();
            r.nanos[1] = System.nanoTime() - t0;
        }

        // Unique persons up to the day (what a figure as of that day means).
        t0 = System.nanoTime();
        jdbc.sql("""
                select grouping(e.line_code), grouping(substr(e.region_code, 1, 4) || '00'), e.line_code,
                  substr(e.region_code, 1, 4) || '00', count(distinct e.person_id)
                from enrolment e
                where %s and e.subsidised and e.completed_on between :from and :upTo %s
                group by grouping sets ((), (e.line_code), (substr(e.region_code, 1, 4) || '00'),
                  (e.line_code, substr(e.region_code, 1, 4) || '00'))""".formatted(COMPLETED, ownFilter))
            .params(p)
            .query(rs -> {
                boolean noLine = rs.getInt(1) == 1;
                boolean noCity = rs.getInt(2) == 1;
                long persons = rs.getLong(5);
                if (noLine && noCity) {
                    r.persons = persons;
                }
                else if (noCity) {
                    r.personsByLine.put(rs.getString(3), persons);
                }
                else if (noLine) {
                    r.personsByCity.put(rs.getString(4), persons);
                }
            });
        r.nanos[2] = System.nanoTime() - t0;

        // Trainee groups: whole months, as the dashboard counts them.
        int month = asOf.getYear() == year ? asOf.getMonthValue() : 12;
        p.put("monthEnd", Date.valueOf(LocalDate.of(year, month, 1).plusMonths(1).minusDays(1)));
        t0 = System.nanoTime();
        jdbc.sql("""
                select g.group_code, count(*) filter (where e.subsidised), count(*) filter (where not e.subsidised)
                from enrolment e join training_class c on c.id = e.class_id
                cross join lateral (select distinct pg.group_code from person_group pg
                  where pg.person_id = e.person_id and pg.valid_from <= c.start_date
                    and (pg.valid_until is null or pg.valid_until >= c.start_date)) g
                where %s and e.completed_on between :from and :monthEnd %s
                group by g.group_code""".formatted(COMPLETED, ownFilter)).params(p).query(rs -> {
            r.groups.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
        });
        r.nanos[3] = System.nanoTime() - t0;

        t0 = System.nanoTime();
        jdbc.sql("""
                select c.provider_id, count(*) filter (where e.subsidised) as s
                from enrolment e join training_class c on c.id = e.class_id
                where %s and e.completed_on between :from and :upTo %s
                group by c.provider_id order by s desc fetch first 10 rows only""".formatted(COMPLETED, classFilter))
            .params(p)
            .query(rs -> {
                r.topDone.add(rs.getLong(2));
            });
        r.nanos[4] = System.nanoTime() - t0;
        return r;
    }

    /** Every figure of the view against the raw one. */
    private void compare(String label, ProgressViews.Dashboard d, Raw r, boolean personsComparable,
            List<String> problems, List<String> findings) {
        check(problems, label + ": total done", d.total().done(), r.done);
        check(problems, label + ": total not subsidised", d.total().notSubsidised(), r.notSubsidised);
        assertThat(r.done).as(label + ": completions in the view").isPositive();
        for (ProgressViews.LineRow l : d.lines()) {
            check(problems, label + ": line " + l.line().code(), l.figure().done(),
                    r.byLine.getOrDefault(l.line().code(), 0L));
            if (l.figure().persons() != null && personsComparable) {
                check(problems, label + ": persons in line " + l.line().code(), l.figure().persons(),
                        r.personsByLine.getOrDefault(l.line().code(), 0L));
            }
        }
        for (ProgressViews.CityRow c : d.cities()) {
            check(problems, label + ": city " + c.city().code(), c.figure().done(),
                    r.byCity.getOrDefault(c.city().code(), 0L));
            if (c.figure().persons() != null && personsComparable) {
                check(problems, label + ": persons in city " + c.city().code(), c.figure().persons(),
                        r.personsByCity.getOrDefault(c.city().code(), 0L));
            }
        }
        for (ProgressViews.MonthRow m : d.months()) {
            check(problems, label + ": month " + m.month(), m.done(), r.months[m.month() - 1]);
            check(problems, label + ": month not subsidised " + m.month(), m.notSubsidised(),
                    r.notByMonth[m.month() - 1]);
            check(problems, label + ": last year's month " + m.month(), m.lastYear(), r.lastYear[m.month() - 1]);
        }
        if (d.plan() != null || r.planDone != null) {
            check(problems, label + ": the plan's years", d.plan() == null ? -1 : d.plan().done(),
                    r.planDone == null ? -1 : r.planDone);
        }
        check(problems, label + ": trainee groups", d.groups().size(), r.groups.size());
        for (ProgressViews.GroupRow g : d.groups()) {
            long[] raw = r.groups.getOrDefault(g.group().code(), new long[2]);
            check(problems, label + ": group " + g.group().code(), g.done(), raw[0]);
            check(problems, label + ": group not subsidised " + g.group().code(), g.notSubsidised(), raw[1]);
        }
        // A view of an earlier day of the year shows no providers (kept per whole year).
        if (!d.providers().isEmpty() || personsComparable) {
            check(problems, label + ": top providers' counts",
                    d.providers().stream().map(ProgressViews.ProviderRow::done).toList(), r.topDone);
        }
        if (d.total().persons() != null) {
            if (personsComparable) {
                check(problems, label + ": unique persons", d.total().persons(), r.persons);
            }
            else if (!d.total().persons().equals(r.persons)) {
                findings.add(("%s shows %,d unique persons, the records %,d up to %s: unique persons are kept "
                        + "for the whole year (progress_unique has no day), so a report for a past day counts "
                        + "persons who completed after it")
                    .formatted(label, d.total().persons(), r.persons, d.asOf()));
            }
        }
    }

    private static void check(List<String> problems, String what, Object dashboard, Object raw) {
        if (!Objects.equals(dashboard, raw)) {
            problems.add(what + ": rollup " + dashboard + ", raw rows " + raw);
        }
    }

    /** The plans of the main rollup statement and of its raw counterpart. */
    private void plans(LocalDate today) throws IOException {
        List<String> out = new ArrayList<>();
        String rollup = """
                select r.training_year, r.sub_target_code, substr(r.region_code, 1, 4) || '00',
                  extract(month from r.completed_on), sum(case when subsidised then completions else 0 end) as s,
                  sum(case when subsidised then 0 else completions end) from progress_rollup r
                where training_year between 2025 and 2026 and completed_on <= date '%s' and r.region_code like '37%%'
                group by r.training_year, r.sub_target_code, substr(r.region_code, 1, 4) || '00',
                  extract(month from r.completed_on)""".formatted(today);
        String top = """
                select * from (select r.provider_id, sum(case when subsidised then completions else 0 end) as s,
                  sum(case when subsidised then 0 else completions end) from progress_rollup r
                where training_year between 2026 and 2026 and completed_on <= date '%s' and r.region_code like '37%%'
                group by r.provider_id) t order by s desc fetch first 10 rows only""".formatted(today);
        String raw = """
                select extract(year from e.completed_on)::int, c.line_code, substr(c.region_code, 1, 4) || '00',
                  extract(month from e.completed_on)::int, c.sub_target_code,
                  count(*) filter (where e.subsidised), count(*) filter (where not e.subsidised)
                from enrolment e join training_class c on c.id = e.class_id
                where e.status = 'COMPLETED' and e.completed_on is not null
                  and e.completed_on between date '2025-01-01' and date '%s' and c.region_code like '37%%'
                group by 1, 2, 3, 4, 5""".formatted(today);
        for (String[] q : new String[][] { { "rollup: by year, sub-target, city, month (admin, 2026)", rollup },
                { "rollup: top providers (admin, 2026)", top }, { "raw: by year, sub-target, city, month", raw } }) {
            out.add("== " + q[0]);
            out.add(q[1]);
            out.addAll(jdbc.sql("explain (analyze, buffers) " + q[1]).query(String.class).list());
            out.add("");
        }
        Files.write(Path.of("target/bench/progress-dashboard-plans.txt"), out);
    }

}
