package org.jixing.statistics;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jixing.person.People;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.RegionCode;
import org.jixing.statistics.internal.CompletionGroupStore;
import org.jixing.statistics.internal.CountedCompletionStore;
import org.jixing.statistics.internal.GroupCount;
import org.jixing.statistics.internal.ProgressStore;
import org.jixing.training.CompletionCounts;
import org.jixing.training.TrainingCompleted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.springframework.modulith.events.core.EventPublicationRegistry;

/**
 * What one completion adds: a person-time, one per trainee group held, and the person
 * wherever this is their first subsidised completion of the year.
 */
class ProgressEventsTest {

    ProgressStore store;

    CompletionCounts counts;

    CompletionGroupStore groups;

    CountedCompletionStore marks;

    Progress progress;

    @BeforeEach
    void setUp() {
        store = mock(ProgressStore.class);
        counts = mock(CompletionCounts.class);
        ReferenceCatalogue reference = mock(ReferenceCatalogue.class);
        when(reference.regions())
            .thenReturn(List.of(new Region("370000", "山东省", "Shandong", RegionCode.Level.PROVINCE, null, 0)));
        groups = mock(CompletionGroupStore.class);
        when(groups.count(anyLong(), anyString())).thenReturn(true);
        marks = mock(CountedCompletionStore.class);
        when(marks.count(anyLong())).thenReturn(true);
        progress = new Progress(store, counts, reference, Clock.systemUTC(),
                new TraineeGroupFigures(store, groups, counts, mock(People.class)),
                new CountedCompletions(marks, mock(EventPublicationRegistry.class)));
    }

    static TrainingCompleted completion(long enrolment, String line, String region, boolean subsidised,
            Set<String> groups) {
        return new TrainingCompleted(enrolment, 7, 1, 1, line, line + "-1", region, "WELDER", "JUNIOR", subsidised,
                LocalDate.of(2026, 5, 12), groups);
    }

    @Test
    void aPersonsFirstCompletionOfTheYearCountsThemEverywhere() {
        when(counts.subsidisedCompletionsOf(7, 2026))
            .thenReturn(List.of(new CompletionCounts.PersonCompletion(100, "L01", "370202")));
        progress.on(completion(100, "L01", "370202", true, Set.of("VETERAN", "REGISTERED_UNEMPLOYED")));
        verify(store)
            .add(new CompletionCounts.Count(LocalDate.of(2026, 5, 12), "L01", "L01-1", "370202", 1, "WELDER", true, 1));
        verify(store).add(new GroupCount(2026, 5, "L01", "370202", "VETERAN", true, 1));
        verify(store).add(new GroupCount(2026, 5, "L01", "370202", "REGISTERED_UNEMPLOYED", true, 1));
        verify(groups).count(100, "VETERAN");
        verify(store).add(2026, "ALL", "", "370000", 1);
        verify(store).add(2026, "LINE", "L01", "370000", 1);
        verify(store).add(2026, "CITY", "", "370200", 1);
        verify(store).add(2026, "LINE_CITY", "L01", "370200", 1);
    }

    @Test
    void aSecondCompletionCountsThePersonOnlyWhereTheyAreNew() {
        // Already completed in L01 in 青岛 this year; now L02 in 青岛 (another district).
        when(counts.subsidisedCompletionsOf(7, 2026))
            .thenReturn(List.of(new CompletionCounts.PersonCompletion(100, "L01", "370202"),
                    new CompletionCounts.PersonCompletion(101, "L02", "370203")));
        progress.on(completion(101, "L02", "370203", true, Set.of()));
        verify(store, never()).add(anyInt(), ArgumentMatchers.eq("ALL"), anyString(), anyString(), anyLong());
        verify(store, never()).add(anyInt(), ArgumentMatchers.eq("CITY"), anyString(), anyString(), anyLong());
        verify(store).add(2026, "LINE", "L02", "370000", 1);
        verify(store).add(2026, "LINE_CITY", "L02", "370200", 1);
        verify(store, never()).add(any(GroupCount.class));
    }

    @Test
    void aGroupAlreadyCountedForTheCompletionIsNotCountedTwice() {
        // A membership recorded a moment before counted the group for this completion.
        when(groups.count(103, "VETERAN")).thenReturn(false);
        progress.on(completion(103, "L03", "370100", false, Set.of("VETERAN", "DISABLED")));
        verify(store).add(new GroupCount(2026, 5, "L03", "370100", "DISABLED", false, 1));
        verify(store, never()).add(new GroupCount(2026, 5, "L03", "370100", "VETERAN", false, 1));
    }

    @Test
    void aSelfFundedCompletionCountsNoPerson() {
        progress.on(completion(102, "L03", "370100", false, Set.of("VETERAN")));
        verify(store).add(new GroupCount(2026, 5, "L03", "370100", "VETERAN", false, 1));
        verify(store, never()).add(anyInt(), anyString(), anyString(), anyString(), anyLong());
        verify(counts, never()).subsidisedCompletionsOf(anyLong(), anyInt());
    }

    @Test
    void aCompletionDeliveredAgainAddsNothing() {
        // Resubmitted at start after another node (or the first attempt) counted it.
        when(marks.count(104)).thenReturn(false);
        progress.on(completion(104, "L01", "370202", true, Set.of("VETERAN")));
        verify(store, never()).add(any(CompletionCounts.Count.class));
        verify(store, never()).add(any(GroupCount.class));
        verify(store, never()).add(anyInt(), anyString(), anyString(), anyString(), anyLong());
        verify(groups, never()).count(anyLong(), anyString());
    }

}
