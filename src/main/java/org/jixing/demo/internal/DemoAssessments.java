package org.jixing.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.certification.AssessmentBatch;
import org.jixing.certification.AssessmentBatches;
import org.jixing.certification.AssessmentCandidates;
import org.jixing.certification.AssessmentChallenges;
import org.jixing.certification.AssessmentScores;
import org.jixing.certification.Assessments;
import org.jixing.certification.Candidate;
import org.jixing.provider.BodyFilter;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Filings;
import org.jixing.provider.Permit;
import org.jixing.provider.Registry;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.CompletedTraining;
import org.jixing.training.Enrolments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo evaluation body's assessment batches (济南职业技能等级认定中心), made through the
 * assessment service as its evaluators would: from trainees who completed past classes of
 * an occupation it is filed for, one batch planned with its candidates, one being scored
 * (scores entered, awaiting the second evaluator's sign-off), and one in publicity with a
 * challenge to decide. A final batch needs the publicity period to pass, which the demo
 * cannot backdate: finalising is left to the nightly job.
 */
@Component
class DemoAssessments {

    private static final Logger log = LoggerFactory.getLogger(DemoAssessments.class);

    static final String BODY_NAME = "济南职业技能等级认定中心";

    private final Assessments assessments;

    private final AssessmentBatches batches;

    private final AssessmentCandidates candidacy;

    private final AssessmentScores scoreSheets;

    private final AssessmentChallenges challenging;

    private final Filings filings;

    private final Enrolments enrolments;

    DemoAssessments(Assessments assessments, AssessmentBatches batches, AssessmentCandidates candidacy,
            AssessmentScores scoreSheets, AssessmentChallenges challenging, Filings filings, Enrolments enrolments) {
        this.assessments = assessments;
        this.batches = batches;
        this.candidacy = candidacy;
        this.scoreSheets = scoreSheets;
        this.challenging = challenging;
        this.filings = filings;
        this.enrolments = enrolments;
    }

    /** The batches made, by state. */
    record Outcome(int planned, int scoring, int publicity) {
    }

    Outcome generate(LocalDate today, CurrentUser admin, List<DemoHistory.Made> made) {
        FiledBody body = DemoProvince
            .as(admin,
                    () -> filings.search(Registry.EVALUATION_BODY, new BodyFilter(null, null, null, BODY_NAME), 0, 5))
            .items()
            .stream()
            .filter(b -> b.name().equals(BODY_NAME))
            .findFirst()
            .flatMap(b -> filings.find(Registry.EVALUATION_BODY, b.id()))
            .orElse(null);
        if (body == null) {
            log.warn("No demo evaluation body; no assessment batches");
            return new Outcome(0, 0, 0);
        }
        // Trainees who completed past classes: those of an occupation and level the body
        // is
        // filed for sit from their completion, the others apply (the junior level asks
        // for no prerequisites).
        List<CompletedTraining> pool = new ArrayList<>();
        for (DemoHistory.Made m : made) {
            pool.addAll(enrolments.completedTrainingsOfClass(m.classId()));
            if (pool.size() >= 60) {
                break;
            }
        }
        List<Permit> permits = body.permits().stream().filter(p -> p.levelCode().equals("JUNIOR")).limit(3).toList();
        log.info("Demo assessments from {} completions of {} past classes, {} permits", pool.size(), made.size(),
                permits.size());
        Map<String, List<AssessmentCandidates.NewCandidate>> byPermit = new LinkedHashMap<>();
        Set<Long> seen = new HashSet<>();
        int next = 0;
        for (Permit p : permits) {
            List<AssessmentCandidates.NewCandidate> rows = new ArrayList<>();
            for (; next < pool.size() && rows.size() < 8; next++) {
                CompletedTraining c = pool.get(next);
                if (!seen.add(c.personId())) {
                    continue;
                }
                rows.add(c.occupationCode().equals(p.occupationCode()) && c.levelCode().equals(p.levelCode())
                        ? new AssessmentCandidates.NewCandidate(c.enrolmentId(), null, null, null, null)
                        : new AssessmentCandidates.NewCandidate(null, c.personId(), c.completedOn().minusYears(2), null,
                                null));
            }
            if (rows.size() >= 3) {
                byPermit.put(p.occupationCode() + "|" + p.levelCode(), rows);
            }
        }
        CurrentUser first = DemoProvince.user(0, "evaluator", Role.EVALUATOR,
                DataScope.of(ScopeKind.EVALUATION_BODY, String.valueOf(body.id())));
        CurrentUser second = DemoProvince.user(0, "demo-evaluator-2", Role.EVALUATOR,
                DataScope.of(ScopeKind.EVALUATION_BODY, String.valueOf(body.id())));
        int planned = 0;
        int scoring = 0;
        int publicity = 0;
        int n = 0;
        for (var entry : byPermit.entrySet()) {
            int state = n++;
            String[] permit = entry.getKey().split("\\|");
            LocalDate on = state == 0 ? today.plusDays(14) : today.minusDays(7 * state);
            AssessmentBatch b = DemoProvince.as(first,
                    () -> batches.schedule(new AssessmentBatches.NewBatch(AssessmentBatch.Kind.BODY, permit[0],
                            permit[1], on, "济南市历下区示范路 99 号 " + (state + 1) + " 号考场", List.of("王评", "李评", "张评"))));
            List<Candidate> cs = DemoProvince.as(first, () -> candidacy.addCandidates(b.id(), entry.getValue()));
            if (state == 0) {
                planned++;
                continue;
            }
            List<AssessmentScores.ScoreRow> rows = new ArrayList<>();
            for (int i = 0; i < cs.size(); i++) {
                // Most pass; every fourth falls short in the practical part.
                rows.add(new AssessmentScores.ScoreRow(cs.get(i).id(), 62 + (i * 7) % 35,
                        i % 4 == 3 ? 52 : 65 + (i * 11) % 30));
            }
            DemoProvince.as(first, () -> scoreSheets.recordScores(b.id(), rows));
            if (state == 1) {
                scoring++;
                continue;
            }
            DemoProvince.as(second, () -> scoreSheets.signOff(b.id()));
            DemoProvince.as(second, () -> scoreSheets.publish(b.id(), assessments.get(b.id()).version()));
            Long challenged = DemoProvince.as(first, () -> assessments.candidates(b.id()))
                .stream()
                .filter(c -> Boolean.TRUE.equals(c.passed()))
                .map(Candidate::resultId)
                .findFirst()
                .orElse(null);
            if (challenged != null) {
                DemoProvince.as(admin, () -> challenging.challenge(challenged, "有考生反映该考生实操考试时使用了事先准备的成品，请核查。"));
            }
            publicity++;
        }
        log.info("Demo assessments: {} planned, {} scoring, {} in publicity", planned, scoring, publicity);
        return new Outcome(planned, scoring, publicity);
    }

}
