package org.jixing.training;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.internal.CompletionStore;
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

    /**
     * A completed training as figures by trainee group need it: whose, the class's first
     * day (the day whose groups count), when it was completed, its line and region, and
     * whether it was subsidised.
     */
    public record PersonTraining(long enrolmentId, long personId, LocalDate classStart, LocalDate completedOn,
            String lineCode, String regionCode, boolean subsidised) {
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

    private final CompletionStore store;

    CompletionCounts(CompletionStore store) {
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
        return store.completionTotals(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                ScopeSql.forCurrentUser(CompletionStore.SCOPE));
    }

    /** Every completion there is, grouped. */
    @Transactional(readOnly = true)
    public List<Count> all() {
        return store.completionCounts();
    }

    /** The completed trainings of these people. */
    @Transactional(readOnly = true)
    public List<PersonTraining> completedTrainingsOf(Collection<Long> personIds) {
        return store.personTrainings(personIds);
    }

    /**
     * The completed trainings of the next {@code persons} people with any, after the
     * person {@code afterPersonId}, in person order: for recounts that walk the records a
     * slice of people at a time (the last person id of a slice starts the next; an empty
     * slice ends the walk).
     */
    @Transactional(readOnly = true)
    public List<PersonTraining> completedTrainingsOfNextPersons(long afterPersonId, int persons) {
        return store.personTrainingsAfter(afterPersonId, persons);
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
