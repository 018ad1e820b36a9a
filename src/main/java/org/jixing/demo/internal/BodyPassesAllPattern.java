package org.jixing.demo.internal;

import java.util.ArrayList;
import java.util.List;

import org.jixing.certification.AssessmentBatch;
import org.jixing.certification.AssessmentBatches;
import org.jixing.certification.AssessmentCandidates;
import org.jixing.certification.AssessmentScores;
import org.jixing.certification.Candidate;
import org.jixing.demo.Planted;
import org.jixing.demo.PlantedPattern;
import org.jixing.demo.PlantingContext;
import org.jixing.provider.BodyKind;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Permit;
import org.jixing.provider.Registry;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.supervision.SubjectKind;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * BODY_PASSES_ALL: a new evaluation body assesses a batch of {@value #CANDIDATES}
 * applicants for a junior level and passes every one of them, through the assessment
 * services as its evaluator would (junior levels ask for no prerequisites; each score is
 * within range). PASS_RATE_OUTLIER should find the body.
 */
@Component
@Order(110)
class BodyPassesAllPattern implements PlantedPattern {

    static final int CANDIDATES = 36;

    private final MoneyPlantingKit kit;

    private final AssessmentBatches batches;

    private final AssessmentCandidates candidacy;

    private final AssessmentScores scores;

    BodyPassesAllPattern(MoneyPlantingKit kit, AssessmentBatches batches, AssessmentCandidates candidacy,
            AssessmentScores scores) {
        this.kit = kit;
        this.batches = batches;
        this.candidacy = candidacy;
        this.scores = scores;
    }

    @Override
    public String code() {
        return "BODY_PASSES_ALL";
    }

    @Override
    public List<Planted> plant(PlantingContext c) {
        List<DemoHistory.PastProgramme> juniors = DemoHistory.PROGRAMMES.stream()
            .filter(p -> p.level().equals("JUNIOR"))
            .toList();
        DemoHistory.PastProgramme p = juniors.get(c.random().nextInt(juniors.size()));
        FiledBody body = kit.body(c.admin(), Registry.EVALUATION_BODY, BodyKind.SOCIAL_EVALUATION_ORGANISATION,
                c.cityCode(), "速成职业技能评价中心", new Permit(p.occupation(), p.level()), c.today(), c.random());
        CurrentUser evaluator = MoneyPlantingKit.evaluator(body);
        List<Long> people = kit.people(c.admin(), c.cityCode(), CANDIDATES, c.random());
        AssessmentBatch batch = DemoProvince.as(evaluator,
                () -> batches.schedule(new AssessmentBatches.NewBatch(AssessmentBatch.Kind.BODY, p.occupation(),
                        p.level(), c.today(), body.address() + " 考场", List.of("周评", "吴评"))));
        List<AssessmentCandidates.NewCandidate> rows = people.stream()
            .map(id -> new AssessmentCandidates.NewCandidate(null, id, c.today().minusYears(3), null, null))
            .toList();
        List<Candidate> added = DemoProvince.as(evaluator, () -> candidacy.addCandidates(batch.id(), rows));
        List<AssessmentScores.ScoreRow> sheet = new ArrayList<>();
        for (Candidate a : added) {
            sheet.add(new AssessmentScores.ScoreRow(a.id(), 80 + c.random().nextInt(20), 82 + c.random().nextInt(18)));
        }
        DemoProvince.as(evaluator, () -> scores.recordScores(batch.id(), sheet));
        return List.of(new Planted(code(), "PASS_RATE_OUTLIER", SubjectKind.EVALUATION_BODY, body.id(),
                body.name() + " passed all " + added.size() + " candidates of " + batch.batchNo()));
    }

}
