package org.jixing.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Windows that waited for the supervision thread run as one: it spans them all and names
 * all their records, or, if any names none, names none.
 */
class ScanWindowTest {

    static final Instant T = Instant.parse("2026-12-01T01:00:00Z");

    @Test
    void joinedWindowSpansAllAndNamesAllTheirRecords() {
        ScanWindow a = new ScanWindow(T, T.plusSeconds(1), Set.of(1L, 2L), Set.of(10L), Set.of(), Set.of(), Set.of());
        ScanWindow b = new ScanWindow(T.minusSeconds(60), T.plusSeconds(5), Set.of(3L), Set.of(11L), Set.of(7L),
                Set.of(), Set.of(99L));
        ScanWindow joined = ScanWindow.joined(List.of(a, b));
        assertThat(joined.from()).isEqualTo(T.minusSeconds(60));
        assertThat(joined.to()).isEqualTo(T.plusSeconds(5));
        assertThat(joined.personIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(joined.classIds()).containsExactlyInAnyOrder(10L, 11L);
        assertThat(joined.providerIds()).containsExactly(7L);
        assertThat(joined.claimIds()).containsExactly(99L);
        assertThat(joined.focused()).isTrue();
    }

    @Test
    void aWindowNamingNothingMakesTheJoinedOneNameNothing() {
        ScanWindow named = new ScanWindow(T, T.plusSeconds(1), Set.of(1L), Set.of(), Set.of(), Set.of(), Set.of());
        ScanWindow scan = ScanWindow.between(T.plusSeconds(10), T.plusSeconds(20));
        ScanWindow joined = ScanWindow.joined(List.of(named, scan));
        assertThat(joined.focused()).isFalse();
        assertThat(joined.from()).isEqualTo(T);
        assertThat(joined.to()).isEqualTo(T.plusSeconds(20));
    }

}
