package org.jixing.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jixing.RunningAs.asAdmin;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jixing.IntegrationTest;
import org.jixing.supervision.Alerts.Raised;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two runs raising the same rule on the same subject at once: the second insert meets the
 * first on the live alert's unique key, waits for it to commit and merges into it; both
 * succeed and one alert holds both hits' records.
 */
class AlertRaceIT extends IntegrationTest {

    @Test
    void twoRaisesOfTheSameRuleAndSubjectAtOnceMergeIntoOneAlert() throws Exception {
        Alerts alerts = bean(Alerts.class);
        JdbcClient jdbc = bean(JdbcClient.class);
        RuleVersion v = asAdmin(() -> bean(RiskRules.class).get("TWO_PLACES").inForce());
        long person = 900_000_000L + ThreadLocalRandom.current().nextLong(100_000_000L);
        Hit first = hit(person, person + 1, "济南");
        Hit second = hit(person, person + 2, "青岛");

        CountDownLatch firstInserted = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            TransactionTemplate tx = new TransactionTemplate(bean(PlatformTransactionManager.class));
            // The first raise inserts its alert and holds its transaction open until the
            // second one waits on the unique key, then commits.
            CompletableFuture<Raised> a = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
                Raised r = alerts.raise(v, first);
                firstInserted.countDown();
                awaitABlockedSession(jdbc);
                return r;
            }), threads);
            assertThat(firstInserted.await(60, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Raised> b = CompletableFuture.supplyAsync(() -> alerts.raise(v, second), threads);

            assertThat(List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS))).containsExactly(Raised.NEW,
                    Raised.MERGED);
            assertThat(blockedSeen).as("the second insert waited on the first's key").isTrue();
        }
        finally {
            threads.shutdownNow();
        }

        List<Long> ids = jdbc
            .sql("select id from risk_alert where rule_code = 'TWO_PLACES' and subject_kind = 'PERSON' "
                    + "and subject_id = :s")
            .param("s", person)
            .query(Long.class)
            .list();
        assertThat(ids).hasSize(1);
        Alert alert = asAdmin(() -> alerts.get(ids.get(0)));
        assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(alert.hits()).isEqualTo(2);
        assertThat(alert.alertNo()).isEqualTo(String.format("YJ%08d", alert.id()));
        assertThat(alert.targets()).contains(new Hit.Target(SubjectKind.ENROLMENT, person + 1),
                new Hit.Target(SubjectKind.ENROLMENT, person + 2));
        assertThat(alert.evidence().toString()).contains("青岛");
    }

    private volatile boolean blockedSeen;

    /**
     * Waits (at most half a minute) until another session is inside its insert of an
     * alert: the second raise, which found no live alert and now meets the first's
     * uncommitted key.
     */
    private void awaitABlockedSession(JdbcClient jdbc) {
        String sql = postgres()
                ? "select count(*) from pg_stat_activity where state = 'active' and wait_event_type = 'Lock' "
                        + "and lower(query) like 'insert into risk_alert %' and pid <> pg_backend_pid()"
                : "select count(*) from information_schema.sessions where session_id <> session_id() "
                        + "and lower(executing_statement) like 'insert into risk_alert %'";
        boolean postgres = postgres();
        for (int i = 0; i < 600; i++) {
            if (postgres) {
                // PostgreSQL keeps one picture of the sessions per transaction: a new
                // one.
                jdbc.sql("select pg_stat_clear_snapshot()").query((rs, n) -> 0).list();
            }
            if (jdbc.sql(sql).query(Long.class).single() > 0) {
                blockedSeen = true;
                return;
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean postgres() {
        try (Connection c = bean(DataSource.class).getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Hit hit(long person, long enrolment, String city) {
        return new Hit(SubjectKind.PERSON, person, "370***" + person % 1000, "370102", null, null, null, 60,
                Map.of("city", city, "enrolment", enrolment),
                List.of(new Hit.Target(SubjectKind.ENROLMENT, enrolment)));
    }

}
