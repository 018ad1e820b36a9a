package org.jixing.shared.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one throttling mechanism: token buckets kept in the database (table
 * {@code throttle_bucket}), so every application node draws from the same bucket. A
 * bucket is named by its use and the caller ({@code sign-in-pair:admin@10.0.0.1},
 * {@code eligibility-check:42}); its shape comes from the use's policy, which settings
 * may override ({@link ThrottleProperties}).
 * <p>
 * Taking a token is one conditional {@code UPDATE} (the row lock settles concurrent
 * takers on H2 and PostgreSQL alike); a missing bucket is created full. Each take runs in
 * its own short transaction, so a refusal or a rollback of the caller's work does not
 * give the token back, and a caller's long transaction does not hold the row.
 */
@Component
@EnableConfigurationProperties(ThrottleProperties.class)
public class Throttle {

    /** Buckets untouched this long are full under any sensible policy and are deleted. */
    static final Duration IDLE = Duration.ofDays(1);

    private final JdbcClient jdbc;

    private final TransactionTemplate tx;

    private final Clock clock;

    private final ThrottleProperties properties;

    public Throttle(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
            ThrottleProperties properties) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * The policy of a use: the settings' values where given, the caller's defaults
     * otherwise.
     */
    public ThrottlePolicy policy(String use, ThrottlePolicy defaults) {
        ThrottleProperties.Policy p = properties.getPolicies().get(use);
        if (p == null) {
            return defaults;
        }
        return new ThrottlePolicy(p.getCapacity() == null ? defaults.capacity() : p.getCapacity(),
                p.getRefillEvery() == null ? defaults.refillEvery() : p.getRefillEvery());
    }

    /** Takes one token from the bucket {@code key}, or says how long to wait. */
    public ThrottleDecision take(String key, ThrottlePolicy policy) {
        if (key.length() > 200) {
            throw new IllegalArgumentException("bucket key too long");
        }
        for (int attempt = 0;; attempt++) {
            try {
                return tx.execute(s -> takeOnce(key, policy));
            }
            catch (DuplicateKeyException ex) {
                // Another node created the bucket a moment ago: take from it.
                if (attempt > 0) {
                    throw ex;
                }
            }
        }
    }

    /** Takes a token or throws {@link ThrottledException} naming the use. */
    public void require(String use, String key, ThrottlePolicy policy) {
        ThrottleDecision d = take(key, policy);
        if (!d.allowed()) {
            throw new ThrottledException(use, d.retryAfterSeconds());
        }
    }

    /** Fills the bucket again (forgets it), e.g. after a successful sign-in. */
    public void reset(String key) {
        tx.executeWithoutResult(
                s -> jdbc.sql("delete from throttle_bucket where bucket_key = :k").param("k", key).update());
    }

    private ThrottleDecision takeOnce(String key, ThrottlePolicy policy) {
        long now = clock.millis();
        double rate = policy.ratePerMilli();
        // Parameters are cast: H2 would otherwise type the rate after the bigint it
        // multiplies, and round it to zero.
        int taken = jdbc.sql("""
                update throttle_bucket
                   set tokens = least(cast(:cap as double precision), tokens
                         + greatest(0, cast(:now as bigint) - updated_at_ms) * cast(:rate as double precision)) - 1,
                       updated_at_ms = cast(:now as bigint)
                 where bucket_key = :k
                   and least(cast(:cap as double precision), tokens
                         + greatest(0, cast(:now as bigint) - updated_at_ms) * cast(:rate as double precision)) >= 1
                """)
            .param("cap", (double) policy.capacity())
            .param("now", now)
            .param("rate", rate)
            .param("k", key)
            .update();
        if (taken == 1) {
            return ThrottleDecision.allowed(tokens(key).orElse(0.0));
        }
        record Bucket(double tokens, long updatedAt) {
        }
        Optional<Bucket> bucket = jdbc.sql("select tokens, updated_at_ms from throttle_bucket where bucket_key = :k")
            .param("k", key)
            .query((rs, n) -> new Bucket(rs.getDouble(1), rs.getLong(2)))
            .optional();
        if (bucket.isEmpty()) {
            jdbc.sql("insert into throttle_bucket (bucket_key, tokens, updated_at_ms) values (:k, :t, :now)")
                .param("k", key)
                .param("t", (double) policy.capacity() - 1)
                .param("now", now)
                .update();
            return ThrottleDecision.allowed(policy.capacity() - 1);
        }
        Bucket b = bucket.get();
        double current = Math.min(policy.capacity(), b.tokens() + Math.max(0, now - b.updatedAt()) * rate);
        long waitMillis = (long) Math.ceil((1 - current) / rate);
        return ThrottleDecision.refused(Duration.ofMillis(Math.max(1, waitMillis)));
    }

    private Optional<Double> tokens(String key) {
        return jdbc.sql("select tokens from throttle_bucket where bucket_key = :k")
            .param("k", key)
            .query(Double.class)
            .optional();
    }

    /** Forgets buckets nobody touched for a day (they would be full anyway). */
    @Scheduled(fixedDelayString = "${jixing.throttle.purge-every:PT1H}",
            initialDelayString = "${jixing.throttle.purge-every:PT1H}")
    public void purgeIdle() {
        jdbc.sql("delete from throttle_bucket where updated_at_ms < :before")
            .param("before", clock.millis() - IDLE.toMillis())
            .update();
    }

}
