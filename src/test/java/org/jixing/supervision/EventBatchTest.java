package org.jixing.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.jixing.supervision.RuleDefinition.Trigger;
import org.junit.jupiter.api.Test;

/** The completions (certificates) of one transaction run the rules once, together. */
class EventBatchTest {

    static final Instant DAY = Instant.parse("2026-03-01T16:00:00Z");

    @Test
    void aClassCompletingRunsItsRulesOnceOverAllItsTrainees() {
        EventBatch batch = new EventBatch(Trigger.COMPLETION);
        for (long person = 1; person <= 40; person++) {
            batch.add(new ScanWindow(DAY, DAY.plusSeconds(86_400), Set.of(person), Set.of(7L), Set.of(3L), Set.of(),
                    Set.of()));
        }
        assertThat(batch.windows()).singleElement().satisfies(w -> {
            assertThat(w.personIds()).hasSize(40);
            assertThat(w.classIds()).containsExactly(7L);
            assertThat(w.providerIds()).containsExactly(3L);
            assertThat(w.from()).isEqualTo(DAY);
            assertThat(w.to()).isEqualTo(DAY.plusSeconds(86_400));
        });
    }

    @Test
    void certificatesOfABatchMergeAndWindowsNarrowedOtherwiseStayApart() {
        EventBatch batch = new EventBatch(Trigger.CERTIFICATE);
        batch.add(new ScanWindow(DAY, DAY.plusSeconds(86_400), Set.of(1L), Set.of(), Set.of(), Set.of(9L), Set.of()));
        batch.add(new ScanWindow(DAY.plusSeconds(86_400), DAY.plusSeconds(172_800), Set.of(2L), Set.of(), Set.of(),
                Set.of(10L), Set.of()));
        // An empty set does not narrow: a window without people stays apart.
        batch.add(new ScanWindow(DAY, DAY.plusSeconds(86_400), Set.of(), Set.of(), Set.of(), Set.of(11L), Set.of()));
        assertThat(batch.windows()).hasSize(2);
        assertThat(batch.windows().get(0)).satisfies(w -> {
            assertThat(w.personIds()).containsExactlyInAnyOrder(1L, 2L);
            assertThat(w.bodyIds()).containsExactlyInAnyOrder(9L, 10L);
            assertThat(w.to()).isEqualTo(DAY.plusSeconds(172_800));
        });
    }

}
