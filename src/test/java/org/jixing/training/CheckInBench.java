package org.jixing.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.account.Account;
import org.jixing.account.Accounts;
import org.jixing.account.NewAccount;
import org.jixing.account.OwnAccount;
import org.jixing.person.NewPerson;
import org.jixing.person.People;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.supervision.RiskScans;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.internal.EnrolmentStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Benchmarks, not tests (run by {@code bench/check-in-postgres.sh} and
 * {@code bench/check-in-batch-postgres.sh}) against the running application on
 * PostgreSQL: {@code wrk} with 200 connections over loopback, first
 * {@code GET /api/v1/me} (the cheapest authenticated endpoint: the ceiling), then
 * {@code POST /api/v1/attendance/check-ins} with distinct trainees' tokens, both with a
 * provider terminal's bearer token, figures in {@code target/bench/check-in.txt}; and
 * batches of 1,000 events through {@code POST /api/v1/attendance/check-ins/batch},
 * figures in {@code target/bench/check-in-batch.txt}. Events come from registered
 * terminals with a face result, for sessions open now; the database counts what was
 * stored and accepted.
 */
class CheckInBench extends IntegrationTest implements TrainingFixtures {

    @Autowired
    Accounts accounts;

    @Autowired
    OwnAccount ownAccount;

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    EnrolmentStore enrolmentStore;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    RiskScans riskScans;

    /** A provider with a terminal account and registered terminals, and its classes. */
    record Fixture(long provider, String username, String bearer, List<Long> sessions, List<List<String>> tokens) {
    }

