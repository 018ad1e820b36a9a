package org.jixing.training;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jixing.audit.AuditEvent;
import org.jixing.person.NewPerson;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.reference.TraineeGroup;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.tabular.TableFiles;
import org.jixing.shared.tabular.TableInspection;
import org.jixing.shared.tabular.TableLimits;
import org.jixing.shared.tabular.TableReader;
import org.jixing.shared.tabular.TableRow;
import org.jixing.training.internal.EnrolmentStore;
import org.jixing.training.internal.RosterImportStore;
import org.jixing.training.internal.RosterImportStore.Counts;
import org.jixing.training.internal.RosterImportStore.RowOutcome;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of a roster import, in the background as the user who uploaded the file. Rows
 * are read in chunks; each row is checked as single enrolment checks it (ID number, name,
 * phone, groups, then the eligibility rules over facts gathered for the whole chunk at
 * once), and the chunk's new people, memberships, enrolments and row outcomes are written
 * in bulk. In "valid rows" mode each chunk commits with the import's counts, so a run
 * stopped by a crash resumes after the last committed chunk; in "all or nothing" mode the
 * whole file is one transaction, rolled back if any row is invalid.
 */
final class RosterImportRun {

    /**
     * For tests of crash recovery: the run stops dead after this many chunks, as a killed
     * process would, leaving the import as it stood. Negative: never.
     */
    static volatile int crashAfterChunks = -1;

    static final class SimulatedCrash extends RuntimeException {

        SimulatedCrash() {
            super("simulated crash");
        }

    }

    private static final Pattern GROUP_SEPARATORS = Pattern.compile("[、,，;；/|\\s]+");

    private final RosterImports owner;

    private final RosterImport job;

    private final TrainingClass c;

    private final Path file;

    private final RosterColumns columns;

    private final TableInspection inspection;

    /** Each ID number seen in the file with the row it was first seen on. */
    private final Map<String, Integer> seen = new HashMap<>();

    private final Map<String, String> groupsByName = new HashMap<>();

    private final LocalDate today;

    /** Rows accepted by chunks that were checked but not written (all or nothing). */
    private int unwritten;

    private Counts counts;

    RosterImportRun(RosterImports owner, RosterImport job, TrainingClass c, Path file, TableInspection inspection,
            RosterColumns columns, List<TraineeGroup> groups, LocalDate today) {
        this.owner = owner;
        this.job = job;
        this.c = c;
        this.file = file;
        this.inspection = inspection;
        this.columns = columns;
        this.today = today;
        for (TraineeGroup g : groups) {
            this.groupsByName.put(g.code().toLowerCase(Locale.ROOT), g.code());
            this.groupsByName.put(g.nameZh(), g.code());
            this.groupsByName.put(g.nameEn().toLowerCase(Locale.ROOT), g.code());
        }
    }

    /** Runs to the end; returns the status the import ends in. */
    ImportStatus run() {
        RosterImportStore store = owner.store;
        boolean resume = job.mode() == ImportMode.VALID_ROWS && job.rowsDone() > 0;
        counts = resume ? new Counts(job.rowsDone(), job.rowsDone(), job.rowsEnrolled(), job.rowsSelfFunded(),
                job.rowsUnchanged(), job.rowsInvalid(), job.peopleRegistered()) : Counts.ZERO;
        int skip = resume ? job.rowsDone() : 0;
        owner.inNewTransaction(() -> {
            store.deleteRowsFrom(job.id(), resume ? lastRowDone(skip) + 1 : 0);
            store.counts(job.id(), counts);
            return null;
        });
        if (job.mode() == ImportMode.VALID_ROWS) {
            return readChunks(skip, true);
        }
        // All or nothing: one transaction; the outcomes are kept until it ends.
        List<RowOutcome> kept = new ArrayList<>();
        TransactionTemplate tx = owner.transactions();
        return tx.execute(status -> {
            ImportStatus end = readChunks(0, false, kept);
            if (end != ImportStatus.DONE || counts.invalid() > 0) {
                status.setRollbackOnly();
                ImportStatus result = end == ImportStatus.DONE ? ImportStatus.REJECTED : end;
                Counts rejected = new Counts(counts.done(), counts.validated(), 0, 0, 0, counts.invalid(), 0);
                owner.inNewTransaction(() -> {
                    store.insertRows(job.id(), kept.stream().filter(r -> r.outcome().equals("INVALID")).toList());
                    store.counts(job.id(), rejected);
                    return null;
                });
                return result;
            }
            store.insertRows(job.id(), kept);
            store.counts(job.id(), counts);
            return ImportStatus.DONE;
        });
    }

