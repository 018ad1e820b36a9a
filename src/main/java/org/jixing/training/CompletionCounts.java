package org.jixing.training;

import java.time.LocalDate;
import java.util.List;

import org.jixing.training.internal.EnrolmentStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completions counted from the records themselves (every completed enrolment, recorded
 * history included), grouped by the dimensions progress is reported in: the recount that
 * statistics reconciles its running totals against (unscoped: statistics scopes what it
 * shows); and a year's totals in the caller's scope.
 */
@Service
public class CompletionCounts {

    /** Completions of one day, line, sub-target, region, provider, occupation. */
    public record Count(LocalDate completedOn, String lineCode, String subTargetCode, String regionCode,
            long providerId, String occupationCode, boolean subsidised, long completions) {
    }

    /** Completions of one month, line and region by a trainee group the trainees held. */
    public record GroupCount(int year, int month, String lineCode, String regionCode, String groupCode,
            boolean subsidised, long completions) {
    }

    /**
     * Unique persons with a subsidised completion in a year, grouped by
     * {@code dimension}: ALL, LINE, CITY or LINE_CITY; {@code lineCode} and
     * {@code cityCode} are '' where the grouping has none.
     */
    public record PersonCount(int year, String dimension, String lineCode, String cityCode, long persons) {
    }

    /** One subsidised completion of a person: the enrolment, its line and region. */
    public record PersonCompletion(long enrolmentId, String lineCode, String regionCode) {
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

    /** Every completion there is, grouped. */
    @Transactional(readOnly = true)
    public List<Count> all() {
        return store.completionCounts();
    }

    /** Every completion by trainee group. */
    @Transactional(readOnly = true)
    public List<GroupCount> byGroup() {
        return store.completionGroupCounts();
    }

    /** Unique persons, by year and grouping. */
    @Transactional(readOnly = true)
    public List<PersonCount> uniquePersons() {
        return store.uniquePersonCounts();
    }

    /** A person's subsidised completions in a year. */
    @Transactional(readOnly = true)
    public List<PersonCompletion> subsidisedCompletionsOf(long personId, int year) {
        return store.subsidisedCompletionsOf(personId, year);
    }

}
