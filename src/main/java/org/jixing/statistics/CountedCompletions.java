package org.jixing.statistics;

import java.util.ArrayList;
import java.util.List;

import org.jixing.statistics.internal.CountedCompletionStore;
import org.jixing.training.CompletionCounts;
import org.jixing.training.CompletionCounts.PersonTraining;
import org.springframework.stereotype.Component;

/**
 * Which completions the figures hold, so that a completion delivered twice (a publication
 * resubmitted at start while another node, or the first attempt, had counted it) counts
 * once. The reconciliation counts from the records and brings these marks in step.
 */
@Component
class CountedCompletions {

    private final CountedCompletionStore store;

    private final CompletionCounts completions;

    CountedCompletions(CountedCompletionStore store, CompletionCounts completions) {
        this.store = store;
        this.completions = completions;
    }

    /** True for the first delivery of this completion, false for any later one. */
    boolean first(long enrolmentId) {
        return store.count(enrolmentId);
    }

    /**
     * After a recount of {@code counted} completions: when the marks do not number as
     * many, they are written afresh from the records (the first time, or after drift), so
     * that a completion the recount counted is not counted again when its event is
     * redelivered. Otherwise one count of the marks.
     */
    void inStepWith(long counted) {
        if (store.rows() == counted) {
            return;
        }
        store.clear();
        List<Long> batch = new ArrayList<>();
        long after = Long.MIN_VALUE;
        while (true) {
            List<PersonTraining> done = completions.completedTrainingsOfNextPersons(after, TraineeGroupFigures.SLICE);
            if (done.isEmpty()) {
                break;
            }
            after = done.get(done.size() - 1).personId();
            done.forEach(t -> batch.add(t.enrolmentId()));
            if (batch.size() >= 10_000) {
                store.write(batch);
                batch.clear();
            }
        }
        store.write(batch);
    }

}
