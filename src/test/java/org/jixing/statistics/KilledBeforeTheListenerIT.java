package org.jixing.statistics;

import static org.jixing.TestIdNumbers.adultIdNumber;
import org.jixing.IntegrationTest;
import org.jixing.account.Accounts;
import org.jixing.account.OwnAccount;
import org.jixing.training.TrainingFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jixing.ApplicationProcess;
import org.jixing.account.Account;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.ClassWalk;
import org.jixing.training.TrainingCompleted;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 22's kill test: the process is killed with SIGKILL after a class's completion
 * committed and while the statistics listener is still counting it. The next start, with
 * the start-up reconciliation switched off, counts the completions all the same: the
 * completion and the promise to count it (the event publication) committed together, and
 * the start resubmits every incomplete publication. Without the registry, or without the
 * resubmission, the counted completions would stay at nought and the test fails.
 *
 * <p>
 * The application runs in a process of its own on the same PostgreSQL schema as the test
 * (H2 in memory cannot be shared with another process). The listener is held at its first
 * write by a table lock the test takes, so the kill lands exactly between the commit and
 * the listener's commit; the lock goes with the kill.
 */
class KilledBeforeTheListenerIT extends IntegrationTest implements TrainingFixtures {

    @Autowired
    Accounts accounts;

    @Autowired
    OwnAccount ownAccount;

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static final Duration START_PATIENCE = Duration.ofMinutes(4);

    @Autowired
    DataSource dataSource;

    @Autowired
    Flyway flyway;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClassWalk classWalk;

