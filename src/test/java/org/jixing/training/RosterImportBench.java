package org.jixing.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jixing.IntegrationTest;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.shared.scope.ScopeKind;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (run by {@code bench/roster-import-postgres.sh}): a 100,000-row
 * roster imported end to end (parse, validate, eligibility, register, write) from CSV and
 * from XLSX, each into its own class of new people, with the live heap sampled after
 * every garbage collection; then the floor (PostgreSQL COPY of the same final rows into
 * the same tables) and the peer (the same rows inserted row by row, one INSERT a table
 * row, in one transaction). Figures go to {@code target/bench/roster-import.txt}.
 */
class RosterImportBench extends IntegrationTest implements TrainingFixtures {

    @Autowired
    RosterImports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate tx;

    static final AtomicLong NEXT = new AtomicLong();

    /** The tables an import writes, with the rows of one class. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("person",
                "select p.* from person p where p.id in (select person_id from enrolment where class_id = %d)");
        TABLES.put("person_group",
                "select g.* from person_group g where g.person_id in (select person_id from enrolment where class_id = %d)");
        TABLES.put("enrolment", "select e.* from enrolment e where e.class_id = %d");
        TABLES.put("subsidy_slot",
                "select s.* from subsidy_slot s where s.enrolment_id in (select id from enrolment where class_id = %d)");
        TABLES.put("subsidised_qualification",
                "select q.* from subsidised_qualification q where q.enrolment_id in (select id from enrolment where class_id = %d)");
    }

    /**
     * Unique synthetic people (region 3799nn, which no real person holds: see
     * bench/README.md), distinct across the files of a run.
     */
    static List<List<String>> roster(int n) {
        List<List<String>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long k = NEXT.getAndIncrement();
            LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(k / 1000 % 17_000);
            String first17 = String.format("3799%02d", 1 + k / 17_000_000 % 16)
                    + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", k % 1000);
            String id = first17 + ResidentIdNumbers.checkCharacter(first17);
            rows.add(List.of(id, RosterImportIT.name(i), String.format("199%08d", k % 100_000_000),
                    i % 10 == 0 ? "退役军人" : ""));
        }
        return rows;
    }

    @Test
    void rosterImport() throws Exception {
        assumeTrue(System.getProperty("jixing.it.db-url", "").startsWith("jdbc:postgresql:"),
                "the benchmark runs on PostgreSQL");
        int n = Integer.getInteger("jixing.bench.rows", 100_000);
        Provider p = provider(jinan(), "370100", "WELDER", "JUNIOR", 100_000);
        long programme = programme("WELDER", "JUNIOR", 3, "L07-1");
        long warmUpClass = approvedClass(programme, p, 1, 6, start(), 5_000);
        long csvClass = approvedClass(programme, p, 1, 9, start(), n);
        long xlsxClass = approvedClass(programme, p, 1, 14, start(), n);
        CurrentUser staff = new CurrentUser(0, "staff-" + p.id(), "员工", Role.PROVIDER_STAFF,
                DataScope.of(ScopeKind.PROVIDER, String.valueOf(p.id())));

        Path dir = Files.createDirectories(Path.of("target/bench"));
        Path csv = dir.resolve("roster-100k.csv");
        StringBuilder b = new StringBuilder("\uFEFF身份证号码,姓名,手机号码,人员类别\r\n");
        roster(n).forEach(r -> b.append(String.join(",", r)).append("\r\n"));
        Files.writeString(csv, b, StandardCharsets.UTF_8);
        Path xlsx = dir.resolve("roster-100k.xlsx");
        try (var out = Files.newOutputStream(xlsx)) {
            Workbook wb = new Workbook(out, "bench", "1.0");
            Worksheet ws = wb.newWorksheet("名册");
            List<String> header = List.of("身份证号码", "姓名", "手机号码", "人员类别");
            for (int c = 0; c < 4; c++) {
                ws.value(0, c, header.get(c));
            }
            int r = 1;
            for (List<String> row : roster(n)) {
                for (int c = 0; c < 4; c++) {
                    ws.value(r, c, row.get(c));
                }
                if (r % 10_000 == 0) {
                    ws.flush();
                }
                r++;
            }
            wb.finish();
        }

        // A warm-up import of 5,000 rows, so both measured runs find the code compiled.
        Path warmUp = dir.resolve("roster-warm-up.csv");
        StringBuilder w = new StringBuilder("身份证号码,姓名,手机号码,人员类别\r\n");
        roster(5_000).forEach(r -> w.append(String.join(",", r)).append("\r\n"));
        Files.writeString(warmUp, w, StandardCharsets.UTF_8);
        run(new ArrayList<>(), "warm-up", staff, warmUpClass, warmUp, 5_000);

        List<String> report = new ArrayList<>();
        report.add("Roster import benchmark, PostgreSQL, %,d rows a file, %d cores, max heap %d MB".formatted(n,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        report.add("CSV  %.1f MB, XLSX %.1f MB".formatted(Files.size(csv) / 1e6, Files.size(xlsx) / 1e6));
        double csvRate = run(report, "CSV ", staff, csvClass, csv, n);
        double xlsxRate = run(report, "XLSX", staff, xlsxClass, xlsx, n);

        // The floor and the peer, on the final rows of the CSV import, dumped to files
        // (COPY's
        // text format) so the harness itself stays within the heap the import is given.
        Map<String, Path> dumped = new LinkedHashMap<>();
        long tableRows = 0;
        try (Connection con = dataSource.getConnection()) {
            var copy = con.unwrap(PGConnection.class).getCopyAPI();
            for (var t : TABLES.entrySet()) {
                Path out = dir.resolve("floor-" + t.getKey() + ".copy");
                try (var stream = Files.newOutputStream(out)) {
                    tableRows += copy.copyOut("COPY (" + t.getValue().formatted(csvClass) + ") TO STDOUT", stream);
                }
                dumped.put(t.getKey(), out);
            }
        }
        delete(csvClass);
        long t0 = System.nanoTime();
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            var copy = con.unwrap(PGConnection.class).getCopyAPI();
            for (var t : dumped.entrySet()) {
                try (InputStream in = Files.newInputStream(t.getValue())) {
                    copy.copyIn("COPY " + t.getKey() + " FROM STDIN", in);
                }
            }
            con.commit();
        }
        double copySeconds = (System.nanoTime() - t0) / 1e9;
        double copyRate = n / copySeconds;
        report.add("COPY floor: %,d table rows for %,d roster rows in %.2f s: %,.0f roster rows/s".formatted(tableRows,
                n, copySeconds, copyRate));

        delete(csvClass);
        t0 = System.nanoTime();
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            for (var t : dumped.entrySet()) {
                try (var lines = Files.newBufferedReader(t.getValue(), StandardCharsets.UTF_8)) {
                    PreparedStatement ps = null;
                    int columns = 0;
                    String line;
                    while ((line = lines.readLine()) != null) {
                        String[] values = line.split("\t", -1);
                        if (ps == null) {
                            columns = values.length;
                            ps = con.prepareStatement(
                                    "insert into " + t.getKey() + " values (" + "?,".repeat(columns - 1) + "?)");
                        }
                        for (int c = 0; c < columns; c++) {
                            ps.setObject(c + 1, values[c].equals("\\N") ? null : values[c], Types.OTHER);
                        }
                        ps.executeUpdate();
                    }
                    if (ps != null) {
                        ps.close();
                    }
                }
            }
            con.commit();
        }
        double peerSeconds = (System.nanoTime() - t0) / 1e9;
        double peerRate = n / peerSeconds;
        report.add("Row-by-row peer (one INSERT a table row, one transaction): %.2f s: %,.0f roster rows/s"
            .formatted(peerSeconds, peerRate));
        report.add("CSV end to end is %.1f× the COPY floor's time and %.1f× the peer's speed"
            .formatted(copyRate / csvRate, csvRate / peerRate));
        report.add("XLSX end to end is %.1f× the COPY floor's time and %.1f× the peer's speed"
            .formatted(copyRate / xlsxRate, xlsxRate / peerRate));
        Files.write(dir.resolve("roster-import.txt"), report);
        report.forEach(System.out::println);
    }

    private double run(List<String> report, String label, CurrentUser staff, long classId, Path file, int n)
            throws Exception {
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
        RosterImport started = RunAs.user(staff, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                return imports.start(classId, file.getFileName().toString(), in, ImportMode.VALID_ROWS, false);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        long accepted = System.nanoTime();
        RosterImport done = started;
        while (!done.status().finished()) {
            Thread.sleep(20);
            done = RunAs.user(staff, () -> imports.get(classId, started.id()));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        running.set(false);
        sampler.join();
        assertThat(done.status()).isEqualTo(ImportStatus.DONE);
        assertThat(done.rowsEnrolled()).isEqualTo(n);
        double rate = n / seconds;
        report.add(
                "%s end to end: %.2f s (upload check %.2f s): %,.0f rows/s; %,d enrolled, %,d registered; live heap peak %d MB over a %d MB baseline"
                    .formatted(label, seconds, (accepted - t0) / 1e9, rate, done.rowsEnrolled(),
                            done.peopleRegistered(), (peak.get() - baseline) / (1024 * 1024),
                            baseline / (1024 * 1024)));
        return rate;
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

    /**
     * In one transaction: a subsidised enrolment's slot and qualification may go only
     * with it (checked at the commit, docs/integrity.md).
     */
    private void delete(long classId) {
        tx.executeWithoutResult(s -> deleteRows(classId));
    }

    private void deleteRows(long classId) {
        jdbc.sql(
                "delete from subsidised_qualification where enrolment_id in (select id from enrolment where class_id = :c)")
            .param("c", classId)
            .update();
        jdbc.sql("delete from subsidy_slot where enrolment_id in (select id from enrolment where class_id = :c)")
            .param("c", classId)
            .update();
        jdbc.sql("delete from person_group where person_id in (select person_id from enrolment where class_id = :c)")
            .param("c", classId)
            .update();
        jdbc.sql("create temporary table if not exists bench_people (id bigint)").update();
        jdbc.sql("delete from bench_people").update();
        jdbc.sql("insert into bench_people select person_id from enrolment where class_id = :c")
            .param("c", classId)
            .update();
        jdbc.sql("delete from enrolment where class_id = :c").param("c", classId).update();
        jdbc.sql("delete from person where id in (select id from bench_people)").update();
    }

}
