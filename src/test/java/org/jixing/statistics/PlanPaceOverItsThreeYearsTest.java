package org.jixing.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The plan's figure on the province's dashboard: its years' completions against its
 * overall target, due by the calendar of the whole plan (2025 to 2027, 1,095 days).
 */
class PlanPaceOverItsThreeYearsTest {

    static final LocalDate START = LocalDate.of(2025, 1, 1);

    static final LocalDate END = LocalDate.of(2027, 12, 31);

    static Pace seenOn(LocalDate day, long done) {
        return Pace.overPlan(30_000, done, START, END, day);
    }

    @Nested
    class HalfwayThroughThePlan {

        // 1 July 2026 is day 547 of the plan's 1,095.
        final LocalDate day = LocalDate.of(2026, 7, 1);

        final double due = 547.0 / 1095;

        @Test
        void withHalfTheTargetDoneItIsOnPace() {
            Pace p = seenOn(day, 15_000);
            assertThat(p.due()).isCloseTo(due, within(1e-9));
            assertThat(p.status()).isEqualTo(Pace.Status.GREEN);
            assertThat(p.projected()).isEqualTo(Math.round(15_000 / due));
            assertThat(p.willMiss()).isFalse();
            assertThat(p.profiled()).isFalse();
        }

        @Test
        void withAFifthDoneItIsBehindAndWillMiss() {
            Pace p = seenOn(day, 6_000);
            assertThat(p.share()).isEqualTo(0.2);
            assertThat(p.status()).isEqualTo(Pace.Status.RED);
            assertThat(p.willMiss()).isTrue();
        }

        @Test
        void withinEightyPercentOfThePaceItIsAmber() {
            assertThat(seenOn(day, 13_000).status()).isEqualTo(Pace.Status.AMBER);
        }

    }

    @Test
    void beforeThePlanNothingIsDueAndNothingProjected() {
        Pace p = seenOn(LocalDate.of(2024, 12, 31), 0);
        assertThat(p.due()).isZero();
        assertThat(p.projected()).isZero();
        assertThat(p.willMiss()).isNull();
        assertThat(p.status()).isEqualTo(Pace.Status.GREEN);
    }

    @Test
    void afterThePlanEverythingWasDueAndTheProjectionIsWhatWasDone() {
        Pace p = seenOn(LocalDate.of(2028, 3, 1), 29_000);
        assertThat(p.due()).isEqualTo(1);
        assertThat(p.projected()).isEqualTo(29_000);
        assertThat(p.willMiss()).isTrue();
        assertThat(p.status()).isEqualTo(Pace.Status.AMBER);
    }

    @Test
    void onItsLastDayTheWholeTargetIsDue() {
        Pace p = seenOn(END, 30_000);
        assertThat(p.due()).isEqualTo(1);
        assertThat(p.status()).isEqualTo(Pace.Status.GREEN);
        assertThat(p.willMiss()).isFalse();
    }

}
