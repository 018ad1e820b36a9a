package org.jixing.employment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Small groups withheld; shares rounded to one decimal. */
class SuppressionTest {

    @Test
    void a_group_below_the_minimum_has_no_rate_one_at_it_has() {
        assertThat(Suppression.percent(3, 9, 10)).isNull();
        assertThat(Suppression.percent(5, 10, 10)).isEqualByComparingTo("50.0");
        assertThat(Suppression.suppressed(9, 10)).isTrue();
        assertThat(Suppression.suppressed(10, 10)).isFalse();
    }

    @Test
    void shares_round_half_up_to_one_decimal_and_an_empty_sample_has_none() {
        assertThat(Suppression.percent(2, 3, 1)).isEqualByComparingTo("66.7");
        assertThat(Suppression.percent(1, 3, 1)).isEqualByComparingTo("33.3");
        assertThat(Suppression.percent(0, 0, 1)).isNull();
    }

}
