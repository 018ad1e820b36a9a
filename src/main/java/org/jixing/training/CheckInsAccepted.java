package org.jixing.training;

import java.time.Instant;
import java.util.Set;

/**
 * Check-ins were accepted (one, or some of a batch): the people and classes they concern
 * and the span of the times they name, so that supervision runs its attendance rules over
 * just these records. A plain, synchronous event published after the events are stored;
 * not durable (a lost one is caught by the nightly scan). Carries no personal data.
 */
public record CheckInsAccepted(Set<Long> personIds, Set<Long> classIds, Instant from, Instant to) {

    public CheckInsAccepted {
        personIds = Set.copyOf(personIds);
        classIds = Set.copyOf(classIds);
    }

}
