package org.jixing.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jixing.GeneratedProvince;
import org.jixing.IntegrationTest;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The supervision engine at province scale (issue 18), on the generated province the
 * PostgreSQL benchmarks share ({@link GeneratedProvince}: {@code jixing.bench.enrolments}
 * enrolments, default 1,000,000, with their sessions and check-ins): the nightly scan of
 * the busiest day of 2026, each rule's share of it, and a full rescan of the year 2025,
 * with the time and the heap in use; the rescan once as shipped (day by day) and, with
 * {@code jixing.bench.whole-window=true}, also as one window (how it ran before slicing).
 * Figures in {@code target/bench/supervision-scale.txt}. Run by
 * {@code bench/supervision-scale-postgres.sh}.
 */
class SupervisionScaleBench extends IntegrationTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    RiskScans scans;

    @Autowired
    RiskRules rules;

    final List<String> report = new ArrayList<>();

    @Test
    void scale() throws Exception {
        assumeTrue(System.getProperty("jixing.it.db-url", "").startsWith("jdbc:postgresql:"),
                "the benchmark runs on PostgreSQL");
        long n = Long.getLong("jixing.bench.enrolments", 1_000_000L);
        GeneratedProvince province = new GeneratedProvince(jdbc, transactions, report);
        machine("before loading");
        province.load(n);
        province.attendance();
        ReflectionTestUtils.setField(scans, "incremental", false);
        jdbc.sql("delete from risk_alert_target").update();
        jdbc.sql("delete from risk_alert_decision").update();
        jdbc.sql("delete from risk_alert").update();

        LocalDate day = jdbc.sql("""
                select (occurred_at at time zone 'Asia/Shanghai')::date as d from attendance_event
                where occurred_at >= timestamp with time zone '2026-01-01 00:00:00+08'
                group by 1 order by count(*) desc limit 1""").query(LocalDate.class).single();
        Instant from = day.atStartOfDay(CHINA).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(CHINA).toInstant();
        Map<String, Object> dayFigures = jdbc
            .sql("""
                    select (select count(*) from attendance_event where occurred_at >= :f and occurred_at < :t) as check_ins,
                      (select count(*) from class_session where starts_at >= :f and starts_at < :t) as sessions,
                      (select count(*) from enrolment where completed_on = :d) as completions""")
            .param("f", java.sql.Timestamp.from(from))
            .param("t", java.sql.Timestamp.from(to))
            .param("d", java.sql.Date.valueOf(day))
            .query()
            .singleRow();
        machine("before the scans");
        ScanSummary nightly = measured(
                "nightly scan of %s (the busiest day of 2026: %,d check-ins, %,d sessions, %,d completions)".formatted(
                        day, dayFigures.get("check_ins"), dayFigures.get("sessions"), dayFigures.get("completions")),
                () -> scans.run(null, ScanWindow.between(from, to)));
        report.add("  %d rules, %,d hits, %,d new alerts, %,d merged".formatted(nightly.rulesRun(), nightly.hits(),
                nightly.alertsNew(), nightly.alertsMerged()));
        measured("the same day again (every hit already an alert)",
                () -> scans.run(null, ScanWindow.between(from, to)));

        // Each rule alone over that day, as the engine reads.
        CurrentUser engine = new CurrentUser(0, "supervision", "supervision", Role.AUDITOR,
                DataScope.province("370000"));
        for (Map.Entry<RiskRule, RuleVersion> e : rules.enabled()) {
            long t0 = System.nanoTime();
            int hits = RunAs.user(engine, () -> e.getKey().evaluate(ScanWindow.between(from, to), e.getValue())).size();
            report.add("  rule %-40s %8.2f s  %,6d hits".formatted(e.getKey().definition().code(),
                    (System.nanoTime() - t0) / 1e9, hits));
        }

        Instant yearFrom = LocalDate.of(2025, 1, 1).atStartOfDay(CHINA).toInstant();
        Instant yearTo = LocalDate.of(2026, 1, 1).atStartOfDay(CHINA).toInstant();
        long yearCheckIns = jdbc
            .sql("select count(*) from attendance_event where occurred_at >= :f and occurred_at < :t")
            .param("f", java.sql.Timestamp.from(yearFrom))
            .param("t", java.sql.Timestamp.from(yearTo))
            .query(Long.class)
            .single();
        long yearEnrolments = jdbc.sql("""
                select count(*) from enrolment e join training_class c on c.id = e.class_id
                where c.start_date <= date '2025-12-31' and c.end_date >= date '2025-01-01'""")
            .query(Long.class)
            .single();
        jdbc.sql("delete from risk_alert_target").update();
        jdbc.sql("delete from risk_alert").update();
        machine("before the rescan");
        ScanSummary year = measured(
                "full rescan of 2025, day by day (%,d check-ins; %,d enrolments in classes of the year)".formatted(
                        yearCheckIns, yearEnrolments),
                () -> scans.run(null, ScanWindow.between(yearFrom, yearTo)));
        report.add(
                "  %,d hits, %,d new alerts, %,d merged".formatted(year.hits(), year.alertsNew(), year.alertsMerged()));
        if (Boolean.getBoolean("jixing.bench.whole-window")) {
            jdbc.sql("delete from risk_alert_target").update();
            jdbc.sql("delete from risk_alert").update();
            ReflectionTestUtils.setField(scans, "sliceDays", 0);
            try {
                ScanSummary whole = measured("full rescan of 2025 as one window (before slicing)",
                        () -> scans.run(null, ScanWindow.between(yearFrom, yearTo)));
                report.add("  %,d hits, %,d new alerts".formatted(whole.hits(), whole.alertsNew()));
            }
            catch (OutOfMemoryError | RuntimeException failed) {
                report.add("  failed: " + failed);
            }
            finally {
                ReflectionTestUtils.setField(scans, "sliceDays", 1);
            }
        }
        machine("after");
        ReflectionTestUtils.setField(scans, "incremental", true);
        write();
        report.forEach(System.out::println);
        assertThat(nightly.rulesRun()).as("every rule ran").isEqualTo(rules.enabled().size());
    }

    /** Runs {@code work}, noting its time and the most heap in use meanwhile. */
    private <T> T measured(String label, Supplier<T> work) throws InterruptedException {
        System.gc();
        AtomicLong peak = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(liveHeap(), Math::max);
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        try {
            return work.get();
        }
        finally {
            double seconds = (System.nanoTime() - t0) / 1e9;
            running.set(false);
            sampler.join();
            report.add("%s: %.1f s, heap in use at most %,d MB".formatted(label, seconds, peak.get() >> 20));
            write();
        }
    }

    /** The figures so far, so a run that fails later keeps them. */
    private void write() {
        try {
            Path dir = Path.of("target/bench");
            Files.createDirectories(dir);
            Files.write(dir.resolve("supervision-scale.txt"), report);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static long liveHeap() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        return live;
    }

    private void machine(String when) {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).strip();
        }
        catch (IOException ex) {
            load = "?";
        }
        report.add("machine %s: load average %s".formatted(when, load));
    }

}
