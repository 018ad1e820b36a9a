package org.jixing.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;

import org.jixing.IntegrationTest;
import org.jixing.RunningAs;
import org.jixing.person.IdNumberSeals;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.bulk.BulkWriter;
import org.jixing.training.ImportMode;
import org.jixing.training.ImportStatus;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark, not a test (run by {@code bench/contributions-postgres.sh}): a monthly
 * contribution file of {@code jixing.bench.rows} rows (default 5,000,000; half of them
 * trainees, half people who never trained) imported end to end through
 * {@link ContributionImports} (upload check, parse, row rules, blind index, COPY into
 * staging, matching, merge, follow-up recomputed) against
 * {@code jixing.bench.completions} followed completions (default 10,000,000, seeded in
 * SQL straight into employment's tables, 40 a class), with the live heap sampled; beside
 * it PostgreSQL's own COPY of the same file into a scratch table; then the outcome views'
 * latencies (p50, p95 over 50 calls each). Figures go to
 * {@code target/bench/contributions.txt}.
 */
class ContributionImportBench extends IntegrationTest {

    static final long PERSON_BASE = 700_000_000_000L;

    static final long CLASS_BASE = 710_000_000_000L;

    static final long ENROLMENT_BASE = 720_000_000_000L;

    static final long PROVIDER_BASE = 730_000_000_000L;

    @Autowired
    ContributionImports imports;

    @Autowired
    OutcomeIndicators indicators;

    @Autowired
    IdNumberSeals seals;

    @Autowired
    BulkWriter bulk;

    @Autowired
    DataSource dataSource;

    /**
     * The synthetic ID number of person k: region 3799nn, which no real person holds
     * (bench/README.md); cities 41-56 for trainees, 61-76 for the others (the demo uses
     * 01-16).
     */
    static String idNumber(long k, boolean trainee) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(k / 1000 % 17_000);
        String first17 = String.format("3799%02d", (trainee ? 41 : 61) + k / 17_000_000 % 16)
                + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", k % 1000);
        return first17 + ResidentIdNumbers.checkCharacter(first17);
    }

    static String creditCode(long k) {
        String first17 = "91379900MA" + String.format("%07d", k % 5000);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    @Test
    void contributionImport() throws Exception {
        assumeTrue(System.getProperty("jixing.it.db-url", "").startsWith("jdbc:postgresql:"),
                "the benchmark runs on PostgreSQL");
        int rows = Integer.getInteger("jixing.bench.rows", 5_000_000);
        long completions = Long.getLong("jixing.bench.completions", 10_000_000L);
        List<String> report = new ArrayList<>();
        report.add(("Contribution import benchmark, PostgreSQL: a %,d-row file against %,d completions, %d cores, "
                + "max heap %d MB")
            .formatted(rows, completions, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024)));

        // The completions followed: classes of 40 ending in the past year, 16 cities, 400
        // providers; person k's index as the registry computes it.
        YearMonth month = YearMonth.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).minusMonths(1);
        int endMonth = ContributionMonths.of(month) - 3;
        long t0 = System.nanoTime();
        long classes = (completions + 39) / 40;
        asOwner().sql("""
                insert into follow_up_class (class_id, class_no, provider_id, programme_id, occupation_code, line_code,
                  region_code, city_code, class_type, employer_credit_code, start_date, end_date, end_year, enrolled)
                select :cbase + k, 'CB-' || k, :pbase + k % 400, 1, 'WELDER', 'L0' || (1 + k % 7), c.city, c.city,
                  'REGULAR', null, d.e - 20, d.e, extract(year from d.e)::int, 44
                from generate_series(0, :classes - 1) k
                cross join lateral (select '37' || lpad((1 + k % 16)::text, 2, '0') || '00' as city) c
                cross join lateral (select (cast(:end as date) - (k % 240)::int) as e) d""")
            .param("cbase", CLASS_BASE)
            .param("pbase", PROVIDER_BASE)
            .param("classes", classes)
            .param("end", ContributionMonths.toYearMonth(endMonth).atEndOfMonth())
            .update();
        asOwner().sql("""
                insert into follow_up (enrolment_id, person_id, class_id, provider_id, programme_id, occupation_code,
                  line_code, region_code, city_code, end_year, start_month, end_month, order_employer, since_import)
                select :ebase + i, :personBase + i, c.class_id, c.provider_id, 1, c.occupation_code, c.line_code,
                  c.region_code, c.city_code, c.end_year,
                  extract(year from c.start_date)::int * 12 + extract(month from c.start_date)::int - 1,
                  extract(year from c.end_date)::int * 12 + extract(month from c.end_date)::int - 1, null, 0
                from generate_series(0, :n - 1) i join follow_up_class c on c.class_id = :cbase + i / 40""")
            .param("ebase", ENROLMENT_BASE)
            .param("personBase", PERSON_BASE)
            .param("cbase", CLASS_BASE)
            .param("n", completions)
            .update();
        Iterable<Object[]> persons = () -> new Iterator<>() {
            long k = 0;

            @Override
            public boolean hasNext() {
                return k < completions;
            }

            @Override
            public Object[] next() {
                long i = k++;
                return new Object[] { PERSON_BASE + i, seals.idNumberIndex(idNumber(i, true)) };
            }
        };
        bulk.write("follow_up_person", List.of("person_id", "id_index"), persons);
        asOwner().sql("analyze follow_up").update();
        asOwner().sql("analyze follow_up_person").update();
        asOwner().sql("analyze follow_up_class").update();
        report.add("seeded %,d completions in %,d classes in %.1f s".formatted(completions, classes,
                (System.nanoTime() - t0) / 1e9));

        // The file: row r names trainee r/2 for even r (while there are trainees), else
        // someone who never trained.
        Path dir = Files.createDirectories(Path.of("target/bench"));
        Path csv = dir.resolve("contributions.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("身份证号,单位统一社会信用代码,缴费月份,缴费基数\r\n");
            for (long r = 0; r < rows; r++) {
                boolean trainee = r % 2 == 0 && r / 2 < completions;
                w.write(idNumber(trainee ? r / 2 : r, trainee));
                w.write(',');
                w.write(creditCode(r));
                w.write(',');
                w.write(month.toString());
                w.write(',');
                w.write(Long.toString(3000 + r % 5000));
                w.write(".00\r\n");
            }
        }
        report.add("file %.1f MB".formatted(Files.size(csv) / 1e6));

        // A warm-up import of 20,000 rows of the next month back.
        Path warm = dir.resolve("contributions-warm-up.csv");
        try (BufferedWriter w = Files.newBufferedWriter(warm, StandardCharsets.UTF_8)) {
            w.write("身份证号,单位统一社会信用代码,缴费月份,缴费基数\r\n");
            for (long r = 0; r < 20_000; r++) {
                w.write(idNumber(r, true) + "," + creditCode(r) + "," + month.minusMonths(1) + ",3000\r\n");
            }
        }
        run(null, warm, 20_000);
        double rate = run(report, csv, rows);

        // PostgreSQL's own COPY of the same file into a scratch table: the floor.
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try (var s = con.createStatement()) {
                s.execute("create temporary table bench_contribution_copy (id_number text, credit_code text, "
                        + "month text, base numeric)");
            }
            long c0 = System.nanoTime();
            long copied;
            try (InputStream in = Files.newInputStream(csv)) {
                copied = con.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY bench_contribution_copy FROM STDIN WITH (FORMAT csv, HEADER true)", in);
            }
            con.commit();
            double copySeconds = (System.nanoTime() - c0) / 1e9;
            report.add("PostgreSQL COPY of the same file into a scratch table: %,d rows in %.2f s: %,.0f rows/s"
                .formatted(copied, copySeconds, copied / copySeconds));
            report.add("end to end is %.1f× COPY's time".formatted((copied / copySeconds) / rate));
        }

        // The outcome views at this size.
        int year = ContributionMonths.toYearMonth(endMonth).getYear();
        latency(report, "outcomes by provider, province-wide, the year", () -> RunningAs
            .asAdmin(() -> indicators.by(OutcomeDimension.PROVIDER, new OutcomeFilter(year, null, null, null))));
        latency(report, "outcomes by provider, one city (city officer)", () -> RunningAs.asCity("370100",
                () -> indicators.by(OutcomeDimension.PROVIDER, new OutcomeFilter(year, null, null, null))));
        latency(report, "outcomes by line, one city, the year", () -> RunningAs.asCity("370100",
                () -> indicators.by(OutcomeDimension.LINE, new OutcomeFilter(year, null, "370100", null))));
        latency(report, "one class's figures", () -> RunningAs.asAdmin(() -> indicators.ofClass(CLASS_BASE + 7)));
        latency(report, "one provider's classes (provider filter, by class)", () -> RunningAs.asAdmin(
                () -> indicators.by(OutcomeDimension.CLASS, new OutcomeFilter(null, null, null, PROVIDER_BASE + 3))));
        Files.write(dir.resolve("contributions.txt"), report);
        report.forEach(System.out::println);
    }

    private double run(List<String> report, Path file, int n) throws Exception {
        System.gc();
        long baseline = liveHeap();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(liveHeap(), Math::max);
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
        ContributionImport started = RunningAs.asAdmin(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                return imports.start(file.getFileName().toString(), in, ImportMode.VALID_ROWS);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        long accepted = System.nanoTime();
        ContributionImport done = started;
        while (!done.status().finished()) {
            Thread.sleep(50);
            done = RunningAs.asAdmin(() -> imports.get(started.id()));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        running.set(false);
        sampler.join();
        assertThat(done.status()).isEqualTo(ImportStatus.DONE);
        assertThat(done.rowsRead()).isEqualTo(n);
        double rate = n / seconds;
        if (report != null) {
            report.add(("end to end: %.2f s (upload check %.2f s): %,.0f rows/s; %,d matched, %,d not trainees, "
                    + "%,d refused, %,d months written; live heap peak %d MB over a %d MB baseline")
                .formatted(seconds, (accepted - t0) / 1e9, rate, done.rowsMatched(), done.rowsNotTrainee(),
                        done.rowsRefused(), done.rowsChanged(), (peak.get() - baseline) / (1024 * 1024),
                        baseline / (1024 * 1024)));
        }
        return rate;
    }

    private static void latency(List<String> report, String label, Supplier<?> view) {
        for (int i = 0; i < 5; i++) {
            view.get();
        }
        long[] times = new long[50];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            view.get();
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        report.add("%s: p50 %.1f ms, p95 %.1f ms".formatted(label, times[24] / 1e6, times[47] / 1e6));
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

}