    /**
     * A provider large enough for the classes, with a staff account (the terminal), the
     * given devices registered at the venue, and {@code classes} classes with one session
     * open now, each of {@code perClass} enrolled trainees (tokens, no person rows).
     */
    Fixture fixture(String username, List<String> devices, int classes, int perClass, String tokenPrefix)
            throws Exception {
        ZoneId china = ZoneId.of("Asia/Shanghai");
        String first17 = String.format("913701%011d", System.nanoTime() % 100_000_000_000L);
        JsonNode p = body(postJson("/api/v1/providers", jinan(),
                """
                        {"kind":"PUBLIC_TRAINING_BASE","name":"基准实训基地%s","creditCode":"%s","regionCode":"370100",
                         "address":"基准路 1 号","legalRepresentative":"张三","contactName":"李四","contactPhone":"13800000000",
                         "capacity":%d,"permits":[{"occupationCode":"WELDER","levelCode":"JUNIOR"}]}"""
                    .formatted(tokenPrefix, first17 + UnifiedSocialCreditCode.checkCharacter(first17), perClass))
            .andExpect(status().isCreated()));
        long provider = p.get("id").asLong();
        postJson("/api/v1/providers/" + provider + "/decisions", jinan(),
                """
                        {"verb":"approve","version":%d,"filingNo":"F-BENCH-%s","validFrom":"2025-01-01","validUntil":"2030-12-31"}"""
                    .formatted(p.get("version").asInt(), tokenPrefix))
            .andExpect(status().isOk());
        accounts.create(new NewAccount(username, "基准终端", "staff-password-123", Role.PROVIDER_STAFF, ScopeKind.PROVIDER,
                String.valueOf(provider), "370100"));
        Cookie staff = SignedIn.as(mvc, username, "staff-password-123");
        for (String device : devices) {
            postJson("/api/v1/attendance/terminals", staff, """
                    {"deviceId":"%s","name":"基准终端","venueAddress":"基准路 1 号","venueLat":36.651,"venueLng":117.12}"""
                .formatted(device)).andExpect(status().isCreated());
        }
        long programme = programme("WELDER", "JUNIOR", 1, "L07-1");

        // Classes with one session open now, each full of enrolled trainees.
        LocalDateTime now = LocalDateTime.now(china).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime from = now.minusMinutes(20);
        LocalDateTime until = now.plusHours(3).isAfter(now.toLocalDate().atTime(23, 59))
                ? now.toLocalDate().atTime(23, 59) : now.plusHours(3);
        List<Long> sessions = new ArrayList<>();
        List<List<String>> tokens = new ArrayList<>();
        // The trainees, registered people (the database refuses an enrolment of a person
        // it does not hold); each class of this fixture enrols the same ones.
        List<NewPerson> trainees = new ArrayList<>();
        int base = (tokenPrefix.hashCode() & 0xff) * 100_000;
        for (int t = 0; t < perClass; t++) {
            trainees.add(new NewPerson(EligibilityBench.idNumber(base + t), "基准学员", String.format("199%08d", base + t),
                    "370100"));
        }
        var registered = TrainingHistoryIT.as(Role.PROVINCE_ADMIN, DataScope.province("370000"),
                () -> people.registerAll(trainees));
        List<Long> personIds = trainees.stream().map(n -> registered.ids().get(n.idNumber())).toList();
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
            postJson("/api/v1/classes/" + id + "/decisions", jinan(), """
                    {"verb":"approve","version":%d}""".formatted(applied.get("version").asInt()))
                .andExpect(status().isOk());
            long session = body(
                    mvc.perform(MockMvcRequestBuilders.get("/api/v1/classes/" + id + "/sessions").cookie(jinan())))
                .get(0)
                .get("id")
                .asLong();
            List<EnrolmentStore.NewRow> rows = new ArrayList<>();
            List<String> classTokens = new ArrayList<>();
            for (int t = 0; t < perClass; t++) {
                long person = personIds.get(t);
                String token = "%s%d-%d".formatted(tokenPrefix, id, t);
                rows.add(new EnrolmentStore.NewRow(person, false, null, token, EnrolmentStatus.ENROLLED, null, null,
                        null));
                classTokens.add(token);
            }
            tx.executeWithoutResult(s -> enrolmentStore.insertAll(id, provider, "370100", "L07", now.getYear(),
                    "WELDER", "JUNIOR", rows, "bench", Instant.now()));
            sessions.add(session);
            tokens.add(classTokens);
            if (c % 10 == 0) {
                System.out.println("bench: " + username + " class " + c + " ready");
            }
        }
        Account terminal = accounts.findByUsername(username).orElseThrow();
        String bearer = TrainingHistoryIT.as(
                new CurrentUser(terminal.id(), username, "基准终端", Role.PROVIDER_STAFF,
                        DataScope.of(ScopeKind.PROVIDER, String.valueOf(provider))),
                () -> ownAccount.createToken("bench", 7));
        return new Fixture(provider, username, bearer, sessions, tokens);
    }

    @Test
    void checkInThroughput() throws Exception {
        assumeTrue(System.getProperty("jixing.it.db-url", "").startsWith("jdbc:postgresql:"),
                "the benchmark runs on PostgreSQL");
        int classes = Integer.getInteger("jixing.bench.classes", 30);
        int perClass = Integer.getInteger("jixing.bench.per-class", 5000);
        String duration = System.getProperty("jixing.bench.duration", "30s");
        // wrk's two threads send as the terminals wrk-0 and wrk-1 (bench/check-in.lua).
        Fixture f = fixture("bench-terminal", List.of("wrk-0", "wrk-1"), classes, perClass, "ck");
        List<String> targets = new ArrayList<>();
        for (int c = 0; c < f.sessions().size(); c++) {
            for (String token : f.tokens().get(c)) {
                targets.add(token + " " + f.sessions().get(c));
            }
        }
        Collections.shuffle(targets, new Random(42));
        Path dir = Path.of("target/bench");
        Files.createDirectories(dir);
        // A fifth of the trainees for warming up, the rest for the measured run.
        Path warmUp = dir.resolve("check-in-warm-up.txt");
        Path file = dir.resolve("check-in-targets.txt");
        Files.write(warmUp, targets.subList(0, targets.size() / 5), StandardCharsets.UTF_8);
        Files.write(file, targets.subList(targets.size() / 5, targets.size()), StandardCharsets.UTF_8);

        String url = "http://127.0.0.1:" + port;
        String auth = "Authorization: Bearer " + f.bearer();
        List<String> report = new ArrayList<>();
        report.add(load("before"));
        // Warm both paths up, then measure: the ceiling, then check-ins.
        wrk(List.of("wrk", "-t2", "-c200", "-d20s", "-H", auth, url + "/api/v1/me"));
        wrk(List.of("wrk", "-t2", "-c200", "-d10s", "-H", auth, "-s",
                Path.of("bench/check-in.lua").toAbsolutePath().toString(), url, "--",
                warmUp.toAbsolutePath().toString(), "2", "warm"));
        Result me = wrk(List.of("wrk", "-t2", "-c200", "-d" + duration, "--latency", "-H", auth, url + "/api/v1/me"));
        long before = accepted(f.username());
        long started = System.nanoTime();
        Result checkIns = wrk(List.of("wrk", "-t2", "-c200", "-d" + duration, "--latency", "-H", auth, "-s",
                Path.of("bench/check-in.lua").toAbsolutePath().toString(), url, "--", file.toAbsolutePath().toString(),
                "2", "run"));
        double seconds = (System.nanoTime() - started) / 1e9;
        long acceptedNow = accepted(f.username()) - before;
        long rejected = jdbc.sql("select count(*) from attendance_event where accepted = false and recorded_by = :u")
            .param("u", f.username())
            .query(Long.class)
            .single();
        report.add("GET /api/v1/me (ceiling), 200 connections, %s: %.0f requests/s, p50 %s, p99 %s, non-2xx %d"
            .formatted(duration, me.perSecond(), me.p50(), me.p99(), me.errors()));
        report.add(("POST /api/v1/attendance/check-ins, 200 connections, %s: %.0f requests/s, p50 %s, p99 %s, "
                + "non-2xx %d; %,d accepted in %.1f s = %.0f accepted/s (%,d rejected); %.0f%% of the ceiling")
            .formatted(duration, checkIns.perSecond(), checkIns.p50(), checkIns.p99(), checkIns.errors(), acceptedNow,
                    seconds, acceptedNow / seconds, rejected, 100 * checkIns.perSecond() / me.perSecond()));
        report.add(load("after"));
        Files.write(dir.resolve("check-in.txt"), report);
        report.forEach(System.out::println);
        assertThat(acceptedNow).as("check-ins were accepted").isPositive();
        assertThat(rejected).as("no check-in was rejected").isZero();
    }

    /**
     * Batches of 1,000 events as face terminals upload them: every trainee of
     * {@code jixing.bench.batch-classes} classes checks in, then out, each batch the
     * 1,000 next trainees of a class with unique client keys, so every event is judged in
     * full and stored. {@code jixing.bench.batch-uploads} terminals upload at once (HTTP
     * over loopback with a bearer token); a class's worth of batches warms up first.
     * Counts the events stored in the database per second of the measured run, and each
     * batch's time.
     */
    @Test
    void batchThroughput() throws Exception {
        assumeTrue(System.getProperty("jixing.it.db-url", "").startsWith("jdbc:postgresql:"),
                "the benchmark runs on PostgreSQL");
        int classes = Integer.getInteger("jixing.bench.batch-classes", 21);
        int perClass = Integer.getInteger("jixing.bench.per-class", 5000);
        int uploads = Integer.getInteger("jixing.bench.batch-uploads", 4);
        int size = 1000;
        Fixture f = fixture("bench-batch", List.of("face-1"), classes, perClass, "cb");
        String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<byte[]> warm = new ArrayList<>();
        List<byte[]> run = new ArrayList<>();
        for (String kind : List.of("CHECK_IN", "CHECK_OUT")) {
            for (int c = 0; c < f.sessions().size(); c++) {
                List<String> tokens = f.tokens().get(c);
                for (int from = 0; from < tokens.size(); from += size) {
                    StringBuilder body = new StringBuilder(size * 260).append("{\"events\":[");
                    for (int t = from; t < Math.min(from + size, tokens.size()); t++) {
                        if (t > from) {
                            body.append(',');
                        }
                        body.append("""
                                {"clientKey":"b-%s-%s","sessionId":%d,"token":"%s","kind":"%s","time":"%s",\
                                "deviceId":"face-1","latitude":36.651,"longitude":117.12,"faceScore":0.95}"""
                            .formatted(kind, tokens.get(t), f.sessions().get(c), tokens.get(t), kind, time));
                    }
                    (c == 0 ? warm : run).add(body.append("]}").toString().getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        String url = "http://127.0.0.1:" + port + "/api/v1/attendance/check-ins/batch";
        List<String> report = new ArrayList<>();
        report.add(load("before"));
        upload(url, f.bearer(), warm, uploads);
        long before = stored(f.username());
        long started = System.nanoTime();
        List<Long> millis = upload(url, f.bearer(), run, uploads);
        double seconds = (System.nanoTime() - started) / 1e9;
        long stored = stored(f.username()) - before;
        long accepted = jdbc.sql("select count(*) from attendance_event where accepted = true and recorded_by = :u")
            .param("u", f.username())
            .query(Long.class)
            .single();
        Collections.sort(millis);
        report.add(("POST /api/v1/attendance/check-ins/batch, %d batches of %,d events, %d uploads at a time: "
                + "%,d events stored in %.1f s = %,.0f events/s judged and stored; a batch p50 %d ms, p99 %d ms, "
                + "max %d ms; %,d of %,d events accepted in all")
            .formatted(run.size(), size, uploads, stored, seconds, stored / seconds, millis.get(millis.size() / 2),
                    millis.get((int) Math.min(millis.size() - 1, Math.ceil(millis.size() * 0.99) - 1)),
                    millis.get(millis.size() - 1), accepted, (long) (warm.size() + run.size()) * size));
        report.add(load("after"));
        Path dir = Path.of("target/bench");
        Files.createDirectories(dir);
        Files.write(dir.resolve("check-in-batch.txt"), report);
        report.forEach(System.out::println);
        assertThat(stored).as("every event of the measured run was stored").isEqualTo((long) run.size() * size);
        assertThat(accepted).as("every event was accepted").isEqualTo((long) (warm.size() + run.size()) * size);
    }

    /**
     * What the supervision rules that run on arriving check-ins add to a check-in: the
     * same single check-ins (distinct trainees, sessions open now, a registered terminal)
     * sent at a steady rate ({@code jixing.bench.rate} a second, default 100, from two
     * senders) in alternating phases with the incremental rules switched off and on (off,
     * on, off, on; {@code jixing.bench.phase} check-ins each, default 4,000), after a
     * warm-up with them on. Each phase's latency percentiles, and after each "on" phase
     * the runs still waiting for the supervision thread and how long it took to catch up.
     * Figures in {@code target/bench/check-in-rules.txt}.
     */
    @Test
    void checkInCostOfRules() throws Exception {
        assumeTrue(System.getProperty("jixing.it.db-url", "").startsWith("jdbc:postgresql:"),
                "the benchmark runs on PostgreSQL");
        int rate = Integer.getInteger("jixing.bench.rate", 100);
        int joined = Integer.getInteger("jixing.bench.joined", 500);
        ReflectionTestUtils.setField(riskScans, "joined", joined);
        int phase = Integer.getInteger("jixing.bench.phase", 4000);
        int warm = phase / 2;
        int perClass = 2500;
        int classes = (warm + 4 * phase + perClass - 1) / perClass;
        Fixture f = fixture("bench-rules", List.of("rules-0", "rules-1"), classes, perClass, "cr");
        List<String[]> targets = new ArrayList<>();
        for (int c = 0; c < f.sessions().size(); c++) {
            for (String token : f.tokens().get(c)) {
                targets.add(new String[] { token, String.valueOf(f.sessions().get(c)) });
            }
        }
        Collections.shuffle(targets, new Random(18));
        String url = "http://127.0.0.1:" + port + "/api/v1/attendance/check-ins";
        List<String> report = new ArrayList<>();
        report
            .add("check-ins at %d/s from 2 senders, %,d a phase, %d classes of %,d trainees; up to %d waiting windows "
                .formatted(rate, phase, classes, perClass, joined) + "joined into one run of the rules");
        report.add(load("before"));
        var next = new AtomicInteger();
        ReflectionTestUtils.setField(riskScans, "incremental", true);
        send(url, f.bearer(), targets, next, warm, rate);
        drain(report, "warm-up");
        for (String name : List.of("off", "on", "off", "on")) {
            boolean on = name.equals("on");
            ReflectionTestUtils.setField(riskScans, "incremental", on);
            long alertsBefore = jdbc.sql("select count(*) from risk_alert").query(Long.class).single();
            long[] nanos = send(url, f.bearer(), targets, next, phase, rate);
            Arrays.sort(nanos);
            report.add("rules %-3s: p50 %s, p90 %s, p99 %s, p99.9 %s, max %s".formatted(name, ms(nanos, 0.5),
                    ms(nanos, 0.9), ms(nanos, 0.99), ms(nanos, 0.999), ms(nanos, 1.0)));
            if (on) {
                drain(report, "rules on");
                report.add("  new alerts in this phase: %d"
                    .formatted(jdbc.sql("select count(*) from risk_alert").query(Long.class).single() - alertsBefore));
            }
        }
        ReflectionTestUtils.setField(riskScans, "incremental", true);
        report.add(load("after"));
        Path dir = Path.of("target/bench");
        Files.createDirectories(dir);
        Files.write(dir.resolve("check-in-rules.txt"), report);
        report.forEach(System.out::println);
        assertThat(accepted(f.username())).as("every check-in was accepted").isEqualTo(warm + 4L * phase);
    }

    /**
     * After a phase with the rules on: what waited, and how long the thread took to catch
     * up.
     */
    private void drain(List<String> report, String phase) throws InterruptedException {
        int waiting = riskScans.backlog();
        long t0 = System.nanoTime();
        while (riskScans.backlog() > 0) {
            Thread.sleep(20);
        }
        report.add("  %s: %,d runs waiting for the supervision thread at the end, caught up %.1f s later"
            .formatted(phase, waiting, (System.nanoTime() - t0) / 1e9));
    }

    /**
     * Sends {@code count} check-ins from {@code targets} (from {@code next} on) at
     * {@code rate} a second from two senders; each one's time in nanoseconds.
     */
    static long[] send(String url, String bearer, List<String[]> targets, AtomicInteger next, int count, int rate)
            throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] nanos = new long[count];
        var sent = new AtomicInteger();
        long interval = 2_000_000_000L / rate;
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                int sender = s;
                done.add(pool.submit(() -> {
                    Random random = new Random(sender);
                    long due = System.nanoTime() + sender * interval / 2;
                    for (int i = sent.getAndIncrement(); i < count; i = sent.getAndIncrement()) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        due += interval;
                        String[] t = targets.get(next.getAndIncrement());
                        String body = ("{\"token\":\"%s\",\"sessionId\":%s,\"kind\":\"CHECK_IN\",\"time\":\"%s\","
                                + "\"latitude\":36.651,\"longitude\":117.12,\"deviceId\":\"rules-%d\","
                                + "\"faceScore\":%.3f,\"clientKey\":\"rules-%s\"}")
                            .formatted(t[0], t[1], Instant.now().truncatedTo(ChronoUnit.SECONDS), sender,
                                    0.8 + random.nextDouble() * 0.19, t[0]);
                        long t0 = System.nanoTime();
                        var response = client.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + bearer)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.ofString());
                        nanos[i] = System.nanoTime() - t0;
                        if (response.statusCode() / 100 != 2) {
                            throw new IllegalStateException(response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (var d : done) {
                d.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        return nanos;
    }

    static String ms(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1));
        return "%.2f ms".formatted(sorted[i] / 1e6);
    }

    /**
     * Posts the bodies, {@code parallel} at a time; each batch's time in milliseconds.
     */
    static List<Long> upload(String url, String bearer, List<byte[]> bodies, int parallel) throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var next = new AtomicInteger();
        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        var pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int u = 0; u < parallel; u++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        var response = client.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + bearer)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)))
                            .build(), HttpResponse.BodyHandlers.ofString());
                        millis.add((System.nanoTime() - t0) / 1_000_000);
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (var d : done) {
                d.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        return millis;
    }

    long stored(String username) {
        return jdbc.sql("select count(*) from attendance_event where recorded_by = :u")
            .param("u", username)
            .query(Long.class)
            .single();
    }

    /**
     * The machine's load average and the other busy PostgreSQL sessions: this machine is
     * shared.
     */
    String load(String when) {
        String average;
        try {
            average = Files.readString(Path.of("/proc/loadavg")).strip();
        }
        catch (IOException ex) {
            average = "?";
        }
        long busy = jdbc.sql("select count(*) from pg_stat_activity where state = 'active' and pid <> pg_backend_pid()")
            .query(Long.class)
            .single();
        return "load %s: %s; other active PostgreSQL sessions: %d".formatted(when, average, busy);
    }

    long accepted(String username) {
        return jdbc.sql("select count(*) from attendance_event where accepted = true and recorded_by = :u")
            .param("u", username)
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
