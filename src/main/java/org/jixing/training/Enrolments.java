package org.jixing.training;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.person.NewPerson;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.training.internal.EnrolmentStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rosters and enrolment with eligibility. Every rule a person fails is listed with its
 * reason. Rules that decide only the subsidy (three a year, one per occupation and level,
 * the line's groups) let the provider enrol the person self-funded instead; the others
 * (age, capacity, overlapping classes, an open class) refuse the enrolment.
 */
@Service
@EnableConfigurationProperties(EligibilityProperties.class)
public class Enrolments {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EnrolmentStore store;

    private final ClassOpenings classes;

    private final People people;

    private final EligibilityProperties rules;

    private final AuditTrail audit;

    private final MessageSource messages;

    private final Clock clock;

    private final Attendance attendance;

    private final AttendanceProperties attendanceRules;

    private final org.springframework.context.ApplicationEventPublisher events;

    private final org.jixing.shared.throttle.Throttle throttle;

    Enrolments(EnrolmentStore store, ClassOpenings classes, People people, EligibilityProperties rules,
            AuditTrail audit, MessageSource messages, Clock clock, Attendance attendance,
            AttendanceProperties attendanceRules, org.springframework.context.ApplicationEventPublisher events,
            org.jixing.shared.throttle.Throttle throttle) {
        this.throttle = throttle;
        this.attendance = attendance;
        this.attendanceRules = attendanceRules;
        this.events = events;
        this.store = store;
        this.classes = classes;
        this.people = people;
        this.rules = rules;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The outcome of the rules for one person and class: {@code blocking} refuse any
     * enrolment, {@code subsidy} only the subsidy.
     */
    public record Eligibility(List<Problem> blocking, List<Problem> subsidy) {

        public boolean eligibleForSubsidy() {
            return blocking.isEmpty() && subsidy.isEmpty();
        }

    }

    /** Eligibility checks a user may run: a burst of 30, then one every 6 seconds. */
    static final org.jixing.shared.throttle.ThrottlePolicy CHECKS = new org.jixing.shared.throttle.ThrottlePolicy(30,
            java.time.Duration.ofSeconds(6));

    /**
     * Checks the rules for a person without enrolling, answering only what the caller may
     * know. The registry's record decides when the caller may see it (an officer whose
     * region holds the person, the province) or names the person correctly (ID number and
     * the name as registered, as a provider does who has the trainee in front of them);
     * otherwise the person is judged as a newcomer, whom enrolment would register: the
     * rules of the ID number and the class alone. So a provider cannot tell an
     * unregistered person from one registered under another name, and "not registered" is
     * told only to a caller whose scope spans the province. Another provider's class is
     * never named (see {@link #evaluate}). Each check takes a token from the caller's
     * bucket ({@link #CHECKS}).
     */
    @Transactional(readOnly = true)
    public Eligibility check(long classId, String idNumber, String name) {
        CurrentUser me = CurrentUser.require();
        TrainingClass c = classes.get(classId);
        throttle.require("eligibility-check", "eligibility-check:" + me.id(),
                throttle.policy("eligibility-check", CHECKS));
        people.checkIdNumber("idNumber", idNumber).ifPresent(p -> {
            throw new InvalidInputException(List.of(p));
        });
        java.util.Optional<Person> registered = people.findByIdNumber(idNumber);
        if (registered.isPresent() && me.scope().coversRegion(registered.get().regionCode())) {
            return rules(c, registered.get());
        }
        if (registered.isEmpty() && me.scope().isProvinceWide()) {
            throw InvalidInputException.of("idNumber", "training.error.enrol.unknownPerson");
        }
        String given = name == null ? "" : name.strip();
        if (given.isEmpty()) {
            throw InvalidInputException.of("name", "training.error.check.nameRequired");
        }
        if (registered.isPresent() && registered.get().name().strip().equals(given)) {
            return rules(c, registered.get());
        }
        return rules(c, newcomer(idNumber, given, c));
    }

    /** A person as enrolment would register them: no record, no history, no groups. */
    private Person newcomer(String idNumber, String name, TrainingClass c) {
        var parsed = org.jixing.shared.ResidentIdNumbers.parse(idNumber, java.time.LocalDate.now(clock));
        return new Person(-1, parsed.masked(), name, parsed.male(), parsed.birthDate(), null, c.regionCode(), 0);
    }

    Eligibility rules(TrainingClass c, Person person) {
        var facts = store.facts(List.of(person.id()), c.id(), c.startDate().getYear(), c.occupationCode(),
                c.levelCode());
        Set<String> held = requiredGroups(c).isEmpty() ? Set.of() : people.groupsOn(person.id(), c.startDate());
        return evaluate(c, person, facts, held);
    }

    Set<String> requiredGroups(TrainingClass c) {
        return rules.lineGroups().getOrDefault(c.lineCode(), Set.of());
    }

    /**
     * The rules themselves, over facts gathered beforehand: one person at a time or a
     * whole roster at once give the same answers.
     */
    Eligibility evaluate(TrainingClass c, Person person, EnrolmentStore.Facts facts, Set<String> groupsHeld) {
        List<Problem> blocking = new ArrayList<>();
        List<Problem> subsidy = new ArrayList<>();
        long id = person.id();
        if (c.status() != ClassStatus.APPROVED && c.status() != ClassStatus.RUNNING) {
            blocking.add(new Problem(null, "training.error.enrol.closed",
                    new DefaultMessageSourceResolvable("training.status." + c.status().name())));
        }
        if (person.ageOn(c.startDate()) < rules.minimumAge()) {
            blocking.add(new Problem("idNumber", "training.error.enrol.age", rules.minimumAge()));
        }
        if (facts.inClass().contains(id)) {
            blocking.add(new Problem("idNumber", "training.error.enrol.already"));
        }
        if (facts.overlapping().containsKey(id)) {
            blocking.add(otherClass("training.error.enrol.overlap", c, facts.overlapping().get(id)));
        }
        if (!facts.inClass().contains(id) && facts.rosterSize().get() >= c.capacity()) {
            blocking.add(new Problem(null, "training.error.enrol.full", c.capacity()));
        }
        if (!c.subsidised()) {
            subsidy.add(new Problem(null, "training.error.enrol.classNotSubsidised"));
            return new Eligibility(blocking, subsidy);
        }
        int year = c.startDate().getYear();
        if (facts.usedSlots().getOrDefault(id, Set.of()).size() >= 3) {
            subsidy.add(new Problem("idNumber", "training.error.enrol.yearlyLimit", String.valueOf(year)));
        }
        if (facts.sameQualification().containsKey(id)) {
            subsidy.add(otherClass("training.error.enrol.sameQualification", c, facts.sameQualification().get(id)));
        }
        Set<String> required = requiredGroups(c);
        if (!required.isEmpty() && groupsHeld.stream().noneMatch(required::contains)) {
            subsidy.add(new Problem("idNumber", "training.error.enrol.group",
                    new DefaultMessageSourceResolvable("training.lineGroups." + c.lineCode())));
        }
        return new Eligibility(blocking, subsidy);
    }

    /**
     * A rule that points at another class names it only when that class is the same
     * provider's, or lies in the region of the officer asking: the answer (and the
     * reasons stored with an enrolment) never tells a provider which other provider, city
     * or class a person attends.
     */
    private static Problem otherClass(String key, TrainingClass c, EnrolmentStore.OtherClass other) {
        boolean visible = other.providerId() == c.providerId() || other.regionCode() != null
                && CurrentUser.current().map(u -> u.scope().coversRegion(other.regionCode())).orElse(false);
        return visible ? new Problem("idNumber", key, other.classNo())
                : new Problem("idNumber", key + ".otherProvider");
    }

    /**
     * Enrols a person by ID number, registering them first when name and phone are given.
     * The database refuses a fourth subsidised training of a year even when two
     * enrolments race.
     */
    @Transactional
    public Enrolment enrol(long classId, EnrolmentRequest request) {
        CurrentUser me = CurrentUser.require();
        if (!TrainingPermission.CLASS_RUN.allows(me)) {
            throw new AccessDeniedException("provider staff enrol trainees");
        }
        TrainingClass c = classes.get(classId);
        store.lockClass(classId);
        people.checkIdNumber("idNumber", request.idNumber()).ifPresent(p -> {
            throw new InvalidInputException(List.of(p));
        });
        Person person = people.findByIdNumber(request.idNumber()).orElseGet(() -> {
            if (request.name() == null || request.name().isBlank()) {
                throw InvalidInputException.of("name", "training.error.enrol.unknownPerson");
            }
            return people.register(new NewPerson(request.idNumber(), request.name(), request.phone(), c.regionCode()));
        });
        Eligibility e = rules(c, person);
        if (!e.blocking().isEmpty()) {
            throw new InvalidInputException(e.blocking());
        }
        boolean subsidised = e.subsidy().isEmpty();
        if (!subsidised && !Boolean.TRUE.equals(request.selfFundedIfIneligible()) && c.subsidised()) {
            throw new InvalidInputException(e.subsidy());
        }
        String reasons = subsidised ? null : describe(e.subsidy());
        Instant now = clock.instant();
        long id;
        try {
            id = store.insert(c.id(), person.id(), c.providerId(), c.regionCode(), c.lineCode(), subsidised, reasons,
                    token(), me.username(), now);
            if (subsidised) {
                if (!store.takeSlot(person.id(), c.startDate().getYear(), id)) {
                    throw InvalidInputException.of("idNumber", "training.error.enrol.yearlyLimit",
                            String.valueOf(c.startDate().getYear()));
                }
                store.takeQualification(person.id(), c.occupationCode(), c.levelCode(), id);
            }
        }
        catch (DuplicateKeyException ex) {
            // Another enrolment of the same person won the last slot, the same
            // qualification
            // or the same class a moment ago.
            throw InvalidInputException.of("idNumber", "training.error.enrol.concurrent");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("class", c.classNo());
        after.put("person", person.idNumberMasked());
        after.put("subsidised", subsidised);
        after.put("ineligibleReasons", reasons);
        audit.record(AuditEvent.of("enrolment.create", "enrolment", id, null, after));
        return toEnrolment(store.find(id).orElseThrow(), person);
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
    public org.jixing.shared.PageResult<Enrolment> rosterPage(long classId, int page, int size) {
        classes.get(classId);
        List<EnrolmentStore.Row> rows = store.rosterPage(classId, org.jixing.shared.PageResult.offset(page, size),
                size);
        Map<Long, Person> persons = people
            .findAll(rows.stream().map(EnrolmentStore.Row::personId).collect(Collectors.toSet()));
        return new org.jixing.shared.PageResult<>(
                rows.stream().map(r -> toEnrolment(r, persons.get(r.personId()))).toList(), page, size,
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
    public record ClassCompletion(Enrolment enrolment, java.time.LocalDate completedOn) {
    }

    /** The whole roster of a class in the caller's scope, with completions. */
    @Transactional(readOnly = true)
    public List<ClassCompletion> completions(long classId) {
        classes.get(classId);
        List<EnrolmentStore.Row> rows = store.roster(classId);
        Map<Long, Person> persons = people
            .findAll(rows.stream().map(EnrolmentStore.Row::personId).collect(Collectors.toSet()));
        Map<Long, java.time.LocalDate> days = store.completedOn(classId);
        return rows.stream()
            .map(r -> new ClassCompletion(toEnrolment(r, persons.get(r.personId())), days.get(r.id())))
            .toList();
    }

    /**
     * Unscoped, for other modules' rules (skill assessment): one completed enrolment, if
     * it is completed.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<CompletedTraining> completedTraining(long enrolmentId) {
        return store.completedTraining(enrolmentId);
    }

    /** Unscoped: the completed enrolments of a class. */
    @Transactional(readOnly = true)
    public List<CompletedTraining> completedTrainingsOfClass(long classId) {
        return store.completedTrainingsOfClass(classId);
    }

    /** Unscoped: a person's completed trainings of an occupation and level. */
    @Transactional(readOnly = true)
    public List<CompletedTraining> completedTrainings(long personId, String occupationCode, String levelCode) {
        return store.completedTrainings(personId, occupationCode, levelCode);
    }

    /** Takes a person off the roster; a subsidy slot taken by the enrolment is freed. */
    @Transactional
    public Enrolment withdraw(long classId, long enrolmentId, int version, String reason) {
        if (!TrainingPermission.CLASS_RUN.allows(CurrentUser.require())) {
            throw new AccessDeniedException("provider staff manage rosters");
        }
        TrainingClass c = classes.get(classId);
        EnrolmentStore.Row row = org.jixing.shared.scope.ScopeGuard.under(store.find(enrolmentId),
                r -> r.classId() == c.id(), "enrolment", enrolmentId);
        if (row.status() != EnrolmentStatus.ENROLLED) {
            throw InvalidInputException.of(null, "training.error.enrol.notEnrolled");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "training.error.reason.required");
        }
        if (!store.changeStatus(enrolmentId, version, EnrolmentStatus.WITHDRAWN, reason.strip())) {
            throw new org.springframework.dao.OptimisticLockingFailureException("enrolment " + enrolmentId);
        }
        store.releaseSubsidy(enrolmentId);
        audit.record(AuditEvent.of("enrolment.withdraw", "enrolment", enrolmentId, Map.of("status", "ENROLLED"),
                Map.of("status", "WITHDRAWN", "reason", reason.strip())));
        return toEnrolment(store.find(enrolmentId).orElseThrow(), people.find(row.personId()).orElse(null));
    }

    /**
     * The provider completes a running class: each enrolled trainee completes when their
     * attendance reaches the threshold and they passed the provider's assessment (those
     * in {@code failedAssessment} did not); the others are marked not completed with the
     * reason. Publishes {@link TrainingCompleted} for each completion.
     */
    @Transactional
    public List<Enrolment> complete(long classId, int version, java.util.Set<Long> failedAssessment) {
        if (!TrainingPermission.CLASS_RUN.allows(CurrentUser.require())) {
            throw new AccessDeniedException("providers complete their classes");
        }
        TrainingClass c = classes.get(classId);
        Map<Long, Attendance.Rate> rates = attendance.rates(classId);
        TrainingClass completed = classes.step(classId, ClassDecision.COMPLETE, version, null);
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(ClassOpenings.CHINA));
        int done = 0;
        List<EnrolmentStore.Row> roster = store.roster(classId);
        // The groups each trainee held when the class started, announced with the
        // completion.
        Map<Long, Set<String>> groups = people.groupsOn(roster.stream()
            .filter(r -> r.status() == EnrolmentStatus.ENROLLED)
            .map(EnrolmentStore.Row::personId)
            .toList(), c.startDate());
        for (EnrolmentStore.Row r : roster) {
            if (r.status() != EnrolmentStatus.ENROLLED) {
                continue;
            }
            Attendance.Rate rate = rates.getOrDefault(r.id(), new Attendance.Rate(0, 0));
            List<String> reasons = completionShortfalls(rate,
                    failedAssessment != null && failedAssessment.contains(r.id()));
            boolean ok = reasons.isEmpty();
            store.complete(r.id(), ok ? EnrolmentStatus.COMPLETED : EnrolmentStatus.NOT_COMPLETED,
                    ok ? null : String.join("；", reasons), today);
            if (ok) {
                done++;
                Set<String> held = Set.copyOf(groups.getOrDefault(r.personId(), Set.of()));
                events.publishEvent(new TrainingCompleted(r.id(), r.personId(), c.id(), c.providerId(), c.lineCode(),
                        c.subTargetCode(), c.regionCode(), c.occupationCode(), c.levelCode(), r.subsidised(), today,
                        held));
            }
        }
        audit.record(AuditEvent.of("class.complete.trainees", "class", classId, null,
                Map.of("completed", done, "classNo", completed.classNo())));
        return roster(classId);
    }

    /**
     * Why a trainee does not complete: attendance below the threshold, a failed
     * assessment; empty when they complete. In Chinese, the language of the records.
     */
    List<String> completionShortfalls(Attendance.Rate rate, boolean failedAssessment) {
        List<String> reasons = new ArrayList<>();
        if (rate.value() < attendanceRules.completionRate()) {
            reasons.add(messages.getMessage("training.completion.lowAttendance",
                    new Object[] { rate.percent(), (int) Math.round(attendanceRules.completionRate() * 100) },
                    java.util.Locale.SIMPLIFIED_CHINESE));
        }
        if (failedAssessment) {
            reasons.add(messages.getMessage("training.completion.failedAssessment", null,
                    java.util.Locale.SIMPLIFIED_CHINESE));
        }
        return reasons;
    }

    String describe(List<Problem> problems) {
        // Stored in Chinese, the language of the records; pages show it as it is.
        return problems.stream()
            .map(p -> messages.getMessage(p.messageKey(), p.args(), p.messageKey(),
                    java.util.Locale.SIMPLIFIED_CHINESE))
            .collect(Collectors.joining("；"));
    }

    static String token() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static Enrolment toEnrolment(EnrolmentStore.Row r, Person p) {
        return new Enrolment(r.id(), r.classId(), r.personId(), p == null ? null : p.idNumberMasked(),
                p == null ? null : p.name(), r.subsidised(), r.ineligibleReasons(), r.status(), r.token(),
                r.enrolledAt(), r.version(), r.completionReason());
    }

}