    private ImportStatus readChunks(int skip, boolean commitEach) {
        return readChunks(skip, commitEach, null);
    }

    private ImportStatus readChunks(int skip, boolean commitEach, List<RowOutcome> kept) {
        TableLimits limits = TableLimits.IMPORT;
        int chunkRows = owner.properties.chunkRows();
        int chunks = 0;
        try (TableReader reader = TableFiles.open(file, inspection, limits)) {
            int skipped = 0;
            while (skipped < skip && reader.hasNext()) {
                TableRow row = reader.next();
                String id = ResidentIdNumbers.normalize(row.cell(columns.idNumber()));
                seen.putIfAbsent(id, row.number());
                skipped++;
            }
            List<TableRow> chunk = new ArrayList<>(chunkRows);
            while (true) {
                boolean more = reader.hasNext();
                if (more) {
                    chunk.add(reader.next());
                }
                if (chunk.size() == chunkRows || (!more && !chunk.isEmpty())) {
                    if (owner.store.cancelRequested(job.id())) {
                        return ImportStatus.CANCELLED;
                    }
                    List<TableRow> rows = List.copyOf(chunk);
                    chunk.clear();
                    if (commitEach) {
                        owner.transactions().execute(status -> {
                            List<RowOutcome> outcomes = chunk(rows, true);
                            owner.store.insertRows(job.id(), outcomes);
                            owner.store.counts(job.id(), counts);
                            return null;
                        });
                    }
                    else {
                        kept.addAll(chunk(rows, counts.invalid() == 0));
                        Counts progress = counts;
                        owner.inNewTransaction(() -> {
                            owner.store.counts(job.id(), progress);
                            return null;
                        });
                    }
                    chunks++;
                    if (crashAfterChunks >= 0 && chunks >= crashAfterChunks) {
                        throw new SimulatedCrash();
                    }
                }
                if (!more) {
                    return ImportStatus.DONE;
                }
            }
        }
    }

    /** The row number of the last row done: rows are numbered as the sheet shows them. */
    private int lastRowDone(int done) {
        try (TableReader reader = TableFiles.open(file, inspection, TableLimits.IMPORT)) {
            int last = 1;
            for (int i = 0; i < done && reader.hasNext(); i++) {
                last = reader.next().number();
            }
            return last;
        }
    }

    private record Candidate(TableRow row, String idNumber, String name, String phone, Set<String> groups,
            Person known) {
    }

