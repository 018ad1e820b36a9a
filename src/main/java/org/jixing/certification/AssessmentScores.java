package org.jixing.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.certification.internal.AssessmentStore;
import org.jixing.certification.internal.AssessmentStore.CandidateRow;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A batch's scores: entered against the pass rule (assessment_pass_rule), signed off by
 * another evaluator, and published for the publicity period (公示).
 */
@Service
public class AssessmentScores {

    private final AssessmentStore store;

    private final Assessments assessments;

    private final AuditTrail audit;

    private final Clock clock;

    AssessmentScores(AssessmentStore store, Assessments assessments, AuditTrail audit, Clock clock) {
        this.store = store;
        this.assessments = assessments;
        this.audit = audit;
        this.clock = clock;
    }

    /** One row of the score sheet. */
    public record ScoreRow(long candidateId, Integer theory, Integer practical) {
    }

    /**
     * Enters or corrects the scores of a batch, one sheet for all rows: a score outside
     * 0–100 is refused naming the row and field. The pass rule of the occupation and
     * level decides each result; a signed-off result is not changed.
     */
    @Transactional
    public List<Candidate> recordScores(long batchId, List<ScoreRow> rows) {
        CurrentUser me = BatchStep.SCORE.requireTakenBy();
        AssessmentBatch b = assessments.get(batchId);
        AssessmentBatch.Status next = b.take(BatchStep.SCORE, assessments.today()).next();
        if (rows == null || rows.isEmpty()) {
            throw InvalidInputException.of("rows", "assessment.error.noScores");
        }
        Map<Long, CandidateRow> candidates = new LinkedHashMap<>();
        store.candidates(batchId).forEach(c -> candidates.put(c.id(), c));
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ScoreRow r = rows.get(i);
            int row = i + 1;
            CandidateRow c = candidates.get(r.candidateId());
            if (c == null) {
                problems.add(new Problem("rows[" + i + "].candidateId", "assessment.error.unknownCandidate", row));
                continue;
            }
            if (c.resultStatus() != null && !"ENTERED".equals(c.resultStatus())) {
                problems.add(new Problem("rows[" + i + "]", "assessment.error.signedOff", row));
            }
            if (r.theory() == null || r.theory() < 0 || r.theory() > 100) {
                problems.add(new Problem("rows[" + i + "].theory", "assessment.error.score.theory", row));
            }
            if (r.practical() == null || r.practical() < 0 || r.practical() > 100) {
                problems.add(new Problem("rows[" + i + "].practical", "assessment.error.score.practical", row));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int[] marks = store.passMarks(b.occupationCode(), b.levelCode());
        var now = clock.instant();
        int passed = 0;
        for (ScoreRow r : rows) {
            CandidateRow c = candidates.get(r.candidateId());
            boolean ok = r.theory() >= marks[0] && r.practical() >= marks[1];
            passed += ok ? 1 : 0;
            store.upsertResult(c.id(), batchId, c.personId(), r.theory(), r.practical(), ok, me.username(), now);
        }
        if (b.status() != next && !store.changeBatch(batchId, b.version(), "status = '" + next + "'", Map.of())) {
            throw new OptimisticLockingFailureException("assessment batch " + batchId);
        }
        audit.record(AuditEvent.of("assessment.scores.record", "assessment_batch", batchId, null,
                Map.of("rows", rows.size(), "passed", passed, "theoryMin", marks[0], "practicalMin", marks[1])));
        return assessments.candidates(batchId);
    }

    /**
     * A second evaluator of the body confirms the entered scores: never the one who
     * entered them. Every candidate must have scores.
     */
    @Transactional
    public List<Candidate> signOff(long batchId) {
        CurrentUser me = BatchStep.SIGN_OFF.requireTakenBy();
        AssessmentBatch b = assessments.get(batchId);
        b.take(BatchStep.SIGN_OFF, assessments.today()).next();
        List<CandidateRow> rows = store.candidates(batchId);
        if (rows.stream().anyMatch(c -> c.resultId() == null)) {
            throw InvalidInputException.of(null, "assessment.error.missingScores");
        }
        if (rows.stream().anyMatch(c -> "ENTERED".equals(c.resultStatus()) && me.username().equals(c.enteredBy()))) {
            throw InvalidInputException.of(null, "assessment.error.signOffSelf");
        }
        int n = store.signOff(batchId, me.username(), clock.instant());
        audit.record(
                AuditEvent.of("assessment.scores.signOff", "assessment_batch", batchId, null, Map.of("signedOff", n)));
        return assessments.candidates(batchId);
    }

    /** Publishes the signed-off results: the publicity period starts today. */
    @Transactional
    public AssessmentBatch publish(long batchId, int version) {
        BatchStep.PUBLISH.requireTakenBy();
        AssessmentBatch b = assessments.get(batchId);
        AssessmentBatch.Status next = b.take(BatchStep.PUBLISH, assessments.today()).next();
        List<CandidateRow> rows = store.candidates(batchId);
        if (rows.isEmpty() || rows.stream().anyMatch(c -> !"SIGNED_OFF".equals(c.resultStatus()))) {
            throw InvalidInputException.of(null, "assessment.error.notSignedOff");
        }
        LocalDate from = assessments.today();
        LocalDate until = from.plusDays(assessments.publicityDays());
        if (!store.changeBatch(batchId, version, "status = '" + next + "', publicity_from = :f, publicity_until = :u",
                Map.of("f", from, "u", until))) {
            throw new OptimisticLockingFailureException("assessment batch " + batchId);
        }
        audit.record(AuditEvent.of("assessment.batch.publish", "assessment_batch", batchId,
                Map.of("status", b.status().name()),
                Map.of("status", next.name(), "publicityFrom", from.toString(), "publicityUntil", until.toString())));
        return assessments.get(batchId);
    }

}
