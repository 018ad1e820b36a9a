package org.jixing.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jixing.account.Account;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.internal.EnrolmentStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.servlet.http.Cookie;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark, not a test (run by {@code bench/check-in-postgres.sh}): {@code wrk} with 200
 * connections over loopback against the running application on PostgreSQL, first
 * {@code GET /api/v1/me} (the cheapest authenticated endpoint: the ceiling), then
 * {@code POST /api/v1/attendance/check-ins} with distinct trainees' tokens, both with a
 * provider terminal's bearer token. Counts the accepted check-ins in the database and
 * writes the figures to {@code target/bench/check-in.txt}.
 */
class CheckInBench extends TrainingTestBase {

    @LocalServerPort
    int port;

    @Autowired
    EnrolmentStore enrolmentStore;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void checkInThroughput() throws Exception {
        assumeTrue(System.getProperty("jixing.it.db-url", "").startsWith("jdbc:postgresql:"),
                "the benchmark runs on PostgreSQL");
        int classes = Integer.getInteger("jixing.bench.classes", 30);
        int perClass = Integer.getInteger("jixing.bench.per-class", 5000);
        String duration = System.getProperty("jixing.bench.duration", "30s");
        ZoneId china = ZoneId.of("Asia/Shanghai");

        // A provider large enough for the classes, with a teacher per class.
        String first17 = String.format("913701%011d", System.nanoTime() % 100_000_000_000L);
        JsonNode p = body(postJson("/api/v1/providers", jinan,
                """
                        {"kind":"PUBLIC_TRAINING_BASE","name":"基准实训基地","creditCode":"%s","regionCode":"370100",
                         "address":"基准路 1 号","legalRepresentative":"张三","contactName":"李四","contactPhone":"13800000000",
                         "capacity":%d,"permits":[{"occupationCode":"WELDER","levelCode":"JUNIOR"}]}"""
                    .formatted(first17 + UnifiedSocialCreditCode.checkCharacter(first17), perClass))
            .andExpect(status().isCreated()));
        long provider = p.get("id").asLong();
        postJson("/api/v1/providers/" + provider + "/decisions", jinan,
                """
                        {"verb":"approve","version":%d,"filingNo":"F-BENCH","validFrom":"2025-01-01","validUntil":"2030-12-31"}"""
                    .formatted(p.get("version").asInt()))
            .andExpect(status().isOk());
        accounts.create(new org.jixing.account.NewAccount("bench-terminal", "基准终端", "staff-password-123",
                Role.PROVIDER_STAFF, ScopeKind.PROVIDER, String.valueOf(provider), "370100"));
        Cookie staff = org.jixing.SignedIn.as(mvc, "bench-terminal", "staff-password-123");
        long programme = programme("WELDER", "JUNIOR", 1, "L07-1");

        // Classes with one session open now, each full of enrolled trainees.
        LocalDateTime now = LocalDateTime.now(china).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime from = now.minusMinutes(20);
        LocalDateTime until = now.plusHours(3).isAfter(now.toLocalDate().atTime(23, 59))
                ? now.toLocalDate().atTime(23, 59) : now.plusHours(3);
        List<String> targets = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            long teacher = body(postJson("/api/v1/teachers", staff, """
                    {"name":"基准教师","qualificationNo":"BENCH-%d-%d"}""".formatted(provider, c))
                .andExpect(status().isOk())).get("id").asLong();
            JsonNode applied = body(postJson("/api/v1/classes", staff,
                    """
                            {"programmeId":%d,"classType":"REGULAR","subsidised":true,"venueAddress":"基准路 1 号",
                             "venueLat":36.651,"venueLng":117.12,"startDate":"%s","endDate":"%s","capacity":%d,
                             "sessions":[{"startsAt":"%s","endsAt":"%s","teacherId":%d}]}""".formatted(programme,
                            now.toLocalDate(), now.toLocalDate(), perClass, from, until, teacher))
                .andExpect(status().isCreated()));
            long id = applied.get("id").asLong();
            postJson("/api/v1/classes/" + id + "/decisions", jinan, """
                    {"verb":"approve","version":%d}""".formatted(applied.get("version").asInt()))
                .andExpect(status().isOk());
            long session = body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/classes/" + id + "/sessions")
                .cookie(jinan))).get(0).get("id").asLong();
            List<EnrolmentStore.NewRow> rows = new ArrayList<>();
            for (int t = 0; t < perClass; t++) {
                long person = 10_000_000L + (long) c * perClass + t;
                String token = "ck%d%d".formatted(id, t);
                rows.add(new EnrolmentStore.NewRow(person, false, null, token, EnrolmentStatus.ENROLLED, null, null,
                        null));
                targets.add(token + " " + session);
            }
            int cls = c;
            tx.executeWithoutResult(s -> enrolmentStore.insertAll(id, provider, "370100", "L07", now.getYear(),
                    "WELDER", "JUNIOR", rows, "bench", java.time.Instant.now()));
            if (cls % 10 == 0) {
                System.out.println("bench: class " + cls + " ready");
            }
        }
        java.util.Collections.shuffle(targets, new java.util.Random(42));
        Path dir = Path.of("target/bench");
        Files.createDirectories(dir);
        // A fifth of the trainees for warming up, the rest for the measured run.
        Path warmUp = dir.resolve("check-in-warm-up.txt");
        Path file = dir.resolve("check-in-targets.txt");
        Files.write(warmUp, targets.subList(0, targets.size() / 5), StandardCharsets.UTF_8);
        Files.write(file, targets.subList(targets.size() / 5, targets.size()), StandardCharsets.UTF_8);

        // The terminal's bearer token.
        Account terminal = accounts.findByUsername("bench-terminal").orElseThrow();
        String token = TrainingHistoryIT.as(
                new CurrentUser(terminal.id(), "bench-terminal", "基准终端", Role.PROVIDER_STAFF,
                        DataScope.of(ScopeKind.PROVIDER, String.valueOf(provider))),
                () -> accounts.createToken("bench", 7));

        String url = "http://127.0.0.1:" + port;
        String auth = "Authorization: Bearer " + token;
        List<String> report = new ArrayList<>();
        // Warm both paths up, then measure: the ceiling, then check-ins.
        wrk(List.of("wrk", "-t2", "-c200", "-d20s", "-H", auth, url + "/api/v1/me"));
        wrk(List.of("wrk", "-t2", "-c200", "-d10s", "-H", auth, "-s",
                Path.of("bench/check-in.lua").toAbsolutePath().toString(), url, "--",
                warmUp.toAbsolutePath().toString(), "2", "warm"));
        Result me = wrk(List.of("wrk", "-t2", "-c200", "-d" + duration, "--latency", "-H", auth, url + "/api/v1/me"));
        long before = accepted();
        long started = System.nanoTime();
        Result checkIns = wrk(List.of("wrk", "-t2", "-c200", "-d" + duration, "--latency", "-H", auth, "-s",
                Path.of("bench/check-in.lua").toAbsolutePath().toString(), url, "--", file.toAbsolutePath().toString(),
                "2", "run"));
        double seconds = (System.nanoTime() - started) / 1e9;
        long acceptedNow = accepted() - before;
        long rejected = jdbc
            .sql("select count(*) from attendance_event where accepted = false and recorded_by = " + "'bench-terminal'")
            .query(Long.class)
            .single();
        report.add("GET /api/v1/me (ceiling), 200 connections, %s: %.0f requests/s, p50 %s, p99 %s, non-2xx %d"
            .formatted(duration, me.perSecond(), me.p50(), me.p99(), me.errors()));
        report.add(("POST /api/v1/attendance/check-ins, 200 connections, %s: %.0f requests/s, p50 %s, p99 %s, "
                + "non-2xx %d; %,d accepted in %.1f s = %.0f accepted/s (%,d rejected); %.0f%% of the ceiling")
            .formatted(duration, checkIns.perSecond(), checkIns.p50(), checkIns.p99(), checkIns.errors(), acceptedNow,
                    seconds, acceptedNow / seconds, rejected, 100 * checkIns.perSecond() / me.perSecond()));
        Files.write(dir.resolve("check-in.txt"), report);
        report.forEach(System.out::println);
        assertThat(acceptedNow).as("check-ins were accepted").isPositive();
    }

    long accepted() {
        return jdbc
            .sql("select count(*) from attendance_event where accepted = true and recorded_by = 'bench-terminal'")
            .query(Long.class)
            .single();
    }

    record Result(double perSecond, String p50, String p99, long errors, String raw) {
    }

    static Result wrk(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        System.out.println(String.join(" ", command).replaceAll("Bearer \\S+", "Bearer ***") + "\n" + out);
        double rate = number(out, "Requests/sec:\\s+([\\d.]+)");
        long errors = (long) number(out, "Non-2xx or 3xx responses:\\s+(\\d+)");
        return new Result(rate, text(out, "\\s50%\\s+(\\S+)"), text(out, "\\s99%\\s+(\\S+)"), errors, out);
    }

    static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static String text(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? m.group(1) : "?";
    }

}
