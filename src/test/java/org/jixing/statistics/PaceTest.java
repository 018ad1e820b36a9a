package org.jixing.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The share due, the traffic light and the year-end projection. */
class PaceTest {

    @Test
    void withoutLastYearTheCalendarSetsTheShareDue() {
        // 1 July 2026 is day 182 of 365.
        Pace p = Pace.of(1000L, 400, 2026, LocalDate.of(2026, 7, 1), null);
        assertThat(p.profiled()).isFalse();
        assertThat(p.due()).isCloseTo(182.0 / 365, within(1e-9));
        assertThat(p.share()).isEqualTo(0.4);
        assertThat(p.status()).isEqualTo(Pace.Status.AMBER);
        assertThat(p.projected()).isEqualTo(Math.round(400 / (182.0 / 365)));
        assertThat(p.willMiss()).isTrue();
    }

    @Test
    void lastYearsMonthsShapeTheShareDueAndTheProjection() {
        // Last year trained mostly in spring: by the end of April 80% was done.
        long[] lastYear = { 100, 200, 300, 200, 50, 50, 20, 20, 20, 20, 10, 10 };
        Pace p = Pace.of(1000L, 700, 2026, LocalDate.of(2026, 4, 30), lastYear);
        assertThat(p.profiled()).isTrue();
        assertThat(p.due()).isCloseTo(800.0 / 1000, within(1e-9));
        // 70% done against 80% due: amber, and the projection reaches 875.
        assertThat(p.status()).isEqualTo(Pace.Status.AMBER);
        assertThat(p.projected()).isEqualTo(875);
        assertThat(p.willMiss()).isTrue();
        // The same 70% against the calendar (33% due) would look far ahead.
        assertThat(Pace.of(1000L, 700, 2026, LocalDate.of(2026, 4, 30), null).status()).isEqualTo(Pace.Status.GREEN);
        // Half of April counts half of April's share.
        assertThat(Pace.of(1000L, 0, 2026, LocalDate.of(2026, 4, 15), lastYear).due())
            .isCloseTo((600 + 200 * 15.0 / 30) / 1000, within(1e-9));
    }

    @Test
    void aProfileThatExpectsNothingYetFallsBackToTheCalendar() {
        long[] lastYear = new long[12];
        lastYear[11] = 500;
        Pace p = Pace.of(100L, 10, 2026, LocalDate.of(2026, 3, 1), lastYear);
        assertThat(p.profiled()).isFalse();
        assertThat(p.due()).isCloseTo(60.0 / 365, within(1e-9));
    }

    @Test
    void pastAndFutureYearsAndMissingTargets() {
        Pace past = Pace.of(100L, 120, 2025, LocalDate.of(2026, 3, 1), null);
        assertThat(past.due()).isEqualTo(1);
        assertThat(past.projected()).isEqualTo(120);
        assertThat(past.status()).isEqualTo(Pace.Status.GREEN);
        assertThat(past.willMiss()).isFalse();
        Pace future = Pace.of(100L, 0, 2027, LocalDate.of(2026, 3, 1), null);
        assertThat(future.due()).isZero();
        assertThat(future.willMiss()).isNull();
        Pace none = Pace.of(null, 50, 2026, LocalDate.of(2026, 3, 1), null);
        assertThat(none.status()).isEqualTo(Pace.Status.NONE);
        assertThat(none.share()).isNull();
        assertThat(none.willMiss()).isNull();
        assertThat(Pace.of(100L, 10, 2026, LocalDate.of(2026, 7, 1), null).status()).isEqualTo(Pace.Status.RED);
    }

}
