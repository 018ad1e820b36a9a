package org.jixing.certification;

import java.time.Clock;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.certification.internal.AssessmentStore;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Challenges to a published result: raised by anyone signed in during the publicity
 * period, decided by the body or the province.
 */
@Service
public class AssessmentChallenges {

    private final AssessmentStore store;

    private final Assessments assessments;

    private final AuditTrail audit;

    private final Clock clock;

    AssessmentChallenges(AssessmentStore store, Assessments assessments, AuditTrail audit, Clock clock) {
        this.store = store;
        this.assessments = assessments;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Anyone signed in challenges a result while it is published, with a reason. A result
     * not in publicity is not found.
     */
    @Transactional
    public Challenge challenge(long resultId, String reason) {
        CurrentUser me = CurrentUser.require();
        AssessmentStore.ResultRef r = store.result(resultId)
            .orElseThrow(() -> new RecordNotFoundException("assessment_result", resultId));
        AssessmentBatch b = store.findBatch(r.batchId(), ScopeSql.UNSCOPED)
            .filter(x -> x.status() == AssessmentBatch.Status.PUBLICITY)
            .orElseThrow(() -> new RecordNotFoundException("assessment_result", resultId));
        b.take(BatchStep.CHALLENGE, assessments.today()).next();
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "assessment.error.required");
        }
        if (reason.strip().length() > 1000) {
            throw InvalidInputException.of("reason", "assessment.error.tooLong", 1000);
        }
        long id = store.insertChallenge(resultId, b.id(), reason.strip(), me.username(), clock.instant());
        audit.record(AuditEvent.of("assessment.challenge.raise", "assessment_challenge", id, null,
                Map.of("result", resultId, "batch", b.batchNo(), "reason", reason.strip())));
        return store.challenge(id).orElseThrow();
    }

    /**
     * The body's evaluator or the province decides a challenge: upheld cancels the result
     * (not passed).
     */
    @Transactional
    public Challenge decideChallenge(long challengeId, Challenge.Decision decision, String note) {
        CurrentUser me = BatchStep.DECIDE_CHALLENGE.requireTakenBy();
        Challenge c = store.challenge(challengeId)
            .orElseThrow(() -> new RecordNotFoundException("assessment_challenge", challengeId));
        AssessmentBatch b = assessments.get(c.batchId());
        if (decision == null) {
            throw InvalidInputException.of("decision", "assessment.error.required");
        }
        if (note == null || note.isBlank()) {
            throw InvalidInputException.of("note", "assessment.error.required");
        }
        if (!b.take(BatchStep.DECIDE_CHALLENGE, assessments.today()).allowed()
                || !store.decideChallenge(challengeId, decision, note.strip(), me.username(), clock.instant())) {
            throw InvalidInputException.of(null, "assessment.error.challengeDecided");
        }
        if (decision == Challenge.Decision.UPHELD) {
            store.cancelResult(c.resultId());
        }
        audit.record(AuditEvent.of("assessment.challenge.decide", "assessment_challenge", challengeId, null,
                Map.of("decision", decision.name(), "note", note.strip(), "result", c.resultId())));
        return store.challenge(challengeId).orElseThrow();
    }

}
