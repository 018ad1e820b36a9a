package org.jixing.training;

import java.util.List;

import org.jixing.training.internal.EnrolmentStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completions counted from the records themselves (every completed enrolment, recorded
 * history included), grouped by the dimensions progress is reported in: the recount that
 * statistics reconciles its running totals against.
 */
@Service
public class CompletionCounts {

    /**
     * Completions of one year and month, line, sub-target, region, provider, occupation.
     */
    public record Count(int year, int month, String lineCode, String subTargetCode, String regionCode, long providerId,
            String occupationCode, boolean subsidised, long completions) {
    }

    private final EnrolmentStore store;

    CompletionCounts(EnrolmentStore store) {
        this.store = store;
    }

    /** Every completion there is, grouped; unscoped, for the reconciliation. */
    @Transactional(readOnly = true)
    public List<Count> all() {
        return store.completionCounts();
    }

}
