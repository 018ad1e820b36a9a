package org.jixing.employment;

import java.util.List;

import org.jixing.training.TrainingClass;

/**
 * An order class as its page shows it: the class, the demands it trains for, the
 * enterprise's commitment (null until confirmed), the hires, and the trainees who
 * completed (whom the enterprise may record as hired).
 */
public record OrderClass(TrainingClass trainingClass, List<JobDemand> demands, HireCommitment commitment,
        List<Hire> hires, List<Completer> completers) {

    /** A trainee who completed the class, and whether the enterprise hired them. */
    public record Completer(long enrolmentId, long personId, String name, String idNumberMasked,
            java.time.LocalDate completedOn, boolean hired) {
    }

    public Fulfilment fulfilment() {
        return commitment == null ? Fulfilment.NONE : commitment.fulfilment();
    }

}
