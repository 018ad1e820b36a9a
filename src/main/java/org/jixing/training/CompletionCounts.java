package org.jixing.training;

import java.util.List;

import org.jixing.training.internal.EnrolmentStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completions counted from the records themselves (every completed enrolment, recorded
 * history included), grouped by the dimensions progress is reported in: the recount that
 * statistics reconciles its running totals against; and a year's totals in the caller's
 * scope.
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

    /** A year's completed trainings: all of them, and those subsidised. */
    public record Totals(long completions, long subsidised) {
    }

    /**
     * The trainings completed in a year (by the day of completion), in the caller's
     * scope.
     */
    @Transactional(readOnly = true)
    public Totals totals(int year) {
        return store.completionTotals(java.time.LocalDate.of(year, 1, 1), java.time.LocalDate.of(year, 12, 31),
                org.jixing.shared.scope.ScopeSql.forCurrentUser(EnrolmentStore.SCOPE));
    }

    /** Every completion there is, grouped; unscoped, for the reconciliation. */
    @Transactional(readOnly = true)
    public List<Count> all() {
        return store.completionCounts();
    }

}
