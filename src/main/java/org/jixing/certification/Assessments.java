package org.jixing.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.certification.internal.AssessmentStore;
import org.jixing.certification.internal.AssessmentStore.CandidateRow;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.provider.BodyKind;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.reference.Occupation;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.SkillLevel;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.CompletedTraining;
import org.jixing.training.Enrolments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Skill-level assessment (职业技能等级认定) by filed evaluation bodies: a batch for an occupation
 * and level the body is filed for, its candidates checked against the prerequisite rules,
 * scores entered and signed off by another evaluator, the pass rule applied, results
 * published for a publicity period (公示) during which anyone signed in may challenge one,
 * and finalised after it. Each passed final result is announced as
 * {@link AssessmentPassed}. The rules are data (assessment_prerequisite_rule,
 * assessment_pass_rule).
 */
@Service
public class Assessments {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Levels at or above this rank (特级技师, 首席技师) are special. */
    static final int SPECIAL_RANK = 7;

    private final AssessmentStore store;

    private final Filings filings;

    private final Enrolments enrolments;

    private final People people;

    private final ReferenceCatalogue reference;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final int publicityDays;

    private final Certificates certificates;

    Assessments(AssessmentStore store, Filings filings, Enrolments enrolments, People people,
            ReferenceCatalogue reference, ScopeGuard guard, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock, @Value("${jixing.certification.publicity-days:7}") int publicityDays,
            Certificates certificates) {
        this.certificates = certificates;
        this.store = store;
        this.filings = filings;
        this.enrolments = enrolments;
        this.people = people;
        this.reference = reference;
        this.guard = guard;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.publicityDays = publicityDays;
    }

    /** A batch to schedule: the evaluators are named (考评员). */
    public record NewBatch(AssessmentBatch.Kind kind, String occupationCode, String levelCode, LocalDate assessedOn,
            String venue, List<String> evaluators) {
    }

    /**
     * A candidate to add: either a completed enrolment of the batch's occupation and
     * level or a person applying directly; the day they started in the trade, and a level
     * held elsewhere with its evidence (certificate number).
     */
    public record NewCandidate(Long enrolmentId, Long personId, LocalDate tradeSince, String declaredLevelCode,
            String declaredEvidence) {
    }

    /** One row of the score sheet. */
    public record ScoreRow(long candidateId, Integer theory, Integer practical) {
    }

