package org.jixing.training;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.shared.PageResult;
import org.jixing.training.internal.CompletionStore;
import org.jixing.training.internal.EnrolmentStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rosters as the pages, the API and other modules read them: a class's roster (whole or a
 * page), its completions, and the completed trainings other modules' rules ask about.
 * Enrolling and withdrawing are {@link Enrolling}'s, completing a class
 * {@link ClassCompletions}', the rules {@link EligibilityChecks}'.
 */
@Service
public class Enrolments {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EnrolmentStore store;

    private final CompletionStore completions;

    private final ClassOpenings classes;

    private final People people;

    private final AuditTrail audit;

    Enrolments(EnrolmentStore store, CompletionStore completions, ClassOpenings classes, People people,
            AuditTrail audit) {
        this.store = store;
        this.completions = completions;
        this.classes = classes;
        this.people = people;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Enrolment> roster(long classId) {
        classes.get(classId);
        List<EnrolmentStore.Row> rows = store.roster(classId);
        Map<Long, Person> persons = people
            .findAll(rows.stream().map(EnrolmentStore.Row::personId).collect(Collectors.toSet()));
        return rows.stream().map(r -> toEnrolment(r, persons.get(r.personId()))).toList();
    }

    /** A page of a class's roster, for classes of thousands. */
    @Transactional(readOnly = true)
    public PageResult<Enrolment> rosterPage(long classId, int page, int size) {
        classes.get(classId);
        List<EnrolmentStore.Row> rows = store.rosterPage(classId, PageResult.offset(page, size), size);
        Map<Long, Person> persons = people
            .findAll(rows.stream().map(EnrolmentStore.Row::personId).collect(Collectors.toSet()));
        return new PageResult<>(rows.stream().map(r -> toEnrolment(r, persons.get(r.personId()))).toList(), page, size,
                store.rosterCount(classId));
    }

    /**
     * Records a roster download with full ID numbers: which class, how many rows. Masked
     * downloads are not recorded (they disclose no more than the roster page).
     */
    @Transactional
    public void auditRosterExport(long classId, long rows) {
        TrainingClass c = classes.get(classId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("classNo", c.classNo());
        after.put("fullIdNumbers", true);
        after.put("rows", rows);
        audit.record(AuditEvent.of("class.roster.export.full", "class", classId, null, after));
    }

    /**
     * A trainee of a class as a subsidy claim sees them: the roster entry and the day
     * they completed (null if they did not).
     */
    public record ClassCompletion(Enrolment enrolment, LocalDate completedOn) {
    }

    /** The whole roster of a class in the caller's scope, with completions. */
    @Transactional(readOnly = true)
    public List<ClassCompletion> completions(long classId) {
        classes.get(classId);
        List<EnrolmentStore.Row> rows = store.roster(classId);
        Map<Long, Person> persons = people
            .findAll(rows.stream().map(EnrolmentStore.Row::personId).collect(Collectors.toSet()));
        Map<Long, LocalDate> days = completions.completedOn(classId);
        return rows.stream()
            .map(r -> new ClassCompletion(toEnrolment(r, persons.get(r.personId())), days.get(r.id())))
            .toList();
    }

    /**
     * Unscoped, for other modules' rules (skill assessment): one completed enrolment, if
     * it is completed.
     */
    @Transactional(readOnly = true)
    public Optional<CompletedTraining> completedTraining(long enrolmentId) {
        return completions.completedTraining(enrolmentId);
    }

    /** Unscoped: the completed enrolments of a class. */
    @Transactional(readOnly = true)
    public List<CompletedTraining> completedTrainingsOfClass(long classId) {
        return completions.completedTrainingsOfClass(classId);
    }

    /**
     * Unscoped, for the employment follow-up: completed enrolments in the order of their
     * completion day and id, after the given day and id, at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<CompletedEnrolment> completedEnrolmentsAfter(LocalDate afterDay, long afterId, int limit) {
        return completions.completedEnrolmentsAfter(afterDay, afterId, limit);
    }

    /** Unscoped, for the employment follow-up: those of these enrolments completed. */
    @Transactional(readOnly = true)
    public List<CompletedEnrolment> completedEnrolments(Collection<Long> enrolmentIds) {
        return completions.completedEnrolments(enrolmentIds);
    }

    /** Unscoped: a person's completed trainings of an occupation and level. */
    @Transactional(readOnly = true)
    public List<CompletedTraining> completedTrainings(long personId, String occupationCode, String levelCode) {
        return completions.completedTrainings(personId, occupationCode, levelCode);
    }

    /**
     * Unscoped, for employment services: the latest completed enrolments of classes in a
     * region (a province, city or county code), of one occupation if named.
     */
    @Transactional(readOnly = true)
    public List<CompletedTraining> completedTrainingsIn(String regionCode, String occupationCode, int limit) {
        return completions.completedTrainingsIn(regionCode, occupationCode, limit);
    }

    static String token() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Roster rows with the people they name. */
    static List<Enrolment> withPeople(List<EnrolmentStore.Row> rows, People people) {
        Map<Long, Person> persons = people
            .findAll(rows.stream().map(EnrolmentStore.Row::personId).collect(Collectors.toSet()));
        return rows.stream().map(r -> toEnrolment(r, persons.get(r.personId()))).toList();
    }

    static Enrolment toEnrolment(EnrolmentStore.Row r, Person p) {
        return new Enrolment(r.id(), r.classId(), r.personId(), p == null ? null : p.idNumberMasked(),
                p == null ? null : p.name(), r.subsidised(), r.ineligibleReasons(), r.status(), r.token(),
                r.enrolledAt(), r.version(), r.completionReason());
    }

}
