package org.jixing.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.certification.internal.AssessmentStore;
import org.jixing.person.People;
import org.jixing.reference.SkillLevel;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.training.CompletedTraining;
import org.jixing.training.Enrolments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding candidates to a batch, each checked against the prerequisite rules of the
 * occupation and level (assessment_prerequisite_rule).
 */
@Service
public class AssessmentCandidates {

    private final AssessmentStore store;

    private final Assessments assessments;

    private final Enrolments enrolments;

    private final People people;

    private final Certificates certificates;

    private final AuditTrail audit;

    private final Clock clock;

    AssessmentCandidates(AssessmentStore store, Assessments assessments, Enrolments enrolments, People people,
            Certificates certificates, AuditTrail audit, Clock clock) {
        this.store = store;
        this.assessments = assessments;
        this.enrolments = enrolments;
        this.people = people;
        this.certificates = certificates;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A candidate to add: either a completed enrolment of the batch's occupation and
     * level or a person applying directly; the day they started in the trade, and a level
     * held elsewhere with its evidence (certificate number).
     */
    public record NewCandidate(Long enrolmentId, Long personId, LocalDate tradeSince, String declaredLevelCode,
            String declaredEvidence) {
    }

    /**
     * Adds candidates to a planned batch, all or none: each is checked against the
     * prerequisite rules of the occupation and level and every rule not met is named.
     */
    @Transactional
    public List<Candidate> addCandidates(long batchId, List<NewCandidate> rows) {
        CurrentUser me = BatchStep.ADD_CANDIDATES.requireTakenBy();
        AssessmentBatch b = assessments.get(batchId);
        b.take(BatchStep.ADD_CANDIDATES, assessments.today()).next();
        if (rows == null || rows.isEmpty()) {
            throw InvalidInputException.of("candidates", "assessment.error.noCandidates");
        }
        Set<Long> already = new HashSet<>();
        store.candidates(batchId).forEach(c -> already.add(c.personId()));
        List<Problem> problems = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
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
                    ? Optional.empty() : assessments.level(r.declaredLevelCode());
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
            accepted.add(new Accepted(person, source, r, outcome.met()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var now = clock.instant();
        List<Long> ids = new ArrayList<>();
        for (Accepted a : accepted) {
            NewCandidate r = a.row();
            try {
                ids.add(store.insertCandidate(batchId, a.personId(), a.source(),
                        Candidate.Source.COMPLETION.name().equals(a.source()) ? r.enrolmentId() : null, r.tradeSince(),
                        blankToNull(r.declaredLevelCode()), blankToNull(r.declaredEvidence()), a.prerequisiteMet(),
                        me.username(), now));
            }
            catch (DuplicateKeyException raced) {
                throw InvalidInputException.of("candidates", "assessment.error.duplicateCandidate", 0);
            }
        }
        audit.record(AuditEvent.of("assessment.candidates.add", "assessment_batch", batchId, null,
                Map.of("added", ids.size(), "candidateIds", ids.toString())));
        return assessments.candidates(batchId);
    }

    private record Prerequisite(String met, List<Problem> failed) {
    }

    /**
     * A row that passed every check: whom it names, how, and which alternative it met.
     */
    private record Accepted(long personId, String source, NewCandidate row, String prerequisiteMet) {
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
            .map(assessments::level)
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
                    int need = assessments.level(r.requiredLevel()).map(SkillLevel::rank).orElse(Integer.MAX_VALUE);
                    if (heldRank < need && declaredRank < need) {
                        missing.add(new Problem(field, "assessment.error.prerequisite.level", row, alt.getKey(),
                                assessments.level(r.requiredLevel())
                                    .map(SkillLevel::nameZh)
                                    .orElse(r.requiredLevel())));
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
