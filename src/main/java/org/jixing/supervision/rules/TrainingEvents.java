package org.jixing.supervision.rules;

import java.time.LocalDate;
import java.util.Set;

import org.jixing.supervision.RiskScans;
import org.jixing.supervision.RuleDefinition.Trigger;
import org.jixing.supervision.ScanWindow;
import org.jixing.training.CheckInsAccepted;
import org.jixing.training.TraineeEnrolled;
import org.jixing.training.TrainingCompleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the rules over training's records as they arrive: accepted check-ins, enrolments,
 * completions. Each listener only hands the engine a window focused on the event's
 * records; the engine runs the rules after the commit on its own thread, so the check-in
 * waits for no query.
 */
@Component
class TrainingEvents {

    private final RiskScans scans;

    TrainingEvents(RiskScans scans) {
        this.scans = scans;
    }

    @EventListener
    void on(CheckInsAccepted e) {
        scans.onEvent(Trigger.CHECK_IN, new ScanWindow(e.from(), e.to().plusMillis(1), e.personIds(), e.classIds(),
                Set.of(), Set.of(), Set.of()));
    }

    @EventListener
    void on(TraineeEnrolled e) {
        LocalDate day = e.enrolledAt().atZone(RuleSupport.CHINA).toLocalDate();
        scans.onEvent(Trigger.ENROLMENT,
                new ScanWindow(day.atStartOfDay(RuleSupport.CHINA).toInstant(),
                        day.plusDays(1).atStartOfDay(RuleSupport.CHINA).toInstant(), Set.of(e.personId()),
                        Set.of(e.classId()), Set.of(e.providerId()), Set.of(), Set.of()));
    }

    @EventListener
    void on(TrainingCompleted e) {
        LocalDate day = e.completedOn();
        scans.onEvent(Trigger.COMPLETION,
                new ScanWindow(day.atStartOfDay(RuleSupport.CHINA).toInstant(),
                        day.plusDays(1).atStartOfDay(RuleSupport.CHINA).toInstant(), Set.of(e.personId()),
                        Set.of(e.classId()), Set.of(e.providerId()), Set.of(), Set.of()));
    }

}
