package org.jixing.certification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.certification.internal.AssessmentStore;
import org.jixing.provider.BodyKind;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.reference.Occupation;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.SkillLevel;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduling an assessment batch (by the evaluation body's evaluator) and the province's
 * approval of a special-level one.
 */
@Service
public class AssessmentBatches {

    /** Levels at or above this rank (特级技师, 首席技师) are special. */
    static final int SPECIAL_RANK = 7;

    private final AssessmentStore store;

    private final Assessments assessments;

    private final Filings filings;

    private final ReferenceCatalogue reference;

    private final AuditTrail audit;

    private final Clock clock;

    AssessmentBatches(AssessmentStore store, Assessments assessments, Filings filings, ReferenceCatalogue reference,
            AuditTrail audit, Clock clock) {
        this.store = store;
        this.assessments = assessments;
        this.filings = filings;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
    }

    /** A batch to schedule: the evaluators are named (考评员). */
    public record NewBatch(AssessmentBatch.Kind kind, String occupationCode, String levelCode, LocalDate assessedOn,
            String venue, List<String> evaluators) {
    }

    /**
     * Schedules a batch of the signed-in evaluator's body. The body must be filed and in
     * good standing, and filed for the occupation and level; special levels only as an
     * enterprise's self-evaluation, and they wait for the province's approval.
     */
    @Transactional
    public AssessmentBatch schedule(NewBatch nb) {
        CurrentUser me = Assessments.requireEvaluator();
        FiledBody body = filings.find(Registry.EVALUATION_BODY, Long.parseLong(me.scope().ref()))
            .orElseThrow(() -> new AccessDeniedException("no evaluation body"));
        List<Problem> problems = new ArrayList<>();
        LocalDate today = assessments.today();
        if (!body.inGoodStanding(today)) {
            problems.add(new Problem(null, "assessment.error.bodyNotFiled"));
        }
        Optional<Occupation> occupation = nb.occupationCode() == null ? Optional.empty()
                : reference.occupation(nb.occupationCode());
        Optional<SkillLevel> level = assessments.level(nb.levelCode());
        if (occupation.isEmpty()) {
            problems.add(new Problem("occupationCode", "assessment.error.occupation"));
        }
        if (level.isEmpty()) {
            problems.add(new Problem("levelCode", "assessment.error.level"));
        }
        AssessmentBatch.Kind kind = nb.kind() == null ? AssessmentBatch.Kind.BODY : nb.kind();
        if (occupation.isPresent() && level.isPresent() && !body.permits(nb.occupationCode(), nb.levelCode())) {
            problems.add(new Problem("occupationCode", "assessment.error.notPermitted", occupation.get().nameZh(),
                    level.get().nameZh()));
        }
        if (kind == AssessmentBatch.Kind.ENTERPRISE && body.kind() != BodyKind.ENTERPRISE) {
            problems.add(new Problem("kind", "assessment.error.enterpriseBody"));
        }
        boolean special = level.isPresent() && level.get().rank() >= SPECIAL_RANK;
        if (special && kind != AssessmentBatch.Kind.ENTERPRISE) {
            problems.add(new Problem("kind", "assessment.error.specialEnterprise", level.get().nameZh()));
        }
        if (nb.assessedOn() == null) {
            problems.add(new Problem("assessedOn", "assessment.error.required"));
        }
        if (nb.venue() == null || nb.venue().isBlank()) {
            problems.add(new Problem("venue", "assessment.error.required"));
        }
        List<String> evaluators = nb.evaluators() == null ? List.of()
                : nb.evaluators().stream().filter(e -> e != null && !e.isBlank()).map(String::strip).toList();
        if (evaluators.isEmpty()) {
            problems.add(new Problem("evaluators", "assessment.error.evaluators"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        AssessmentBatch.Approval approval = special ? AssessmentBatch.Approval.REQUIRED
                : AssessmentBatch.Approval.NOT_NEEDED;
        long id = -1;
        for (int attempt = 1; id < 0; attempt++) {
            String no = "PJ" + body.id() + "-" + nb.assessedOn().getYear() + "-"
                    + String.format("%03d", store.batchesOfBody(body.id()) + attempt);
            try {
                id = store.insertBatch(no, body.id(), body.name(), body.regionCode(), nb.occupationCode(),
                        nb.levelCode(), kind, nb.assessedOn(), nb.venue().strip(), approval, me.username(),
                        clock.instant(), evaluators);
            }
            catch (DuplicateKeyException taken) {
                if (attempt > 5) {
                    throw taken;
                }
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("body", body.name());
        after.put("occupation", nb.occupationCode());
        after.put("level", nb.levelCode());
        after.put("kind", kind.name());
        after.put("assessedOn", nb.assessedOn().toString());
        after.put("evaluators", String.join("、", evaluators));
        after.put("provinceApproval", approval.name());
        audit.record(AuditEvent.of("assessment.batch.schedule", "assessment_batch", id, null, after));
        return assessments.get(id);
    }

    /** The province approves a special-level batch, so that scoring may begin. */
    @Transactional
    public AssessmentBatch approve(long batchId, int version) {
        CurrentUser me = BatchStep.APPROVE.requireTakenBy();
        AssessmentBatch b = assessments.get(batchId);
        b.take(BatchStep.APPROVE, assessments.today()).next();
        if (!store.changeBatch(batchId, version, "province_approval = 'APPROVED', approved_by = :by, approved_at = :at",
                Map.of("by", me.username(), "at", Timestamp.from(clock.instant())))) {
            throw new OptimisticLockingFailureException("assessment batch " + batchId);
        }
        audit.record(AuditEvent.of("assessment.batch.approve", "assessment_batch", batchId,
                Map.of("provinceApproval", "REQUIRED"), Map.of("provinceApproval", "APPROVED")));
        return assessments.get(batchId);
    }

}
