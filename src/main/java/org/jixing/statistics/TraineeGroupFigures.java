package org.jixing.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jixing.person.GroupMembership;
import org.jixing.person.GroupMembershipsRecorded;
import org.jixing.person.People;
import org.jixing.statistics.internal.CompletionGroupStore;
import org.jixing.statistics.internal.GroupCount;
import org.jixing.statistics.internal.ProgressStore;
import org.jixing.training.CompletionCounts;
import org.jixing.training.CompletionCounts.PersonTraining;
import org.jixing.training.TrainingCompleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Completions by the trainee groups their trainees held on the class's first day, as the
 * registry shows them: counted when a completion arrives, and again for a person's
 * earlier completions when a membership is recorded later with a validity that covers
 * them (a registry import of last year's unemployed, say). The recount walks the records
 * a range of people at a time: each completed training (from training) against the
 * person's memberships (from the registry).
 */
@Service
class TraineeGroupFigures {

    /** People per step of a recount. */
    static final int SLICE = 5_000;

    private final ProgressStore progress;

    private final CompletionGroupStore counted;

    private final CompletionCounts completions;

    private final People people;

    TraineeGroupFigures(ProgressStore progress, CompletionGroupStore counted, CompletionCounts completions,
            People people) {
        this.progress = progress;
        this.counted = counted;
        this.completions = completions;
        this.people = people;
    }

    /** Counts the groups a completion announces (held on its class's first day). */
    void completed(TrainingCompleted e) {
        // In one order, so that completions counted at once lock the same rows in the
        // same
        // order.
        for (String group : e.groupCodes() == null ? Set.<String>of() : new TreeSet<>(e.groupCodes())) {
            if (counted.count(e.enrolmentId(), group)) {
                progress.add(count(e.completedOn(), e.lineCode(), e.regionCode(), group, e.subsidised(), 1));
            }
        }
    }

    /**
     * Memberships were recorded: the completions of those people are counted again by the
     * groups they held on each class's first day, adding what the new memberships show.
     * After the recording transaction commits; durable, and idempotent by its nature: it
     * brings the counted groups to what the records show, so a second delivery finds
     * nothing to change.
     */
    @ApplicationModuleListener
    public void on(GroupMembershipsRecorded e) {
        List<Long> persons = List.copyOf(e.personIds());
        for (int from = 0; from < persons.size(); from += 1000) {
            List<PersonTraining> done = completions
                .completedTrainingsOf(persons.subList(from, Math.min(persons.size(), from + 1000)));
            if (!done.isEmpty()) {
                recount(done, people.memberships(done.stream().map(PersonTraining::personId).distinct().toList()));
            }
        }
    }

    /** Brings the counted groups of these completions to what the memberships show. */
    private void recount(List<PersonTraining> done, Map<Long, List<GroupMembership>> memberships) {
        Map<Long, Set<String>> before = counted.counted(done.stream().map(PersonTraining::enrolmentId).toList());
        for (PersonTraining t : done) {
            Set<String> held = held(t, memberships);
            Set<String> was = before.getOrDefault(t.enrolmentId(), Set.of());
            for (String group : held) {
                if (!was.contains(group) && counted.count(t.enrolmentId(), group)) {
                    progress.add(count(t.completedOn(), t.lineCode(), t.regionCode(), group, t.subsidised(), 1));
                }
            }
            for (String group : was) {
                if (!held.contains(group) && counted.uncount(t.enrolmentId(), group)) {
                    progress.add(count(t.completedOn(), t.lineCode(), t.regionCode(), group, t.subsidised(), -1));
                }
            }
        }
    }

    private static Set<String> held(PersonTraining t, Map<Long, List<GroupMembership>> memberships) {
        return People.heldOn(memberships.getOrDefault(t.personId(), List.of()), t.classStart()).keySet();
    }

    private static GroupCount count(LocalDate completedOn, String line, String region, String group, boolean subsidised,
            long n) {
        return new GroupCount(completedOn.getYear(), completedOn.getMonthValue(), line, region, group, subsidised, n);
    }

    /** A recount from the records: the figures, and how many groups were counted. */
    record Recount(List<GroupCount> counts, long rows) {
    }

    /** Recounts every completion by the groups held on its class's first day. */
    Recount recount() {
        Map<GroupCount, Long> sums = new HashMap<>();
        long[] rows = new long[1];
        walk((t, groups) -> {
            for (String g : groups) {
                sums.merge(count(t.completedOn(), t.lineCode(), t.regionCode(), g, t.subsidised(), 0), 1L, Long::sum);
                rows[0]++;
            }
        });
        List<GroupCount> counts = new ArrayList<>(sums.size());
        sums.forEach((k, n) -> counts
            .add(new GroupCount(k.year(), k.month(), k.lineCode(), k.regionCode(), k.groupCode(), k.subsidised(), n)));
        return new Recount(counts, rows[0]);
    }

    /** How many groups are counted in all. */
    long countedRows() {
        return counted.rows();
    }

    /** Writes the counted groups of every completion afresh from the records. */
    void rewrite() {
        counted.clear();
        List<CompletionGroupStore.CountedGroup> batch = new ArrayList<>();
        walk((t, groups) -> {
            for (String g : groups) {
                batch.add(new CompletionGroupStore.CountedGroup(t.enrolmentId(), g));
            }
            if (batch.size() >= 10_000) {
                counted.write(batch);
                batch.clear();
            }
        });
        counted.write(batch);
    }

    private interface Visit {

        void completion(PersonTraining t, Set<String> groups);

    }

    /**
     * Every completion with the groups held on its class's first day, a slice of people
     * at a time.
     */
    private void walk(Visit visit) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<PersonTraining> done = completions.completedTrainingsOfNextPersons(after, SLICE);
            if (done.isEmpty()) {
                return;
            }
            after = done.get(done.size() - 1).personId();
            Map<Long, List<GroupMembership>> memberships = people
                .memberships(done.stream().map(PersonTraining::personId).distinct().toList());
            for (PersonTraining t : done) {
                Set<String> groups = memberships.containsKey(t.personId()) ? held(t, memberships) : Set.of();
                if (!groups.isEmpty()) {
                    visit.completion(t, new HashSet<>(groups));
                }
            }
        }
    }

}
