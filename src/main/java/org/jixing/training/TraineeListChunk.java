package org.jixing.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.person.MembershipChannel;
import org.jixing.person.NewPerson;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.training.RosterRowParser.Candidate;
import org.jixing.training.internal.RosterImportStore.Counts;
import org.jixing.training.internal.RosterImportStore.RowOutcome;

/**
 * The rows of a trainee list: new people are registered in the import's region, people
 * already registered change only by the groups the file gives them that they do not hold
 * yet.
 */
final class TraineeListChunk implements RosterChunk {

    private final RosterImport job;

    private final LocalDate today;

    private final People people;

    private final ImportTexts texts;

    TraineeListChunk(RosterImport job, LocalDate today, People people, ImportTexts texts) {
        this.job = job;
        this.today = today;
        this.people = people;
        this.texts = texts;
    }

    @Override
    public Taken take(int read, List<Candidate> candidates, Map<Integer, List<Problem>> problems, boolean write) {
        Map<String, Person> known = people.findAllByIdNumber(candidates.stream().map(Candidate::idNumber).toList());
        List<Long> knownIds = known.values().stream().map(Person::id).toList();
        Map<Long, Set<String>> held = people.groupsOn(knownIds, today);
        List<RowOutcome> outcomes = new ArrayList<>();
        List<Candidate> fresh = new ArrayList<>();
        List<Candidate> newGroups = new ArrayList<>();
        int unchanged = 0;
        for (Candidate cand : candidates) {
            Person person = known.get(cand.idNumber());
            if (person == null) {
                List<Problem> found = people
                    .check(new NewPerson(cand.idNumber(), cand.name(), cand.phone(), job.regionCode()));
                if (found.isEmpty()) {
                    fresh.add(cand);
                }
                else {
                    problems.put(cand.row().number(), found);
                }
                continue;
            }
            if (!person.name().equals(cand.name())) {
                problems.put(cand.row().number(), List.of(new Problem("name", "training.import.error.nameMismatch")));
                continue;
            }
            Set<String> added = new LinkedHashSet<>(cand.groups());
            added.removeAll(held.getOrDefault(person.id(), Set.of()));
            unchanged++;
            if (added.isEmpty()) {
                outcomes.add(outcome(cand.row().number(), "UNCHANGED",
                        List.of(new Problem("idNumber", "training.import.note.registered"))));
            }
            else {
                newGroups.add(cand.as(person, added));
                outcomes.add(outcome(cand.row().number(), "UNCHANGED",
                        List.of(new Problem("groups", "training.import.note.groupsAdded", added.size()))));
            }
        }
        problems.forEach((row, list) -> outcomes.add(outcome(row, "INVALID", list)));
        int registered = write ? write(fresh, newGroups) : 0;
        outcomes.sort(Comparator.comparingInt(RowOutcome::rowNo));
        return new Taken(outcomes,
                new Counts(read, read, write ? fresh.size() : 0, 0, unchanged, problems.size(), registered));
    }

    /**
     * Registers the new people and records the groups; returns how many were registered.
     */
    private int write(List<Candidate> fresh, List<Candidate> newGroups) {
        Map<String, Long> ids = new HashMap<>();
        int registered = 0;
        if (!fresh.isEmpty()) {
            People.BulkRegistration r = people.registerAll(fresh.stream()
                .map(a -> new NewPerson(a.idNumber(), a.name(), a.phone(), job.regionCode()))
                .toList());
            ids.putAll(r.ids());
            registered = r.registered();
        }
        List<People.NewMembership> memberships = new ArrayList<>();
        for (Candidate a : fresh) {
            a.groups()
                .forEach(g -> memberships.add(new People.NewMembership(ids.get(a.idNumber()), g,
                        texts.evidence(job, a.row().number()), today, null)));
        }
        for (Candidate a : newGroups) {
            a.groups()
                .forEach(g -> memberships.add(new People.NewMembership(a.known().id(), g,
                        texts.evidence(job, a.row().number()), today, null)));
        }
        if (!memberships.isEmpty()) {
            people.addGroups(memberships, MembershipChannel.REGISTRY_IMPORT);
        }
        return registered;
    }

    private RowOutcome outcome(int row, String outcome, List<Problem> problems) {
        return new RowOutcome(row, outcome, texts.encode(problems));
    }

}
