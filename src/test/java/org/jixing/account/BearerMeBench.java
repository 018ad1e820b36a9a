package org.jixing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jixing.IntegrationTest;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/v1/me} with a bearer token on PostgreSQL, 200 connections of wrk over
 * loopback after a warm-up: what authenticating a bearer request costs. Run by
 * bench/bearer-me-postgres.sh twice, with the bearer cache off
 * ({@code jixing.accounts.bearer-cache-ttl=PT0S}, a database round trip per request, as
 * before the cache) and on (the default), side by side in target/bench/bearer-me.txt.
 */
class BearerMeBench extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnAccount ownAccount;

    @Value("${jixing.accounts.bearer-cache-ttl:PT5S}")
    String ttl;

    @Test
    void bearerRequestsPerSecond() throws Exception {
        assumeTrue(System.getProperty("jixing.it.db-url", "").startsWith("jdbc:postgresql:"),
                "the benchmark runs on PostgreSQL");
        String duration = System.getProperty("jixing.bench.duration", "20s");
        Account provider = accounts.findByUsername("provider").orElseThrow();
        String token = RunAs.user(
                new CurrentUser(provider.id(), provider.username(), provider.displayName(), provider.role(),
                        DataScope.of(provider.scopeKind(), provider.scopeRef())),
                () -> ownAccount.createToken("bench", 1));
        String url = "http://127.0.0.1:" + port + "/api/v1/me";
        String auth = "Authorization: Bearer " + token;
        wrk(List.of("wrk", "-t2", "-c200", "-d10s", "-H", auth, url));
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        // The application's own CPU time per request, which a busy machine changes less
        // than
        // the rate (PostgreSQL's share is not in it).
        long cpuBefore = cpuNanos();
        String out = wrk(List.of("wrk", "-t2", "-c200", "-d" + duration, "--latency", "-H", auth, url));
        long cpu = cpuNanos() - cpuBefore;
        double rate = number(out, "Requests/sec:\\s+([\\d.]+)");
        double requests = number(out, "(\\d+) requests in");
        String line = ("GET /api/v1/me, bearer cache ttl %s, 200 connections, %s: %.0f requests/s, p50 %s, p99 %s, "
                + "non-2xx %d, application CPU %.0f µs/request (load before: %s)")
            .formatted(ttl, duration, rate, text(out, "\\s50%\\s+(\\S+)"), text(out, "\\s99%\\s+(\\S+)"),
                    (long) number(out, "Non-2xx or 3xx responses:\\s+(\\d+)"), cpu / 1e3 / Math.max(1, requests), load);
        Path dir = Path.of("target/bench");
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>(Files.exists(dir.resolve("bearer-me.txt"))
                ? Files.readAllLines(dir.resolve("bearer-me.txt")) : List.of());
        lines.add(line);
        Files.write(dir.resolve("bearer-me.txt"), lines);
        System.out.println(line);
        assertThat(rate).isPositive();
    }

    static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    static String wrk(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        System.out.println(String.join(" ", command).replaceAll("Bearer \\S+", "Bearer ***") + "\n" + out);
        return out;
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
