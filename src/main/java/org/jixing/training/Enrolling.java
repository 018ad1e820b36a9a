package org.jixing.training;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.person.NewPerson;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.training.internal.EligibilityFactStore;
import org.jixing.training.internal.EnrolmentStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A provider enrols trainees one at a time, as the rules allow
 * ({@link EligibilityChecks}), taking a subsidy slot and qualification the database
 * guards, and takes them off the roster again, freeing what the enrolment took.
 */
@Service
public class Enrolling {

    private final EnrolmentStore store;

    private final EligibilityFactStore facts;

    private final EligibilityChecks eligibility;

    private final ClassOpenings classes;

    private final People people;

    private final AuditTrail audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    Enrolling(EnrolmentStore store, EligibilityFactStore facts, EligibilityChecks eligibility, ClassOpenings classes,
            People people, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.facts = facts;
        this.eligibility = eligibility;
        this.classes = classes;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
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
        Eligibility e = eligibility.rules(c, person);
        if (!e.blocking().isEmpty()) {
            throw new InvalidInputException(e.blocking());
        }
        boolean subsidised = e.subsidy().isEmpty();
        if (!subsidised && !Boolean.TRUE.equals(request.selfFundedIfIneligible()) && c.subsidised()) {
            throw new InvalidInputException(e.subsidy());
        }
        String reasons = subsidised ? null : eligibility.describe(e.subsidy());
        Instant now = clock.instant();
        long id;
        try {
            id = store.insert(c.id(), person.id(), c.providerId(), c.regionCode(), c.lineCode(), subsidised, reasons,
                    Enrolments.token(), me.username(), now);
            if (subsidised) {
                if (!facts.takeSlot(person.id(), c.startDate().getYear(), id)) {
                    throw InvalidInputException.of("idNumber", "training.error.enrol.yearlyLimit",
                            String.valueOf(c.startDate().getYear()));
                }
                facts.takeQualification(person.id(), c.occupationCode(), c.levelCode(), id);
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
        events.publishEvent(new TraineeEnrolled(id, person.id(), c.id(), c.providerId(), c.regionCode(), now));
        return Enrolments.toEnrolment(store.find(id).orElseThrow(), person);
    }

    /** Takes a person off the roster; a subsidy slot taken by the enrolment is freed. */
    @Transactional
    public Enrolment withdraw(long classId, long enrolmentId, int version, String reason) {
        if (!TrainingPermission.CLASS_RUN.allows(CurrentUser.require())) {
            throw new AccessDeniedException("provider staff manage rosters");
        }
        TrainingClass c = classes.get(classId);
        EnrolmentStore.Row row = ScopeGuard.under(store.find(enrolmentId), r -> r.classId() == c.id(), "enrolment",
                enrolmentId);
        if (row.status() != EnrolmentStatus.ENROLLED) {
            throw InvalidInputException.of(null, "training.error.enrol.notEnrolled");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "training.error.reason.required");
        }
        if (!store.changeStatus(enrolmentId, version, EnrolmentStatus.WITHDRAWN, reason.strip())) {
            throw new OptimisticLockingFailureException("enrolment " + enrolmentId);
        }
        facts.releaseSubsidy(enrolmentId);
        audit.record(AuditEvent.of("enrolment.withdraw", "enrolment", enrolmentId, Map.of("status", "ENROLLED"),
                Map.of("status", "WITHDRAWN", "reason", reason.strip())));
        return Enrolments.toEnrolment(store.find(enrolmentId).orElseThrow(), people.find(row.personId()).orElse(null));
    }

}