    /**
     * Checks a chunk and, when {@code write}, writes its valid rows; returns the outcomes
     * of the rows that were not simply enrolled and moves the counts on.
     */
    private List<RowOutcome> chunk(List<TableRow> rows, boolean write) {
        People people = owner.people;
        Enrolments enrolments = owner.enrolments;
        if (write && c != null) {
            owner.enrolmentStore.lockClass(c.id());
        }
        Map<Integer, List<Problem>> problems = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (TableRow row : rows) {
            List<Problem> found = new ArrayList<>();
            String id = cell(row, columns.idNumber(), "idNumber", found);
            String name = cell(row, columns.name(), "name", found);
            String phone = cell(row, columns.phone(), "phone", found);
            String groupText = columns.groups() < 0 ? "" : cell(row, columns.groups(), "groups", found);
            String normal = ResidentIdNumbers.normalize(id);
            if (!found.stream().anyMatch(p -> "idNumber".equals(p.field()))) {
                if (normal.matches("\\d(\\.\\d+)?E\\+?\\d+")) {
                    found.add(new Problem("idNumber", "training.import.error.idAsNumber"));
                }
                else {
                    people.checkIdNumber("idNumber", normal).ifPresent(found::add);
                }
            }
            if (found.isEmpty()) {
                Integer first = seen.putIfAbsent(normal, row.number());
                if (first != null && first != row.number()) {
                    found.add(new Problem("idNumber", "training.import.error.duplicate", first));
                }
            }
            Set<String> groups = new LinkedHashSet<>();
            if (!groupText.isBlank()) {
                for (String token : GROUP_SEPARATORS.split(groupText)) {
                    if (token.isBlank()) {
                        continue;
                    }
                    String code = groupsByName.get(token.toLowerCase(Locale.ROOT));
                    if (code == null) {
                        code = groupsByName.get(token);
                    }
                    if (code == null) {
                        found.add(new Problem("groups", "training.import.error.group", token));
                    }
                    else {
                        groups.add(code);
                    }
                }
            }
            if (!found.isEmpty()) {
                problems.put(row.number(), found);
                continue;
            }
            candidates.add(new Candidate(row, normal, name, phone, groups, null));
        }

        // Who is registered already, and what the rules need to know of them.
        Map<String, Person> known = people.findAllByIdNumber(candidates.stream().map(Candidate::idNumber).toList());
        if (c == null) {
            return traineeChunk(rows.size(), problems, candidates, known, write);
        }
        List<Long> knownIds = known.values().stream().map(Person::id).toList();
        EnrolmentStore.Facts facts = owner.enrolmentStore.facts(knownIds, c.id(), c.startDate().getYear(),
                c.occupationCode(), c.levelCode());
        facts.rosterSize().addAndGet(unwritten);
        Set<String> required = enrolments.requiredGroups(c);
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
            Enrolments.Eligibility e = enrolments.evaluate(c, subject, facts, groupsHeld);
            if (!e.blocking().isEmpty() || (!e.subsidy().isEmpty() && !job.selfFunded() && c.subsidised())) {
                List<Problem> all = new ArrayList<>(e.blocking());
                all.addAll(e.subsidy());
                problems.put(cand.row().number(), all);
                continue;
            }
            boolean subsidised = e.eligibleForSubsidy();
            if (subsidised) {
                Set<Integer> used = facts.usedSlots().computeIfAbsent(subject.id(), k -> new HashSet<>());
                int slot = 1;
                while (used.contains(slot)) {
                    slot++;
                }
                used.add(slot);
                slots.put(cand.row().number(), slot);
            }
            else {
                String reasons = enrolments.describe(e.subsidy());
                selfFundedReasons.put(cand.row().number(), reasons);
                outcomes.add(outcome(cand.row().number(), "SELF_FUNDED", e.subsidy()));
            }
            facts.enrol(subject.id());
            if (!write) {
                // Not written, so the next chunk's count will not see it.
                unwritten++;
            }
            accepted.add(new Candidate(cand.row(), cand.idNumber(), cand.name(), cand.phone(), cand.groups(), person));
        }
        problems.forEach((row, list) -> outcomes.add(outcome(row, "INVALID", list)));