    public int publicityDays() {
        return publicityDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /**
     * Schedules a batch of the signed-in evaluator's body. The body must be filed and in
     * good standing, and filed for the occupation and level; special levels only as an
     * enterprise's self-evaluation, and they wait for the province's approval.
     */
    @Transactional
    public AssessmentBatch schedule(NewBatch nb) {
        CurrentUser me = requireEvaluator();
        FiledBody body = filings.find(Registry.EVALUATION_BODY, Long.parseLong(me.scope().ref()))
            .orElseThrow(() -> new AccessDeniedException("no evaluation body"));
        List<Problem> problems = new ArrayList<>();
        LocalDate today = today();
        if (!body.inGoodStanding(today)) {
            problems.add(new Problem(null, "assessment.error.bodyNotFiled"));
        }
        Optional<Occupation> occupation = nb.occupationCode() == null ? Optional.empty()
                : reference.occupation(nb.occupationCode());
        Optional<SkillLevel> level = level(nb.levelCode());
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
        return get(id);
    }

    /** The province approves a special-level batch, so that scoring may begin. */
    @Transactional
    public AssessmentBatch approve(long batchId, int version) {
        CurrentUser me = CurrentUser.require();
        if (!CertificationPermission.ASSESSMENT_APPROVE.allows(me)) {
            throw new AccessDeniedException("the province approves special-level batches");
        }
        AssessmentBatch b = get(batchId);
        if (b.provinceApproval() != AssessmentBatch.Approval.REQUIRED) {
            throw InvalidInputException.of(null, "assessment.error.noApprovalNeeded");
        }
        if (!store.changeBatch(batchId, version, "province_approval = 'APPROVED', approved_by = :by, approved_at = :at",
                Map.of("by", me.username(), "at", java.sql.Timestamp.from(clock.instant())))) {
            throw new OptimisticLockingFailureException("assessment batch " + batchId);
        }
        audit.record(AuditEvent.of("assessment.batch.approve", "assessment_batch", batchId,
                Map.of("provinceApproval", "REQUIRED"), Map.of("provinceApproval", "APPROVED")));
        return get(batchId);
    }

    /**
     * Adds candidates to a planned batch, all or none: each is checked against the
     * prerequisite rules of the occupation and level and every rule not met is named.
     */
    @Transactional
    public List<Candidate> addCandidates(long batchId, List<NewCandidate> rows) {
        CurrentUser me = requireEvaluator();
        AssessmentBatch b = get(batchId);
        if (b.status() != AssessmentBatch.Status.PLANNED && b.status() != AssessmentBatch.Status.SCORING) {
            throw InvalidInputException.of(null, "assessment.error.notOpenForCandidates");
        }
        if (rows == null || rows.isEmpty()) {
            throw InvalidInputException.of("candidates", "assessment.error.noCandidates");
        }
        Set<Long> already = new HashSet<>();
        store.candidates(batchId).forEach(c -> already.add(c.personId()));
        List<Problem> problems = new ArrayList<>();
        List<Object[]> accepted = new ArrayList<>();
        List<AssessmentStore.PrerequisiteRule> rules = store.prerequisites(b.occupationCode(), b.levelCode());
        for (int i = 0; i < rows.size(); i++) {
            NewCandidate r = rows.get(i);
            int row = i + 1;
            String field = "candidates[" + i + "]";
            Long person = null;
            String source;
            if (r.enrolmentId() != null) {
                source = Candidate.Source.COMPLETION.name();
                Optional<CompletedTraining> t = enrolments.completedTraining(r.enrolmentId());
                if (t.isEmpty()) {
                    problems.add(new Problem(field + ".enrolmentId", "assessment.error.notCompleted", row));
                    continue;
                }
                if (!t.get().occupationCode().equals(b.occupationCode())
                        || !t.get().levelCode().equals(b.levelCode())) {
                    problems.add(new Problem(field + ".enrolmentId", "assessment.error.otherTraining", row,
                            t.get().classNo()));
                    continue;
                }
                person = t.get().personId();
            }
            else {
                source = Candidate.Source.APPLICATION.name();
                if (r.personId() == null || people.find(r.personId()).isEmpty()) {
                    problems.add(new Problem(field + ".personId", "assessment.error.person", row));
                    continue;
                }
                person = r.personId();
            }
            if (!already.add(person)) {
                problems.add(new Problem(field, "assessment.error.duplicateCandidate", row));
                continue;
            }
            Optional<SkillLevel> declared = r.declaredLevelCode() == null || r.declaredLevelCode().isBlank()
                    ? Optional.empty() : level(r.declaredLevelCode());
            if (r.declaredLevelCode() != null && !r.declaredLevelCode().isBlank()) {
                if (declared.isEmpty()) {
                    problems.add(new Problem(field + ".declaredLevelCode", "assessment.error.level"));
                    continue;
                }
                if (r.declaredEvidence() == null || r.declaredEvidence().isBlank()) {
                    problems.add(new Problem(field + ".declaredEvidence", "assessment.error.evidence", row));
                    continue;
                }
            }
            if (r.tradeSince() != null && r.tradeSince().isAfter(b.assessedOn())) {
                problems.add(new Problem(field + ".tradeSince", "assessment.error.tradeSince", row));
                continue;
            }
            Prerequisite outcome = prerequisite(rules, person, b, r.tradeSince(), declared, row, field);
            if (outcome.met() == null) {
                problems.addAll(outcome.failed());
                continue;
            }
            accepted.add(new Object[] { person, source, r, outcome.met() });
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var now = clock.instant();
        List<Long> ids = new ArrayList<>();
        for (Object[] a : accepted) {
            NewCandidate r = (NewCandidate) a[2];
            try {
                ids.add(store.insertCandidate(batchId, (Long) a[0], (String) a[1],
                        Candidate.Source.COMPLETION.name().equals(a[1]) ? r.enrolmentId() : null, r.tradeSince(),
                        blankToNull(r.declaredLevelCode()), blankToNull(r.declaredEvidence()), (String) a[3],
                        me.username(), now));
            }
            catch (DuplicateKeyException raced) {
                throw InvalidInputException.of("candidates", "assessment.error.duplicateCandidate", 0);
            }
        }
        audit.record(AuditEvent.of("assessment.candidates.add", "assessment_batch", batchId, null,
                Map.of("added", ids.size(), "candidateIds", ids.toString())));
        return candidates(batchId);
    }

    private record Prerequisite(String met, List<Problem> failed) {
    }

    /**
     * Which alternative of the rules the candidate meets ("NONE" when the level has no
     * rules), or every rule of every alternative not met.
     */
    private Prerequisite prerequisite(List<AssessmentStore.PrerequisiteRule> rules, long person, AssessmentBatch b,
            LocalDate tradeSince, Optional<SkillLevel> declared, int row, String field) {
        if (rules.isEmpty()) {
            return new Prerequisite("NONE", List.of());
        }
        Map<Integer, List<AssessmentStore.PrerequisiteRule>> alternatives = new TreeMap<>();
        rules.forEach(r -> alternatives.computeIfAbsent(r.alternative(), k -> new ArrayList<>()).add(r));
        // A level is held with a valid certificate (a passed final result has one; a
        // revoked one no longer counts), or declared with evidence of one from elsewhere.
        int heldRank = certificates.validLevels(person, b.occupationCode())
            .stream()
            .map(this::level)
            .flatMap(Optional::stream)
            .mapToInt(SkillLevel::rank)
            .max()
            .orElse(0);
        int declaredRank = declared.map(SkillLevel::rank).orElse(0);
        int years = tradeSince == null ? 0 : Period.between(tradeSince, b.assessedOn()).getYears();
        List<Problem> failed = new ArrayList<>();
        for (var alt : alternatives.entrySet()) {
            List<Problem> missing = new ArrayList<>();
            for (AssessmentStore.PrerequisiteRule r : alt.getValue()) {
                if (r.requiredLevel() != null) {
                    int need = level(r.requiredLevel()).map(SkillLevel::rank).orElse(Integer.MAX_VALUE);
                    if (heldRank < need && declaredRank < need) {
                        missing.add(new Problem(field, "assessment.error.prerequisite.level", row, alt.getKey(),
                                level(r.requiredLevel()).map(SkillLevel::nameZh).orElse(r.requiredLevel())));
                    }
                }
                if (r.minYears() > 0 && years < r.minYears()) {
                    missing.add(new Problem(field, "assessment.error.prerequisite.years", row, alt.getKey(),
                            r.minYears(), years));
                }
            }
            if (missing.isEmpty()) {
                return new Prerequisite("ALTERNATIVE_" + alt.getKey(), List.of());
            }
            failed.addAll(missing);
        }
        return new Prerequisite(null, failed);
    }

    /**
     * Enters or corrects the scores of a batch, one sheet for all rows: a score outside
     * 0–100 is refused naming the row and field. The pass rule of the occupation and
     * level decides each result; a signed-off result is not changed.
     */
    @Transactional
    public List<Candidate> recordScores(long batchId, List<ScoreRow> rows) {
        CurrentUser me = requireEvaluator();
        AssessmentBatch b = get(batchId);
        if (b.status() != AssessmentBatch.Status.PLANNED && b.status() != AssessmentBatch.Status.SCORING) {
            throw InvalidInputException.of(null, "assessment.error.notScoring");
        }
        if (b.provinceApproval() == AssessmentBatch.Approval.REQUIRED) {
            throw InvalidInputException.of(null, "assessment.error.awaitingApproval");
        }
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
        if (b.status() == AssessmentBatch.Status.PLANNED
                && !store.changeBatch(batchId, b.version(), "status = 'SCORING'", Map.of())) {
            throw new OptimisticLockingFailureException("assessment batch " + batchId);
        }
        audit.record(AuditEvent.of("assessment.scores.record", "assessment_batch", batchId, null,
                Map.of("rows", rows.size(), "passed", passed, "theoryMin", marks[0], "practicalMin", marks[1])));
        return candidates(batchId);
    }

    /**
     * A second evaluator of the body confirms the entered scores: never the one who
     * entered them. Every candidate must have scores.
     */
    @Transactional
    public List<Candidate> signOff(long batchId) {
        CurrentUser me = requireEvaluator();
        AssessmentBatch b = get(batchId);
        if (b.status() != AssessmentBatch.Status.SCORING) {
            throw InvalidInputException.of(null, "assessment.error.notScoring");
        }
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
        return candidates(batchId);
    }

    /** Publishes the signed-off results: the publicity period starts today. */
    @Transactional
    public AssessmentBatch publish(long batchId, int version) {
        requireEvaluator();
        AssessmentBatch b = get(batchId);
        if (b.status() != AssessmentBatch.Status.SCORING) {
            throw InvalidInputException.of(null, "assessment.error.notScoring");
        }
        List<CandidateRow> rows = store.candidates(batchId);
        if (rows.isEmpty() || rows.stream().anyMatch(c -> !"SIGNED_OFF".equals(c.resultStatus()))) {
            throw InvalidInputException.of(null, "assessment.error.notSignedOff");
        }
        LocalDate from = today();
        LocalDate until = from.plusDays(publicityDays);
        if (!store.changeBatch(batchId, version, "status = 'PUBLICITY', publicity_from = :f, publicity_until = :u",
                Map.of("f", from, "u", until))) {
            throw new OptimisticLockingFailureException("assessment batch " + batchId);
        }
        audit.record(AuditEvent.of("assessment.batch.publish", "assessment_batch", batchId,
                Map.of("status", b.status().name()),
                Map.of("status", "PUBLICITY", "publicityFrom", from.toString(), "publicityUntil", until.toString())));
        return get(batchId);
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
        AssessmentBatch b = store.findBatch(r.batchId(), new ScopeSql.Clause("1=1", Map.of()))
            .filter(x -> x.status() == AssessmentBatch.Status.PUBLICITY)
            .orElseThrow(() -> new RecordNotFoundException("assessment_result", resultId));
        if (today().isAfter(b.publicityUntil())) {
            throw InvalidInputException.of(null, "assessment.error.publicityOver");
        }
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
        CurrentUser me = CurrentUser.require();
        if (!CertificationPermission.CHALLENGE_DECIDE.allows(me)) {
            throw new AccessDeniedException("the body or the province decides challenges");
        }
        Challenge c = store.challenge(challengeId)
            .orElseThrow(() -> new RecordNotFoundException("assessment_challenge", challengeId));
        AssessmentBatch b = get(c.batchId());
        if (decision == null) {
            throw InvalidInputException.of("decision", "assessment.error.required");
        }
        if (note == null || note.isBlank()) {
            throw InvalidInputException.of("note", "assessment.error.required");
        }
        if (b.status() != AssessmentBatch.Status.PUBLICITY
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

    /**
     * Makes a batch's results final after its publicity period (by the body's evaluator
     * or the province); refused while the period runs or a challenge is undecided.
     */
    @Transactional
    public AssessmentBatch finalise(long batchId, int version) {
        CurrentUser me = CurrentUser.require();
        if (!CertificationPermission.ASSESSMENT_RECORD.allows(me)) {
            throw new AccessDeniedException("the body or the province finalises");
        }
        AssessmentBatch b = get(batchId);
        if (b.version() != version) {
            throw new OptimisticLockingFailureException("assessment batch " + batchId);
        }
        finalise(b, today(), me.username());
        return get(batchId);
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
            AssessmentBatch b = store.findBatch(id, new ScopeSql.Clause("1=1", Map.of())).orElseThrow();
            if (store.challenges(id).stream().allMatch(c -> c.decision() != null)) {
                finalise(b, day, "system");
                n++;
            }
        }
        return n;
    }

    private void finalise(AssessmentBatch b, LocalDate day, String actor) {
        if (b.status() != AssessmentBatch.Status.PUBLICITY) {
            throw InvalidInputException.of(null, "assessment.error.notPublicity");
        }
        if (!day.isAfter(b.publicityUntil())) {
            throw InvalidInputException.of(null, "assessment.error.publicityRunning", b.publicityUntil().toString());
        }
        if (store.challenges(b.id()).stream().anyMatch(c -> c.decision() == null)) {
            throw InvalidInputException.of(null, "assessment.error.openChallenges");
        }
        if (!store.changeBatch(b.id(), b.version(), "status = 'FINAL', finalised_on = :d", Map.of("d", day))) {
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

    // Reads.

    /** A batch in the caller's scope, or 404. */
    @Transactional(readOnly = true)
    public AssessmentBatch get(long id) {
        return guard.require(store.findBatch(id, ScopeSql.forCurrentUser(AssessmentStore.SCOPE)), "assessment_batch",
                id, () -> store.batchExists(id));
    }

    @Transactional(readOnly = true)
    public PageResult<AssessmentBatch> search(AssessmentBatch.Status status, int page, int size) {
        var scope = ScopeSql.forCurrentUser(AssessmentStore.SCOPE);
        return new PageResult<>(store.searchBatches(scope, status, PageResult.offset(page, size), size), page, size,
                store.countBatches(scope, status));
    }

    /** The candidates of a batch in the caller's scope, with their results. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(long batchId) {
        get(batchId);
        return toCandidates(store.candidates(batchId));
    }

    @Transactional(readOnly = true)
    public List<Challenge> challenges(long batchId) {
        get(batchId);
        return store.challenges(batchId);
    }

    /** A published batch's results (公示), shown to everyone signed in. */
    public record Publicity(AssessmentBatch batch, List<Candidate> results, List<Challenge> challenges) {
    }

    @Transactional(readOnly = true)
    public List<Publicity> publicity() {
        CurrentUser.require();
        return store.inPublicity()
            .stream()
            .map(b -> new Publicity(b, toCandidates(store.candidates(b.id())), store.challenges(b.id())))
            .toList();
    }

    /** The signed-in trainee's own candidacies with their results, newest first. */
    @Transactional(readOnly = true)
    public List<Candidate> myCandidacies() {
        CurrentUser me = CurrentUser.require();
        if (me.scope().kind() != ScopeKind.PERSON || !me.scope().ref().matches("\\d{1,18}")) {
            return List.of();
        }
        return toCandidates(store.candidaciesOf(Long.parseLong(me.scope().ref())));
    }

    public List<SkillLevel> levels() {
        return reference.skillLevels();
    }

    private List<Candidate> toCandidates(List<CandidateRow> rows) {
        Map<Long, Person> persons = people.findAll(rows.stream().map(CandidateRow::personId).toList());
        return rows.stream().map(c -> {
            Person p = persons.get(c.personId());
            return new Candidate(c.id(), c.batchId(), c.personId(), p == null ? null : p.name(),
                    p == null ? null : p.idNumberMasked(), Candidate.Source.valueOf(c.source()), c.enrolmentId(),
                    c.tradeSince(), c.declaredLevel(), c.prerequisiteOutcome(), c.resultId(), c.theory(), c.practical(),
                    c.passed(), c.resultStatus() == null ? null : Candidate.ResultStatus.valueOf(c.resultStatus()),
                    c.enteredBy(), c.signedOffBy());
        }).toList();
    }

    private Optional<SkillLevel> level(String code) {
        return code == null ? Optional.empty()
                : reference.skillLevels().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    private static CurrentUser requireEvaluator() {
        CurrentUser me = CurrentUser.require();
        if (!me.hasRole(Role.EVALUATOR)) {
            throw new AccessDeniedException("evaluators run assessment batches");
        }
        return me;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
