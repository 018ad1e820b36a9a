package org.jixing.shared.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jixing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ThrottleIT extends IntegrationTest {

    @Autowired
    Throttle throttle;

    @Test
    void aBucketLetsItsCapacityThroughThenSaysHowLongToWaitAndRefills() {
        String key = "test:" + System.nanoTime();
        ThrottlePolicy policy = new ThrottlePolicy(3, Duration.ofSeconds(20));
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.take(key, policy).allowed()).isTrue();
        }
        ThrottleDecision refused = throttle.take(key, policy);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 20L);
        clock.advance(Duration.ofSeconds(20));
        assertThat(throttle.take(key, policy).allowed()).isTrue();
        assertThat(throttle.take(key, policy).allowed()).isFalse();
        throttle.reset(key);
        assertThat(throttle.take(key, policy).remaining()).isEqualTo(2.0);
    }

    @Test
    void concurrentTakersNeverGetMoreThanTheCapacity() throws Exception {
        String key = "test-race:" + System.nanoTime();
        ThrottlePolicy policy = new ThrottlePolicy(10, Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                tasks.add(() -> throttle.take(key, policy).allowed());
            }
            long allowed = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                allowed += f.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(10);
        }
        finally {
            pool.shutdown();
        }
    }

    @Test
    void settingsOverrideAUsesDefaults() {
        ThrottlePolicy defaults = new ThrottlePolicy(7, Duration.ofSeconds(9));
        assertThat(throttle.policy("no-such-use", defaults)).isEqualTo(defaults);
    }

}
