package org.jixing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in the integration tests: real time until a test moves it, so a
 * test walks a class through its calendar (opens it, waits for its first session, checks
 * in inside the window, completes after the last session) instead of taking a shortcut.
 * Time keeps flowing from where it was moved to. {@link IntegrationTest} puts it back to
 * real time after every test.
 */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /**
     * Moves the clock so that it now reads {@code at}, and keeps it running from there.
     */
    public void moveTo(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Back to real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Configuration(proxyBeanMethods = false)
    static class TestClockConfig {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

    }

}