        int registered = 0;
        if (write && !accepted.isEmpty()) {
            registered = write(accepted, selfFundedReasons, slots);
        }
        int enrolled = accepted.size() - selfFundedReasons.size();
        counts = new Counts(counts.done() + rows.size(), counts.validated() + rows.size(),
                counts.enrolled() + (write ? enrolled : 0),
                counts.selfFunded() + (write ? selfFundedReasons.size() : 0), counts.unchanged() + unchanged,
                counts.invalid() + problems.size(), counts.registered() + registered);
        outcomes.sort(java.util.Comparator.comparingInt(RowOutcome::rowNo));
        return outcomes;
    }

    /** Registers the new people, records their groups, writes the enrolments. */
    private int write(List<Candidate> accepted, Map<Integer, String> selfFundedReasons, Map<Integer, Integer> slots) {
        People people = owner.people;
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
                    .add(new People.NewMembership(personId, g, owner.evidence(job, a.row().number()), today, null));
            }
            String reasons = selfFundedReasons.get(a.row().number());
            rows.add(new EnrolmentStore.NewRow(personId, reasons == null, reasons, Enrolments.token(),
                    EnrolmentStatus.ENROLLED, null, null, slots.get(a.row().number())));
        }
        if (!memberships.isEmpty()) {
            // The provider's own declaration, kept as such: pricing shows it apart from
            // the registry's records.
            people.addGroups(memberships, org.jixing.person.MembershipChannel.ROSTER_IMPORT);
        }
        owner.enrolmentStore.insertAll(c.id(), c.providerId(), c.regionCode(), c.lineCode(), c.startDate().getYear(),
                c.occupationCode(), c.levelCode(), rows, job.createdBy(), owner.now());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("class", c.classNo());
        after.put("import", job.id());
        after.put("enrolled", rows.size());
        after.put("selfFunded", selfFundedReasons.size());
        after.put("registered", registered);
        owner.audit.record(AuditEvent.of("enrolment.import", "class", c.id(), null, after));
        return registered;
    }

    /**
     * A chunk of a trainee list: new people are registered in the import's region, people
     * already registered change only by the groups the file gives them that they do not
     * hold yet.
     */
    private List<RowOutcome> traineeChunk(int read, Map<Integer, List<Problem>> problems, List<Candidate> candidates,
            Map<String, Person> known, boolean write) {
        People people = owner.people;
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
                newGroups.add(new Candidate(cand.row(), cand.idNumber(), cand.name(), cand.phone(), added, person));
                outcomes.add(outcome(cand.row().number(), "UNCHANGED",
                        List.of(new Problem("groups", "training.import.note.groupsAdded", added.size()))));
            }
        }
        problems.forEach((row, list) -> outcomes.add(outcome(row, "INVALID", list)));
        int registered = 0;
        if (write) {
            Map<String, Long> ids = new HashMap<>();
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
                            owner.evidence(job, a.row().number()), today, null)));
            }
            for (Candidate a : newGroups) {
                a.groups()
                    .forEach(g -> memberships.add(new People.NewMembership(a.known().id(), g,
                            owner.evidence(job, a.row().number()), today, null)));
            }
            if (!memberships.isEmpty()) {
                people.addGroups(memberships, org.jixing.person.MembershipChannel.REGISTRY_IMPORT);
            }
        }
        counts = new Counts(counts.done() + read, counts.validated() + read,
                counts.enrolled() + (write ? fresh.size() : 0), counts.selfFunded(), counts.unchanged() + unchanged,
                counts.invalid() + problems.size(), counts.registered() + registered);
        outcomes.sort(java.util.Comparator.comparingInt(RowOutcome::rowNo));
        return outcomes;
    }

    /** A person not registered yet, as the rules see them: born as the ID number says. */
    private Person provisional(Candidate cand) {
        var parsed = ResidentIdNumbers.parse(cand.idNumber(), today);
        // Negative ids never clash with registered people in the facts.
        return new Person(-cand.row().number(), parsed.masked(), cand.name(), parsed.male(), parsed.birthDate(), null,
                c.regionCode(), 0);
    }

    /** A cell's text; one that holds or starts a formula is refused with the reason. */
    private static String cell(TableRow row, int column, String field, List<Problem> problems) {
        String text = row.cell(column);
        if (row.isFormula(column)) {
            problems.add(new Problem(field, "training.import.error.formula"));
            return "";
        }
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            problems.add(new Problem(field, "training.import.error.formulaText", text.substring(0, 1)));
            return "";
        }
        if (text.isEmpty() && !"groups".equals(field)) {
            problems.add(new Problem(field, "training.import.error.required"));
        }
        return text;
    }

    private RowOutcome outcome(int row, String outcome, List<Problem> problems) {
        return new RowOutcome(row, outcome, owner.encode(problems));
    }

}
