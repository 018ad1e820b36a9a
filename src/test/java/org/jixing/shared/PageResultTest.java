package org.jixing.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PageResultTest {

    @Test
    void the_largest_page_number_is_an_offset_past_every_row_not_an_overflow() {
        assertThat(PageResult.offset(Integer.MAX_VALUE, 200)).isEqualTo(Integer.MAX_VALUE);
        assertThat(PageResult.offset(-3, 20)).isZero();
        assertThat(PageResult.offset(2, 20)).isEqualTo(40);
    }

    @Test
    void a_page_far_beyond_the_end_has_no_next_page() {
        assertThat(new PageResult<>(List.of(), Integer.MAX_VALUE, 20, 100).hasNext()).isFalse();
        assertThat(new PageResult<>(List.of(), 0, 20, 100).hasNext()).isTrue();
    }

    @Test
    void sizes_are_clamped() {
        assertThat(PageResult.size(Integer.MAX_VALUE)).isEqualTo(200);
        assertThat(PageResult.size(0)).isEqualTo(20);
    }

}
