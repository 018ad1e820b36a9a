package org.jixing.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.jixing.supervision.WeightedDraw.Candidate;
import org.junit.jupiter.api.Test;

class WeightedDrawTest {

    static List<Candidate> candidates(int n) {
        List<Candidate> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Candidate(1000 + i, 1 + i % 4));
        }
        return list;
    }

    @Test
    void the_same_seed_and_candidates_draw_the_same_classes() {
        long seed = WeightedDraw.seed("370100", YearMonth.of(2026, 12), 42L);
        assertThat(WeightedDraw.draw(seed, candidates(60), 5)).isEqualTo(WeightedDraw.draw(seed, candidates(60), 5));
        assertThat(WeightedDraw.seed("370100", YearMonth.of(2026, 12), 42L)).isEqualTo(seed);
    }

    @Test
    void another_salt_or_city_or_month_gives_another_seed_and_mostly_other_classes() {
        long seed = WeightedDraw.seed("370100", YearMonth.of(2026, 12), 42L);
        assertThat(WeightedDraw.seed("370100", YearMonth.of(2026, 12), 43L)).isNotEqualTo(seed);
        assertThat(WeightedDraw.seed("370200", YearMonth.of(2026, 12), 42L)).isNotEqualTo(seed);
        assertThat(WeightedDraw.seed("370100", YearMonth.of(2027, 1), 42L)).isNotEqualTo(seed);
        int same = 0;
        for (long salt = 0; salt < 50; salt++) {
            if (WeightedDraw.draw(WeightedDraw.seed("370100", YearMonth.of(2026, 12), salt), candidates(60), 5)
                .equals(WeightedDraw.draw(WeightedDraw.seed("370100", YearMonth.of(2026, 12), salt + 1000),
                        candidates(60), 5))) {
                same++;
            }
        }
        assertThat(same).isLessThan(3);
    }

    @Test
    void no_class_is_drawn_twice_and_the_size_is_kept() {
        for (long seed = 0; seed < 200; seed++) {
            List<Long> drawn = WeightedDraw.draw(seed, candidates(30), 7);
            assertThat(drawn).hasSize(7);
            assertThat(new HashSet<>(drawn)).hasSize(7);
        }
        assertThat(WeightedDraw.draw(1L, candidates(3), 10)).hasSize(3);
        assertThatThrownBy(() -> WeightedDraw.draw(1L, List.of(new Candidate(1, 1), new Candidate(1, 2)), 1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_heavier_class_is_drawn_in_proportion_to_its_weight() {
        // One class of weight 4 among 9 of weight 1, one drawn: P(heavy) = 4 / 13.
        List<Candidate> list = new ArrayList<>();
        list.add(new Candidate(1, 4));
        for (int i = 2; i <= 10; i++) {
            list.add(new Candidate(i, 1));
        }
        int runs = 20000;
        int heavy = 0;
        int light2 = 0;
        for (long seed = 0; seed < runs; seed++) {
            List<Long> drawn = WeightedDraw.draw(seed * 7919, list, 1);
            if (drawn.get(0) == 1L) {
                heavy++;
            }
            if (drawn.get(0) == 2L) {
                light2++;
            }
        }
        double p = 4.0 / 13;
        double sd = Math.sqrt(p * (1 - p) / runs);
        assertThat((double) heavy / runs).isBetween(p - 5 * sd, p + 5 * sd);
        double q = 1.0 / 13;
        double sdq = Math.sqrt(q * (1 - q) / runs);
        assertThat((double) light2 / runs).isBetween(q - 5 * sdq, q + 5 * sdq);
    }

    @Test
    void the_share_takes_at_least_one_class_and_rounds_up() {
        assertThat(WeightedDraw.sampleSize(0, 500)).isZero();
        assertThat(WeightedDraw.sampleSize(3, 500)).isEqualTo(1);
        assertThat(WeightedDraw.sampleSize(20, 500)).isEqualTo(1);
        assertThat(WeightedDraw.sampleSize(21, 500)).isEqualTo(2);
        assertThat(WeightedDraw.sampleSize(100, 500)).isEqualTo(5);
        assertThat(WeightedDraw.sampleSize(4, 10000)).isEqualTo(4);
    }

}
