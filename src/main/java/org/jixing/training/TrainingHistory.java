package org.jixing.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.ProvinceTime;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.training.internal.EligibilityFactStore.Facts;
import org.jixing.training.internal.EligibilityFactStore.OtherClass;
import org.jixing.training.internal.EnrolmentStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records classes that already ran: the records a province brings over from the system it
 * used before, and the demo province's past. A past class passes the same checks as an
 * application (except that it lies before today) and must be over by the class calendar
 * (its last session's late-upload window closed); it is recorded as started and completed
 * at the moments {@link ClassCalendar} allows. Its trainees pass the same eligibility
 * rules against every earlier record, completed classes included (an ineligible one is
 * recorded self-funded with the reasons; a refused one, for instance attending an
 * overlapping class, is left out and reported with the reasons in the result and the
 * audit entry); its check-ins are judged by the same attendance rules and kept, rejected
 * ones too (history is exempt only from rules about when an event arrived and from which
 * terminal, since its events are old and came from the old system); and each trainee's
 * outcome follows the completion rule. Rows are written in bulk. Recorded history does
 * not publish {@link TrainingCompleted}: whoever counts completions recounts them from
 * the records.
 */
@Service
public class TrainingHistory {

    /** A class that ran, with what happened in it. */
    public record PastClass(long providerId, ClassApplication application, List<PastTrainee> trainees) {
    }

    /**
     * A trainee of a past class: the person, their check-ins and check-outs as the
     * terminals sent them, and the provider's assessment.
     */
    public record PastTrainee(long personId, List<PastCheckIn> checkIns, boolean passedAssessment) {
    }

    /** A terminal event of a past session ({@code session} counts from 1). */
    public record PastCheckIn(int session, AttendanceKind kind, LocalDateTime time, BigDecimal latitude,
            BigDecimal longitude, BigDecimal faceScore, String deviceId) {
    }

    /**
     * What was recorded of a past class; {@code refusals} are the trainees left out, each
     * with every rule they broke.
     */
    public record Recorded(long classId, String classNo, int enrolled, int selfFunded, int refused, int completed,
            int checkIns, int rejectedCheckIns, List<Refusal> refusals) {
    }

    /**
     * A trainee of a past class who was not recorded, with the reasons (an overlapping
     * class, under age, already on the roster, not registered); {@code idNumberMasked} is
     * null for someone not registered.
     */
    public record Refusal(long personId, String idNumberMasked, List<InvalidInputException.Problem> reasons) {
    }

    private final ClassOpenings openings;

    private final EligibilityChecks eligibility;

    private final EnrolmentStore enrolmentStore;

    private final PastAttendance pastAttendance;

    private final People people;

    private final AuditTrail audit;

    private final Clock clock;

    TrainingHistory(ClassOpenings openings, EligibilityChecks eligibility, EnrolmentStore enrolmentStore,
            PastAttendance pastAttendance, People people, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.openings = openings;
        this.eligibility = eligibility;
        this.enrolmentStore = enrolmentStore;
        this.pastAttendance = pastAttendance;
        this.people = people;
        this.audit = audit;
    }

    /**
     * Records one past class, all or nothing; every broken rule of the class is listed.
     * Only the province administrator records history.
     */
    @Transactional
    public Recorded record(PastClass past) {
        CurrentUser me = CurrentUser.require();
        if (!me.hasRole(Role.PROVINCE_ADMIN)) {
            throw new AccessDeniedException("recording past classes");
        }
        ClassApplication a = past.application();
        ClassOpenings.Checked checked = openings.check(a, past.providerId(), true);
        if (!checked.problems().isEmpty()) {
            throw new InvalidInputException(checked.problems());
        }
        Instant applied = a.startDate().minusDays(14).atTime(10, 0).atZone(ClassOpenings.CHINA).toInstant();
        long id = openings.insert(a, checked, me.username(), applied);
        // History is what the calendar has let complete: the late-upload window of its
        // last session has closed. It started and completed when the calendar allowed.
        ClassCalendar calendar = openings.calendarOf(id);
        if (calendar.completesFrom().isAfter(clock.instant())) {
            throw InvalidInputException.of("endDate", "training.error.history.notOver",
                    ProvinceTime.at(calendar.completesFrom()));
        }
        Instant approved = applied.plus(Duration.ofDays(3));
        step(id, 0, ClassStatus.APPROVED, me, approved);
        step(id, 1, ClassStatus.RUNNING, me, calendar.startsFrom());
        TrainingClass running = openings.findUnscoped(id);
        List<ClassSession> sessions = calendar.sessions();

        // Eligibility over the whole roster at once, in the order the provider enrolled.
        List<Long> ids = past.trainees().stream().map(PastTrainee::personId).distinct().toList();
        Map<Long, Person> persons = people.findAll(ids);
        Facts facts = eligibility.facts(ids, running);
        // Held when the class starts: eligibility reads them (figures by group recount
        // them from the registry).
        Map<Long, Set<String>> groups = people.groupsOn(ids, running.startDate());
        List<Refusal> refusals = new ArrayList<>();
        int selfFunded = 0;
        List<EnrolmentStore.NewRow> rows = new ArrayList<>();
        Map<Long, PastTrainee> enrolled = new LinkedHashMap<>();
        for (PastTrainee t : past.trainees()) {
            Person person = persons.get(t.personId());
            if (person == null) {
                refusals.add(new Refusal(t.personId(), null,
                        List.of(new InvalidInputException.Problem(null, "training.error.history.unknownPerson"))));
                continue;
            }
            // The facts grow as the roster does: the next person sees this one's place.
            // Earlier records count whatever became of them: a completed class whose
            // sessions overlap refuses the trainee as a live one would.
            Eligibility e = eligibility.evaluate(running, person, facts, groups.getOrDefault(person.id(), Set.of()));
            if (!e.blocking().isEmpty()) {
                refusals.add(new Refusal(person.id(), person.idNumberMasked(), e.blocking()));
                continue;
            }
            boolean subsidised = e.eligibleForSubsidy();
            Integer slot = null;
            if (subsidised) {
                Set<Integer> used = facts.usedSlots().computeIfAbsent(person.id(), k -> new HashSet<>());
                slot = 1;
                while (used.contains(slot)) {
                    slot++;
                }
                used.add(slot);
                facts.sameQualification()
                    .put(person.id(), new OtherClass(running.classNo(), running.providerId(), running.regionCode()));
            }
            else {
                selfFunded++;
            }
            facts.enrol(person.id());
            enrolled.put(person.id(), t);
            rows.add(new EnrolmentStore.NewRow(person.id(), subsidised,
                    subsidised ? null : eligibility.describe(e.subsidy()), Enrolments.token(), EnrolmentStatus.ENROLLED,
                    null, null, slot));
        }

        // Check-ins judged by the live rules, then each trainee's outcome.
        Instant finished = calendar.completesFrom();
        LocalDate completedOn = LocalDate.ofInstant(finished, ClassOpenings.CHINA);
        PastAttendance.Judged judged = pastAttendance.judge(running, sessions, enrolled.values());
        int completed = 0;
        List<EnrolmentStore.NewRow> outcomes = new ArrayList<>();
        for (EnrolmentStore.NewRow r : rows) {
            List<String> shortfalls = pastAttendance.shortfalls(judged, r.personId(), sessions.size(),
                    enrolled.get(r.personId()).passedAssessment());
            boolean ok = shortfalls.isEmpty();
            completed += ok ? 1 : 0;
            outcomes.add(new EnrolmentStore.NewRow(r.personId(), r.subsidised(), r.ineligibleReasons(), r.token(),
                    ok ? EnrolmentStatus.COMPLETED : EnrolmentStatus.NOT_COMPLETED,
                    ok ? null : String.join("；", shortfalls), completedOn, r.slot()));
        }
        Instant enrolledAt = approved.plus(Duration.ofDays(2));
        Map<Long, Long> enrolmentIds = enrolmentStore.insertAll(id, running.providerId(), running.regionCode(),
                running.lineCode(), running.startDate().getYear(), running.occupationCode(), running.levelCode(),
                outcomes, me.username(), enrolledAt);
        pastAttendance.write(running, judged, enrolmentIds, me.username());
        step(id, 2, ClassStatus.COMPLETED, me, finished);

        Map<String, Object> after = new LinkedHashMap<>();
        after.put("classNo", running.classNo());
        after.put("startDate", running.startDate().toString());
        after.put("endDate", running.endDate().toString());
        after.put("enrolled", rows.size());
        after.put("selfFunded", selfFunded);
        after.put("refused", refusals.size());
        if (!refusals.isEmpty()) {
            after.put("refusals", refusals.stream().map(this::describe).toList());
        }
        after.put("completed", completed);
        after.put("checkIns", judged.events().size());
        audit.record(AuditEvent.of("class.history.record", "class", id, null, after));
        return new Recorded(id, running.classNo(), rows.size(), selfFunded, refusals.size(), completed,
                judged.events().size(), judged.rejected(), List.copyOf(refusals));
    }

    /**
     * A refusal as the audit entry keeps it: who (masked), the rules and their wording.
     */
    private Map<String, Object> describe(Refusal r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("person", r.personId());
        if (r.idNumberMasked() != null) {
            m.put("idNumber", r.idNumberMasked());
        }
        m.put("rules", r.reasons().stream().map(InvalidInputException.Problem::messageKey).toList());
        m.put("reasons", eligibility.describe(r.reasons()));
        return m;
    }

    private void step(long id, int version, ClassStatus to, CurrentUser me, Instant at) {
        openings.recordStep(id, version, to, me.username(), at);
    }

}
