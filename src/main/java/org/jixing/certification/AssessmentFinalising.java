package org.jixing.certification;

import java.time.LocalDate;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.certification.internal.AssessmentStore;
import org.jixing.certification.internal.AssessmentStore.CandidateRow;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Making a batch's results final after its publicity period, by hand or each night; each
 * passed final result is announced as {@link AssessmentPassed}.
 */
@Service
public class AssessmentFinalising {

    private final AssessmentStore store;

    private final Assessments assessments;

    private final ApplicationEventPublisher events;

    private final AuditTrail audit;

    AssessmentFinalising(AssessmentStore store, Assessments assessments, ApplicationEventPublisher events,
            AuditTrail audit) {
        this.store = store;
        this.assessments = assessments;
        this.events = events;
        this.audit = audit;
    }

    /**
     * Makes a batch's results final after its publicity period (by the body's evaluator
     * or the province); refused while the period runs or a challenge is undecided.
     */
    @Transactional
    public AssessmentBatch finalise(long batchId, int version) {
        CurrentUser me = BatchStep.FINALISE.requireTakenBy();
        AssessmentBatch b = assessments.get(batchId);
        if (b.version() != version) {
            throw new OptimisticLockingFailureException("assessment batch " + batchId);
        }
        finalise(b, assessments.today(), me.username());
        return assessments.get(batchId);
    }

    /**
     * Finalises every batch whose publicity period ended before the day and that has no
     * undecided challenge; the number finalised. Run each night
     * ({@link AssessmentSchedule}), and by tests with a day of their choosing.
     */
    @Transactional
    public int finaliseDue(LocalDate day) {
        int n = 0;
        for (long id : store.publicityEndedBefore(day)) {
            AssessmentBatch b = store.findBatch(id, ScopeSql.UNSCOPED).orElseThrow();
            if (store.challenges(id).stream().allMatch(c -> c.decision() != null)) {
                finalise(b, day, "system");
                n++;
            }
        }
        return n;
    }

    private void finalise(AssessmentBatch b, LocalDate day, String actor) {
        AssessmentBatch.Status next = b.take(BatchStep.FINALISE, day).next();
        if (store.challenges(b.id()).stream().anyMatch(c -> c.decision() == null)) {
            throw InvalidInputException.of(null, "assessment.error.openChallenges");
        }
        if (!store.changeBatch(b.id(), b.version(), "status = '" + next + "', finalised_on = :d", Map.of("d", day))) {
            throw new OptimisticLockingFailureException("assessment batch " + b.id());
        }
        store.finaliseResults(b.id());
        String route = b.kind() == AssessmentBatch.Kind.ENTERPRISE ? "ENTERPRISE" : "ASSESSMENT";
        int passed = 0;
        for (CandidateRow c : store.candidates(b.id())) {
            if ("FINAL".equals(c.resultStatus()) && Boolean.TRUE.equals(c.passed())) {
                passed++;
                events.publishEvent(new AssessmentPassed(c.resultId(), c.personId(), b.occupationCode(), b.levelCode(),
                        b.evaluationBodyId(), b.id(), route, day));
            }
        }
        audit.record(new AuditEvent("assessment.batch.finalise", "assessment_batch", String.valueOf(b.id()),
                Map.of("status", "PUBLICITY"),
                Map.of("status", "FINAL", "finalisedOn", day.toString(), "passed", passed),
                "system".equals(actor) ? "system" : null));
    }

}
