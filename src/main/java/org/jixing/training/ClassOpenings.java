package org.jixing.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.PageResult;
import org.jixing.shared.ProvinceTime;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.internal.ClassStore;
import org.jixing.training.internal.ProgrammeStore;
import org.jixing.training.internal.TeacherStore;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening classes: a provider applies with the programme, venue, dates, sessions and
 * teachers; the region approves or rejects; the provider runs and completes it; the
 * region closes it. Every step is one transaction with an audit entry; a stale version is
 * refused.
 */
@Service
public class ClassOpenings {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ClassStore classes;

    private final ProgrammeStore programmes;

    private final TeacherStore teachers;

    private final Filings filings;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final Clock clock;

    private final AttendanceProperties attendanceRules;

    ClassOpenings(ClassStore classes, ProgrammeStore programmes, TeacherStore teachers, Filings filings,
            ScopeGuard guard, AuditTrail audit, Clock clock, AttendanceProperties attendanceRules) {
        this.attendanceRules = attendanceRules;
        this.classes = classes;
        this.programmes = programmes;
        this.teachers = teachers;
        this.filings = filings;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TrainingClass get(long id) {
        return guard.require(classes.find(id, ScopeSql.forCurrentUser(ClassStore.SCOPE)), "class", id,
                () -> classes.exists(id));
    }

    @Transactional(readOnly = true)
    public List<ClassSession> sessions(long id) {
        get(id);
        return classes.sessions(id);
    }

    /**
     * Unscoped, for complaints about a class (supervision): the provider of a class, if
     * the class exists.
     */
    @Transactional(readOnly = true)
    public Optional<Long> providerOf(long classId) {
        return classes.find(classId, ScopeSql.UNSCOPED).map(TrainingClass::providerId);
    }

    /**
     * Unscoped, for the employment module's order classes: a class with its type,
     * employer, dates and capacity, if it exists (the enterprise it names is no scope of
     * training's).
     */
    @Transactional(readOnly = true)
    public Optional<TrainingClass> employerClass(long classId) {
        return classes.find(classId, ScopeSql.UNSCOPED);
    }

    /** A class whatever the caller's scope, for recorded history. */
    TrainingClass findUnscoped(long id) {
        return classes.find(id, ScopeSql.UNSCOPED).orElseThrow();
    }

    /**
     * Records a step of a past class as it happened: the status, who took it, when; no
     * rule or audit entry of a live step.
     */
    void recordStep(long id, int version, ClassStatus to, String by, Instant at) {
        classes.changeStatus(id, version, to, null, at);
        classes.recordStatusChange(id, to, null, by, at);
    }

    /** A session of a class the caller can see. */
    ClassSession session(long classId, long sessionId) {
        get(classId);
        return ScopeGuard.under(classes.session(sessionId), s -> s.classId() == classId, "session", sessionId);
    }

    /**
     * The calendar the class's steps obey (in the caller's scope): when it may start and
     * complete, when each session's check-ins count and when its attendance may be
     * corrected. Pages and other modules ask it to say when a step becomes possible.
     */
    @Transactional(readOnly = true)
    public ClassCalendar calendar(long id) {
        get(id);
        return calendarOf(id);
    }

    ClassCalendar calendarOf(long id) {
        return ClassCalendar.of(classes.sessions(id), attendanceRules);
    }

    @Transactional(readOnly = true)
    public List<StatusChange> history(long id) {
        get(id);
        return classes.history(id);
    }

    @Transactional(readOnly = true)
    public PageResult<TrainingClass> search(ClassFilter filter, int page, int size) {
        var scope = ScopeSql.forCurrentUser(ClassStore.SCOPE);
        return new PageResult<>(classes.search(filter, scope, PageResult.offset(page, size), size), page, size,
                classes.count(filter, scope));
    }

    /**
     * Classes of a type opened in a year: how many, their trainees in person-times
     * (enrolled, not withdrawn) and how many of those completed.
     */
    public record Opened(long classes, long trainees, long completions) {
    }

    /**
     * The classes the region approved and nobody called off
     * ({@link ClassStatus#opened()}) whose first day falls in a year, by type, every type
     * present; in the caller's scope.
     */
    @Transactional(readOnly = true)
    public Map<ClassType, Opened> openedByType(int year) {
        Map<ClassType, Opened> found = classes.openedByType(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                ScopeSql.forCurrentUser(ClassStore.SCOPE));
        Map<ClassType, Opened> all = new EnumMap<>(ClassType.class);
        for (ClassType t : ClassType.values()) {
            all.put(t, found.getOrDefault(t, new Opened(0, 0, 0)));
        }
        return all;
    }

    /** Provider staff apply for their own provider; every broken rule is listed. */
    @Transactional
    public TrainingClass apply(ClassApplication a) {
        long own = Teachers.ownProvider();
        CurrentUser me = CurrentUser.require();
        if (a.providerId() != null && a.providerId() != own) {
            throw new AccessDeniedException("staff apply for their own provider only");
        }
        Checked checked = check(a, own, false);
        if (!checked.problems().isEmpty()) {
            throw new InvalidInputException(checked.problems());
        }
        Instant now = clock.instant();
        long id = insert(a, checked, me.username(), now);
        TrainingClass created = classes.find(id, ScopeSql.UNSCOPED).orElseThrow();
        audit.record(AuditEvent.of("class.apply", "class", id, null, snapshot(created, a.sessions().size())));
        return created;
    }

    /**
     * An application checked against the rules, with the provider and programme it names.
     */
    record Checked(FiledBody provider, Programme programme, List<Problem> problems) {
    }

    /**
     * Every rule of an opening application. A {@code past} class (history being recorded)
     * may lie before today and needs its provider filed and permitted, not in good
     * standing today.
     */
    Checked check(ClassApplication a, long own, boolean past) {
        List<Problem> problems = new ArrayList<>();
        FiledBody provider = filings.find(Registry.PROVIDER, own).orElse(null);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        if (provider == null || (!past && !provider.inGoodStanding(today))) {
            problems.add(new Problem(null, "training.error.provider.notActive"));
        }
        Programme programme = a.programmeId() == null ? null : programmes.find(a.programmeId()).orElse(null);
        if (programme == null || !programme.active()) {
            problems.add(new Problem("programmeId", "training.error.programme.unknown"));
        }
        else if (provider != null && !provider.permits(programme.occupationCode(), programme.levelCode())) {
            problems.add(new Problem("programmeId", "training.error.provider.notPermitted"));
        }
        if (a.classType().needsEmployer()) {
            if (a.employerName() == null || a.employerName().isBlank()) {
                problems.add(new Problem("employerName", "training.error.employer.required"));
            }
            if (!UnifiedSocialCreditCode.isValid(UnifiedSocialCreditCode.normalize(a.employerCreditCode()))) {
                problems.add(new Problem("employerCreditCode", "training.error.employer.creditCode"));
            }
        }
        if (a.venueAddress() == null || a.venueAddress().isBlank()) {
            problems.add(new Problem("venueAddress", "training.error.required"));
        }
        if (!within(a.venueLat(), 3, 54) || !within(a.venueLng(), 73, 136)) {
            problems.add(new Problem("venueLat", "training.error.venue.coordinates"));
        }
        if (a.startDate() == null || a.endDate() == null) {
            problems.add(new Problem("startDate", "training.error.required"));
        }
        else if (a.endDate().isBefore(a.startDate())) {
            problems.add(new Problem("endDate", "training.error.dates.order"));
        }
        else if (!past && a.startDate().isBefore(today)) {
            problems.add(new Problem("startDate", "training.error.dates.past"));
        }
        else if (past && !a.endDate().isBefore(today)) {
            problems.add(new Problem("endDate", "training.error.dates.notPast"));
        }
        if (a.capacity() == null || a.capacity() < 1) {
            problems.add(new Problem("capacity", "training.error.capacity.min"));
        }
        else if (provider != null && a.capacity() > provider.capacity()) {
            problems.add(new Problem("capacity", "training.error.capacity.provider", provider.capacity()));
        }
        checkSessions(a, programme, own, problems);
        return new Checked(provider, programme, problems);
    }

    /** Writes a checked application as a submitted class with its sessions. */
    long insert(ClassApplication a, Checked checked, String by, Instant now) {
        FiledBody provider = checked.provider();
        Programme programme = checked.programme();
        TrainingClass draft = new TrainingClass(0, null, provider.id(), provider.name(), provider.regionCode(),
                programme.id(), programme.lineCode(), programme.subTargetCode(), programme.occupationCode(),
                programme.levelCode(), a.classType(), a.classType().needsEmployer() ? a.employerName().strip() : null,
                a.classType().needsEmployer() ? UnifiedSocialCreditCode.normalize(a.employerCreditCode()) : null,
                a.subsidised(), a.venueAddress().strip(), a.venueLat(), a.venueLng(), a.startDate(), a.endDate(),
                a.capacity(), ClassStatus.SUBMITTED, null, now, now, 0);
        long id = classes.insert(draft);
        List<PlannedSession> ordered = a.sessions()
            .stream()
            .sorted(Comparator.comparing(PlannedSession::startsAt))
            .toList();
        for (int i = 0; i < ordered.size(); i++) {
            PlannedSession s = ordered.get(i);
            classes.insertSession(id, i + 1, s.startsAt().atZone(CHINA).toInstant(),
                    s.endsAt().atZone(CHINA).toInstant(), s.teacherId(),
                    s.topic() == null || s.topic().isBlank() ? null : s.topic().strip());
        }
        classes.recordStatusChange(id, ClassStatus.SUBMITTED, null, by, now);
        return id;
    }

    private void checkSessions(ClassApplication a, Programme programme, long provider, List<Problem> problems) {
        if (a.sessions().isEmpty()) {
            problems.add(new Problem("sessions", "training.error.sessions.empty"));
            return;
        }
        long minutes = 0;
        List<PlannedSession> sorted = new ArrayList<>(a.sessions());
        sorted.removeIf(s -> s.startsAt() == null || s.endsAt() == null);
        if (sorted.size() != a.sessions().size()) {
            problems.add(new Problem("sessions", "training.error.sessions.times"));
            return;
        }
        sorted.sort(Comparator.comparing(PlannedSession::startsAt));
        for (int i = 0; i < sorted.size(); i++) {
            PlannedSession s = sorted.get(i);
            int n = i + 1;
            if (!s.endsAt().isAfter(s.startsAt()) || !s.endsAt().toLocalDate().equals(s.startsAt().toLocalDate())) {
                problems.add(new Problem("sessions", "training.error.session.times", n));
                continue;
            }
            if (a.startDate() != null && a.endDate() != null && (s.startsAt().toLocalDate().isBefore(a.startDate())
                    || s.startsAt().toLocalDate().isAfter(a.endDate()))) {
                problems.add(new Problem("sessions", "training.error.session.outsideDates", n));
            }
            if (i > 0 && s.startsAt().isBefore(sorted.get(i - 1).endsAt())) {
                problems.add(new Problem("sessions", "training.error.session.overlap", n, n - 1));
            }
            minutes += Duration.between(s.startsAt(), s.endsAt()).toMinutes();
            Teacher teacher = s.teacherId() == null ? null : teachers.find(s.teacherId()).orElse(null);
            if (teacher == null || teacher.providerId() != provider) {
                problems.add(new Problem("sessions", "training.error.session.teacher", n));
                continue;
            }
            teachers.lock(teacher.id());
            List<String> clashes = classes.teacherBookings(teacher.id(), s.startsAt().atZone(CHINA).toInstant(),
                    s.endsAt().atZone(CHINA).toInstant());
            if (!clashes.isEmpty()) {
                problems.add(new Problem("sessions", "training.error.session.teacherBusy", n, teacher.name(),
                        clashes.get(0)));
            }
        }
        if (programme != null && minutes < programme.hours() * 60L) {
            problems.add(new Problem("sessions", "training.error.sessions.hours", programme.hours(),
                    BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.DOWN)));
        }
    }

