package org.jixing.training;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.person.People;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.training.internal.EnrolmentStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider completes a running class: each trainee completes or not by the
 * {@link CompletionRule}, and each completion is announced ({@link TrainingCompleted}).
 */
@Service
public class ClassCompletions {

    private final EnrolmentStore store;

    private final ClassOpenings classes;

    private final CompletionRule rule;

    private final People people;

    private final ApplicationEventPublisher events;

    private final AuditTrail audit;

    private final Clock clock;

    ClassCompletions(EnrolmentStore store, ClassOpenings classes, CompletionRule rule, People people,
            ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.store = store;
        this.classes = classes;
        this.rule = rule;
        this.people = people;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The provider completes a running class: each enrolled trainee completes when their
     * attendance reaches the threshold and they passed the provider's assessment (those
     * in {@code failedAssessment} did not); the others are marked not completed with the
     * reason. Publishes {@link TrainingCompleted} for each completion.
     */
    @Transactional
    public List<Enrolment> complete(long classId, int version, Set<Long> failedAssessment) {
        if (!TrainingPermission.CLASS_RUN.allows(CurrentUser.require())) {
            throw new AccessDeniedException("providers complete their classes");
        }
        TrainingClass c = classes.get(classId);
        Map<Long, Attendance.Rate> rates = rule.rates(classId);
        TrainingClass completed = classes.step(classId, ClassDecision.COMPLETE, version, null);
        LocalDate today = LocalDate.now(clock.withZone(ClassOpenings.CHINA));
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
            List<String> reasons = rule.shortfalls(rate, failedAssessment != null && failedAssessment.contains(r.id()));
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
        return Enrolments.withPeople(store.roster(classId), people);
    }

}
