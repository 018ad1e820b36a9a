package org.jixing.statistics;

import java.util.List;

import org.jixing.statistics.internal.CountedCompletionStore;
import org.jixing.training.TrainingCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.stereotype.Component;

/**
 * Which completions the figures hold, so that a completion delivered twice (a publication
 * resubmitted at start while another node, or the first attempt, had counted it) counts
 * once. Only completions announced by an event can be delivered again; the listener marks
 * those it counts, and a recount marks those whose delivery is still outstanding, since
 * it has counted them from the records.
 */
@Component
class CountedCompletions {

    private static final Logger log = LoggerFactory.getLogger(CountedCompletions.class);

    private final CountedCompletionStore store;

    private final EventPublicationRegistry publications;

    CountedCompletions(CountedCompletionStore store, EventPublicationRegistry publications) {
        this.store = store;
        this.publications = publications;
    }

    /** True for the first delivery of this completion, false for any later one. */
    boolean first(long enrolmentId) {
        return store.count(enrolmentId);
    }

    /**
     * The completions whose delivery is outstanding (its listener failed, or the process
     * died before it ran). Read before a recount: their completions committed before the
     * publications did, so the recount counts them.
     */
    List<Long> outstanding() {
        try {
            return publications.findIncompletePublications()
                .stream()
                .map(p -> p.getEvent())
                .filter(TrainingCompleted.class::isInstance)
                .map(e -> ((TrainingCompleted) e).enrolmentId())
                .distinct()
                .toList();
        }
        catch (RuntimeException ex) {
            // The recount goes on; a completion delivered after it may then count twice
            // until the next one.
            log.warn("the outstanding completions could not be read", ex);
            return List.of();
        }
    }

    /**
     * After a recount: the outstanding completions it counted are marked, so that their
     * delivery at the next start does not count them again.
     */
    void recounted(List<Long> outstanding) {
        outstanding.forEach(store::count);
    }

}
