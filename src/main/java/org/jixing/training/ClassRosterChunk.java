package org.jixing.training;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.person.MembershipChannel;
import org.jixing.person.NewPerson;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.training.RosterRowParser.Candidate;
import org.jixing.training.internal.EligibilityFactStore.Facts;
import org.jixing.training.internal.EnrolmentStore;
import org.jixing.training.internal.RosterImportStore.Counts;
import org.jixing.training.internal.RosterImportStore.RowOutcome;

/**
 * The rows of a roster, enrolled in its class as single enrolment enrols: each person is
 * checked against the registry (a known ID number must come with the registered name, a
 * new one must be registrable), then against the eligibility rules over facts gathered
 * for the whole chunk at once; the chunk's new people, their groups and the enrolments
 * are written in bulk.
 */
final class ClassRosterChunk implements RosterChunk {

    private final RosterImport job;

    private final TrainingClass c;

    private final LocalDate today;

    private final People people;

    private final EligibilityChecks eligibility;

    private final EnrolmentStore enrolmentStore;

    private final AuditTrail audit;

    private final ImportTexts texts;

    private final Clock clock;

    /** Rows accepted by chunks that were checked but not written (all or nothing). */
    private int unwritten;

    ClassRosterChunk(RosterImport job, TrainingClass c, LocalDate today, People people, EligibilityChecks eligibility,
            EnrolmentStore enrolmentStore, AuditTrail audit, ImportTexts texts, Clock clock) {
        this.job = job;
        this.c = c;
        this.today = today;
        this.people = people;
        this.eligibility = eligibility;
        this.enrolmentStore = enrolmentStore;
        this.audit = audit;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public Taken take(int read, List<Candidate> candidates, Map<Integer, List<Problem>> problems, boolean write) {
        if (write) {
            enrolmentStore.lockClass(c.id());
        }
        // Who is registered already, and what the rules need to know of them.
        Map<String, Person> known = people.findAllByIdNumber(candidates.stream().map(Candidate::idNumber).toList());
        List<Long> knownIds = known.values().stream().map(Person::id).toList();
        Facts facts = eligibility.facts(knownIds, c);
        facts.rosterSize().addAndGet(unwritten);
        Set<String> required = eligibility.requiredGroups(c);
        Map<Long, Set<String>> held = required.isEmpty() ? Map.of() : people.groupsOn(knownIds, c.startDate());

        List<RowOutcome> outcomes = new ArrayList<>();
        List<Candidate> accepted = new ArrayList<>();
        Map<Integer, String> selfFundedReasons = new HashMap<>();
        Map<Integer, Integer> slots = new HashMap<>();
        int unchanged = 0;
        for (Candidate cand : candidates) {
            Person person = known.get(cand.idNumber());
            List<Problem> found = new ArrayList<>();
            if (person != null && !person.name().equals(cand.name())) {
                found.add(new Problem("name", "training.import.error.nameMismatch"));
            }
            if (person == null) {
                found.addAll(people.check(new NewPerson(cand.idNumber(), cand.name(), cand.phone(), c.regionCode())));
            }
            if (!found.isEmpty()) {
                problems.put(cand.row().number(), found);
                continue;
            }
            if (person != null && facts.inClass().contains(person.id())) {
                outcomes.add(outcome(cand.row().number(), "UNCHANGED",
                        List.of(new Problem("idNumber", "training.import.note.onRoster"))));
                unchanged++;
                continue;
            }
            Person subject = person != null ? person : provisional(cand);
            Set<String> groupsHeld = new HashSet<>(held.getOrDefault(subject.id(), Set.of()));
            groupsHeld.addAll(cand.groups());
            Eligibility e = eligibility.evaluate(c, subject, facts, groupsHeld);
            if (!e.blocking().isEmpty() || (!e.subsidy().isEmpty() && !job.selfFunded() && c.subsidised())) {
                List<Problem> all = new ArrayList<>(e.blocking());
                all.addAll(e.subsidy());
                problems.put(cand.row().number(), all);
                continue;
            }
            if (e.eligibleForSubsidy()) {
                Set<Integer> used = facts.usedSlots().computeIfAbsent(subject.id(), k -> new HashSet<>());
                int slot = 1;
                while (used.contains(slot)) {
                    slot++;
                }
                used.add(slot);
                slots.put(cand.row().number(), slot);
            }
            else {
                selfFundedReasons.put(cand.row().number(), eligibility.describe(e.subsidy()));
                outcomes.add(outcome(cand.row().number(), "SELF_FUNDED", e.subsidy()));
            }
            facts.enrol(subject.id());
            if (!write) {
                // Not written, so the next chunk's count will not see it.
                unwritten++;
            }
            accepted.add(cand.as(person, cand.groups()));
        }
        problems.forEach((row, list) -> outcomes.add(outcome(row, "INVALID", list)));

        int registered = 0;
        if (write && !accepted.isEmpty()) {
            registered = write(accepted, selfFundedReasons, slots);
        }
        int enrolled = accepted.size() - selfFundedReasons.size();
        outcomes.sort(Comparator.comparingInt(RowOutcome::rowNo));
        return new Taken(outcomes, new Counts(read, read, write ? enrolled : 0, write ? selfFundedReasons.size() : 0,
                unchanged, problems.size(), registered));
    }

    /** Registers the new people, records their groups, writes the enrolments. */
    private int write(List<Candidate> accepted, Map<Integer, String> selfFundedReasons, Map<Integer, Integer> slots) {
        List<NewPerson> fresh = accepted.stream()
            .filter(a -> a.known() == null)
            .map(a -> new NewPerson(a.idNumber(), a.name(), a.phone(), c.regionCode()))
            .toList();
        Map<String, Long> ids = new HashMap<>();
        int registered = 0;
        if (!fresh.isEmpty()) {
            People.BulkRegistration r = people.registerAll(fresh);
            ids.putAll(r.ids());
            registered = r.registered();
        }
        accepted.stream().filter(a -> a.known() != null).forEach(a -> ids.put(a.idNumber(), a.known().id()));
        List<People.NewMembership> memberships = new ArrayList<>();
        List<EnrolmentStore.NewRow> rows = new ArrayList<>();
        for (Candidate a : accepted) {
            long personId = ids.get(a.idNumber());
            for (String g : a.groups()) {
                memberships
                    .add(new People.NewMembership(personId, g, texts.evidence(job, a.row().number()), today, null));
            }
            String reasons = selfFundedReasons.get(a.row().number());
            rows.add(new EnrolmentStore.NewRow(personId, reasons == null, reasons, Enrolments.token(),
                    EnrolmentStatus.ENROLLED, null, null, slots.get(a.row().number())));
        }
        if (!memberships.isEmpty()) {
            // The provider's own declaration, kept as such: pricing shows it apart from
            // the registry's records.
            people.addGroups(memberships, MembershipChannel.ROSTER_IMPORT);
        }
        enrolmentStore.insertAll(c.id(), c.providerId(), c.regionCode(), c.lineCode(), c.startDate().getYear(),
                c.occupationCode(), c.levelCode(), rows, job.createdBy(), clock.instant());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("class", c.classNo());
        after.put("import", job.id());
        after.put("enrolled", rows.size());
        after.put("selfFunded", selfFundedReasons.size());
        after.put("registered", registered);
        audit.record(AuditEvent.of("enrolment.import", "class", c.id(), null, after));
        return registered;
    }

    /** A person not registered yet, as the rules see them: born as the ID number says. */
    private Person provisional(Candidate cand) {
        var parsed = ResidentIdNumbers.parse(cand.idNumber(), today);
        // Negative ids never clash with registered people in the facts.
        return new Person(-cand.row().number(), parsed.masked(), cand.name(), parsed.male(), parsed.birthDate(), null,
                c.regionCode(), 0);
    }

    private RowOutcome outcome(int row, String outcome, List<Problem> problems) {
        return new RowOutcome(row, outcome, texts.encode(problems));
    }

}