    boolean postgres() throws Exception {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getURL().startsWith("jdbc:postgresql:");
        }
    }

    @Test
    void aCompletionKilledBeforeItsListenerCommittedIsCountedAfterTheRestartWithoutReconciliation() throws Exception {
        Assumptions.assumeTrue(postgres(), "another process cannot share the embedded in-memory H2 database");

        // A running class of three whose only session is three weeks past: the test's
        // clock
        // goes back for the opening, so that the real clock of the other process finds
        // the
        // class ready to complete.
        clock.moveTo(Instant.now().minus(Duration.ofDays(30)));
        LocalDate from = LocalDate.now(clock.withZone(CHINA)).plusDays(10);
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        Provider p = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        long classId = approvedClass(programme, p, 1, 9, from);
        List<Long> roster = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            roster.add(body(postJson("/api/v1/classes/" + classId + "/enrolments", p.staff(), """
                    {"idNumber":"%s","name":"学员","phone":"13900002222"}""".formatted(adultIdNumber()))).get("id")
                .asLong());
        }
        classWalk.pastSession(classId, 1);
        long session = classWalk.session(classId, 1).id();
        for (long e : roster) {
            postJson("/api/v1/classes/" + classId + "/sessions/" + session + "/attendance/corrections", p.staff(), """
                    {"enrolmentId":%d,"present":true,"reason":"终端故障，教师点名确认到课"}""".formatted(e))
                .andExpect(status().isOk());
        }
        start(classId, p.staff());
        clock.reset();
        int version = version(classId, p.staff());
        String bearer = bearerOf("staff-" + p.id(), p.id());

        long completionsBefore = completions();
        Map<String, String> properties = childProperties();
        Path log = Path.of("target", "kill-test", "application-" + classId + ".log");
        String table = flyway.getConfiguration().getSchemas()[0] + ".progress_counted_completion";

        // The listener's first write waits for this lock; the kill comes while it waits.
        try (Connection lock = asOwnerConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table " + table + " in share mode");
            try (ApplicationProcess first = ApplicationProcess.start(properties, log, START_PATIENCE)) {
                HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(HttpRequest
                        .newBuilder(URI.create(first.baseUrl() + "/api/v1/classes/" + classId + "/completion"))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"version":%d,"failedAssessment":[]}""".formatted(version)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                // The completion committed; the listener is now blocked inside its
                // transaction.
                assertThat(eventually(Duration.ofSeconds(60), () -> waitingOn(table) > 0))
                    .as("the listener reached its first write:\n" + first.tail())
                    .isTrue();
                first.kill();
            }
            lock.rollback();
        }
        assertThat(enrolmentsCompleted(classId)).isEqualTo(3);
        assertThat(countedOf(roster)).isZero();
        assertThat(completions()).isEqualTo(completionsBefore);
        assertThat(incompletePublicationsOf(roster)).isEqualTo(3);

        // The restart resubmits the incomplete publications; nothing recounts.
        try (ApplicationProcess second = ApplicationProcess.start(properties, log, START_PATIENCE)) {
            assertThat(eventually(Duration.ofSeconds(90), () -> countedOf(roster) == 3))
                .as("the restarted process counted the completions:\n" + second.tail())
                .isTrue();
            assertThat(eventually(Duration.ofSeconds(30), () -> incompletePublicationsOf(roster) == 0)).isTrue();
        }
        assertThat(completions()).isEqualTo(completionsBefore + 3);
        // Nothing recounted at either start: the figures came from the resubmitted
        // events
        // alone.
        assertThat(log).content().doesNotContain("progress reconciled (start)");
    }

    /**
     * What the other process needs to be this one on the same schema: no demo, no recount
     * at start.
     */
    Map<String, String> childProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        for (String name : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.flyway.schemas", "spring.flyway.user", "spring.flyway.password",
                "jixing.personal-data.encryption-key", "jixing.personal-data.index-key",
                "jixing.accounts.second-factor-key", "jixing.certification.key-file", "jixing.certification.public-url",
                "jixing.imports.directory")) {
            String value = environment.getProperty(name);
            if (value != null && !value.isBlank()) {
                p.put(name, value);
            }
        }
        p.put("jixing.demo.seed", "false");
        p.put("jixing.statistics.reconcile-at-start", "false");
        p.put("jixing.audit.checkpoint.interval", "PT24H");
        p.put("jixing.audit.checkpoint.file", "target/kill-test/audit-checkpoints.log");
        p.put("jixing.audit.checkpoint.key-file", "target/kill-test/audit-checkpoint.keys");
        p.put("logging.level.root", "warn");
        p.put("logging.level.org.jixing", "info");
        return p;
    }

    /** A bearer token of the provider's staff account, valid for a day. */
    String bearerOf(String username, long provider) {
        Account staff = accounts.findByUsername(username).orElseThrow();
        return RunAs.user(
                new CurrentUser(staff.id(), username, "员工", Role.PROVIDER_STAFF,
                        DataScope.of(ScopeKind.PROVIDER, String.valueOf(provider))),
                () -> ownAccount.createToken("kill-test", 1));
    }

    Connection asOwnerConnection() throws Exception {
        return flyway.getConfiguration().getDataSource().getConnection();
    }

    long waitingOn(String table) {
        return jdbc.sql("select count(*) from pg_locks where not granted and relation = to_regclass(:t)")
            .param("t", table)
            .query(Long.class)
            .single();
    }

    long completions() {
        return jdbc.sql("select coalesce(sum(completions), 0) from progress_rollup").query(Long.class).single();
    }

    long enrolmentsCompleted(long classId) {
        return jdbc.sql("select count(*) from enrolment where class_id = :c and status = 'COMPLETED'")
            .param("c", classId)
            .query(Long.class)
            .single();
    }

    long countedOf(List<Long> enrolments) {
        return jdbc.sql("select count(*) from progress_counted_completion where enrolment_id in (:e)")
            .param("e", enrolments)
            .query(Long.class)
            .single();
    }

    /**
     * The statistics listener's incomplete publications of these enrolments' completions
     * (employment listens to the same events and finishes on its own).
     */
    long incompletePublicationsOf(List<Long> enrolments) {
        long n = 0;
        for (long e : enrolments) {
            n += jdbc
                .sql("select count(*) from event_publication where completion_date is null and event_type = :t "
                        + "and serialized_event like :e and listener_id like :l")
                .param("t", TrainingCompleted.class.getName())
                .param("l", Progress.class.getName() + ".%")
                .param("e", "%\"enrolmentId\":" + e + ",%")
                .query(Long.class)
                .single();
        }
        return n;
    }

    static boolean eventually(Duration patience, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }

}