    /**
     * Takes a step in the class's life; refused with a message when it does not apply.
     * Completion goes through {@link Enrolments#complete}, which decides each trainee's
     * outcome.
     */
    @Transactional
    public TrainingClass decide(long id, ClassDecision decision, int version, String reason) {
        if (decision == ClassDecision.COMPLETE) {
            throw InvalidInputException.of(null, "training.error.useCompletion");
        }
        return step(id, decision, version, reason);
    }

    TrainingClass step(long id, ClassDecision decision, int version, String reason) {
        CurrentUser me = CurrentUser.require();
        if (!decision.permits(me)) {
            throw new AccessDeniedException(decision.verb());
        }
        TrainingClass before = get(id);
        Instant now = clock.instant();
        List<Problem> problems = new ArrayList<>();
        if (!decision.take(before.status(), me).allowed()) {
            problems.add(new Problem(null, "training.error.transition",
                    new DefaultMessageSourceResolvable("training.status." + before.status().name())));
        }
        else {
            // Not before its time: the calendar names the moment the step waits for.
            calendarOf(id).waitsFor(decision, now)
                .ifPresent(at -> problems
                    .add(new Problem(null, "training.error.notYet." + decision.verb(), ProvinceTime.at(at))));
        }
        if (decision.needsReason() && (reason == null || reason.isBlank())) {
            problems.add(new Problem("reason", "training.error.reason.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (version != before.version() || !classes.changeStatus(id, version, decision.to(), why, now)) {
            throw new OptimisticLockingFailureException("class " + id + " changed since version " + version);
        }
        classes.recordStatusChange(id, decision.to(), why, me.username(), now);
        TrainingClass after = get(id);
        audit.record(AuditEvent.of("class." + decision.verb(), "class", id, Map.of("status", before.status().name()),
                why == null ? Map.of("status", after.status().name())
                        : Map.of("status", after.status().name(), "reason", why)));
        return after;
    }

    private static boolean within(BigDecimal v, int min, int max) {
        return v != null && v.compareTo(BigDecimal.valueOf(min)) >= 0 && v.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    private static Map<String, Object> snapshot(TrainingClass c, int sessions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("classNo", c.classNo());
        m.put("provider", c.providerId());
        m.put("programme", c.programmeId());
        m.put("line", c.lineCode());
        m.put("subTarget", c.subTargetCode());
        m.put("type", c.classType().name());
        m.put("subsidised", c.subsidised());
        m.put("startDate", c.startDate().toString());
        m.put("endDate", c.endDate().toString());
        m.put("capacity", c.capacity());
        m.put("sessions", sessions);
        m.put("status", c.status().name());
        return m;
    }

}
