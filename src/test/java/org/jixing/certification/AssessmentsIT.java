package org.jixing.certification;

import static org.jixing.RunningAs.asTrainee;

import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asCity;
import static org.jixing.RunningAs.asEvaluator;
import org.jixing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jixing.certification.AssessmentCandidates.NewCandidate;
import org.jixing.certification.AssessmentScores.ScoreRow;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.training.CompletedTraining;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Assessment batches end to end in the service: filing checks, prerequisites, scores and
 * the pass rule, sign-off, publicity and challenges, finalising, special levels, direct
 * recognition and scopes.
 */
@RecordApplicationEvents
class AssessmentsIT extends IntegrationTest implements AssessmentFixtures {

    @Autowired
    Assessments assessments;

    @Autowired
    AssessmentBatches batches;

    @Autowired
    AssessmentCandidates candidacy;

    @Autowired
    AssessmentScores scoring;

    @Autowired
    AssessmentChallenges challenging;

    @Autowired
    AssessmentFinalising finalising;

    @Autowired
    DirectRecognitions recognitions;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Certificates certificates;

    @Autowired

    CertificateSignatures signatures;

    @Autowired

    CertificateRevocation revocation;

    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static List<String> keys(InvalidInputException e) {
        return e.problems().stream().map(Problem::messageKey).toList();
    }

    static InvalidInputException refusal(Runnable r) {
        try {
            r.run();
        }
        catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aBatchForAnOccupationTheBodyIsNotFiledForIsRefusedNamingOccupationAndLevel() throws Exception {
        Body body = body(jinan(), JINAN, "TECHNICAL_COLLEGE", "CLEANER/JUNIOR");
        InvalidInputException e = refusal(() -> batch(body.id(), AssessmentBatch.Kind.BODY, "CLEANER", "SENIOR"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("occupationCode");
            assertThat(p.messageKey()).isEqualTo("assessment.error.notPermitted");
            assertThat(p.args()).containsExactly("保洁员", "高级工");
        });
        // An enterprise's self-evaluation needs an enterprise body.
        assertThat(keys(refusal(() -> batch(body.id(), AssessmentBatch.Kind.ENTERPRISE, "CLEANER", "JUNIOR"))))
            .containsExactly("assessment.error.enterpriseBody");
        AssessmentBatch ok = batch(body.id(), AssessmentBatch.Kind.BODY, "CLEANER", "JUNIOR");
        assertThat(ok.status()).isEqualTo(AssessmentBatch.Status.PLANNED);
        assertThat(ok.provinceApproval()).isEqualTo(AssessmentBatch.Approval.NOT_NEEDED);
        assertThat(ok.evaluators()).containsExactly("王考评", "李考评");
    }

    @Test
    void scoresArePassedByTheRuleSignedOffPublishedChallengedAndFinalised() throws Exception {
        Body body = body(jinan(), JINAN, "TECHNICAL_COLLEGE", "CLEANER/JUNIOR", "CLEANER/INTERMEDIATE");
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1",
                List.of(new Trainee(null, true), new Trainee(null, true), new Trainee(null, true)));
        List<CompletedTraining> done = completions(f.classId());
        assertThat(done).hasSize(3);
        AssessmentBatch b = batch(body.id(), AssessmentBatch.Kind.BODY, "CLEANER", "JUNIOR");
        List<Candidate> cs = asEvaluator(body.id(), () -> candidacy.addCandidates(b.id(),
                done.stream().map(d -> new NewCandidate(d.enrolmentId(), null, null, null, null)).toList()));
        assertThat(cs).hasSize(3).allSatisfy(c -> {
            assertThat(c.source()).isEqualTo(Candidate.Source.COMPLETION);
            assertThat(c.prerequisiteOutcome()).isEqualTo("NONE");
        });
        // A score out of range is refused naming the row and the field; nothing is saved.
        InvalidInputException bad = refusal(() -> asEvaluator(body.id(),
                () -> scoring.recordScores(b.id(), List.of(new ScoreRow(cs.get(0).id(), 80, 70),
                        new ScoreRow(cs.get(1).id(), 59, 101), new ScoreRow(cs.get(2).id(), 90, 90)))));
        assertThat(bad.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("rows[1].practical");
            assertThat(p.messageKey()).isEqualTo("assessment.error.score.practical");
            assertThat(p.args()).containsExactly(2);
        });
        assertThat(asAdmin(() -> assessments.candidates(b.id()))).allSatisfy(c -> assertThat(c.resultId()).isNull());
        List<Candidate> scored = asEvaluator(body.id(),
                () -> scoring.recordScores(b.id(), List.of(new ScoreRow(cs.get(0).id(), 80, 70),
                        new ScoreRow(cs.get(1).id(), 59, 100), new ScoreRow(cs.get(2).id(), 90, 90))));
        assertThat(scored).extracting(Candidate::passed).containsExactly(true, false, true);
        // The one who entered the scores cannot sign them off; another evaluator does.
        assertThat(keys(refusal(() -> asEvaluator(body.id(), () -> scoring.signOff(b.id())))))
            .containsExactly("assessment.error.signOffSelf");
        assertThat(asEvaluator(body.id(), "second-evaluator", () -> scoring.signOff(b.id())))
            .allSatisfy(c -> assertThat(c.signedOffBy()).isEqualTo("second-evaluator"));
        AssessmentBatch published = asEvaluator(body.id(),
                () -> scoring.publish(b.id(), assessments.get(b.id()).version()));
        assertThat(published.status()).isEqualTo(AssessmentBatch.Status.PUBLICITY);
        assertThat(published.publicityUntil()).isEqualTo(today.plusDays(7));
        // Anyone signed in sees the publicity list and may challenge a result.
        assertThat(asTrainee(f.personIds().get(0), () -> assessments.publicity()))
            .anySatisfy(p -> assertThat(p.batch().id()).isEqualTo(b.id()));
        Challenge c = asTrainee(f.personIds().get(0),
                () -> challenging.challenge(scored.get(2).resultId(), "该考生实操考试时由他人代考。"));
        assertThat(keys(refusal(
                () -> asEvaluator(body.id(), () -> finalising.finalise(b.id(), assessments.get(b.id()).version())))))
            .containsExactly("assessment.error.publicityRunning");
        // While a challenge is undecided nothing is finalised, even after the period.
        finalising.finaliseDue(today.plusDays(8));
        assertThat(asAdmin(() -> assessments.get(b.id())).status()).isEqualTo(AssessmentBatch.Status.PUBLICITY);
        Challenge decided = asEvaluator(body.id(),
                () -> challenging.decideChallenge(c.id(), Challenge.Decision.UPHELD, "经核查属实，成绩作废。"));
        assertThat(decided.decision()).isEqualTo(Challenge.Decision.UPHELD);
        assertThat(asAdmin(() -> assessments.candidates(b.id())).get(2)).satisfies(x -> {
            assertThat(x.passed()).isFalse();
            assertThat(x.resultStatus()).isEqualTo(Candidate.ResultStatus.CANCELLED);
        });
        // Seven days on the period has not ended; the eighth day the batch becomes final.
        finalising.finaliseDue(today.plusDays(7));
        assertThat(asAdmin(() -> assessments.get(b.id())).status()).isEqualTo(AssessmentBatch.Status.PUBLICITY);
        assertThat(finalising.finaliseDue(today.plusDays(8))).isPositive();
        assertThat(asAdmin(() -> assessments.get(b.id())).status()).isEqualTo(AssessmentBatch.Status.FINAL);
        List<AssessmentPassed> passed = events.stream(AssessmentPassed.class)
            .filter(e -> e.batchId() == b.id())
            .toList();
        assertThat(passed).singleElement().satisfies(e -> {
            assertThat(e.personId()).isEqualTo(f.personIds().get(0));
            assertThat(e.resultId()).isEqualTo(scored.get(0).resultId());
            assertThat(e.occupationCode()).isEqualTo("CLEANER");
            assertThat(e.levelCode()).isEqualTo("JUNIOR");
            assertThat(e.evaluationBodyId()).isEqualTo(body.id());
            assertThat(e.route()).isEqualTo("ASSESSMENT");
            assertThat(e.finalOn()).isEqualTo(today.plusDays(8));
        });
        assertThat(asTrainee(f.personIds().get(0), () -> assessments.myCandidacies())).singleElement()
            .satisfies(x -> assertThat(x.resultStatus()).isEqualTo(Candidate.ResultStatus.FINAL));
        // The one who passed holds the certificate, which verifies; the others hold none.
        assertThat(asAdmin(() -> certificates.ofPerson(f.personIds().get(0)))).singleElement().satisfies(cert -> {
            assertThat(cert.levelCode()).isEqualTo("JUNIOR");
            assertThat(cert.route()).isEqualTo(CertificateRoute.ASSESSMENT);
            assertThat(cert.resultId()).isEqualTo(scored.get(0).resultId());
            assertThat(signatures.verify(cert.number()).outcome()).isEqualTo(Verification.Outcome.VALID);
        });
        assertThat(asAdmin(() -> certificates.ofPerson(f.personIds().get(2)))).isEmpty();

        // The intermediate level: without the junior level held and four years in the
        // trade,
        // or six years, the candidate is refused with every rule named.
        AssessmentBatch mid = batch(body.id(), AssessmentBatch.Kind.BODY, "CLEANER", "INTERMEDIATE");
        InvalidInputException missing = refusal(() -> asEvaluator(body.id(), () -> candidacy.addCandidates(mid.id(),
                List.of(new NewCandidate(null, f.personIds().get(1), today.minusYears(2), null, null)))));
        assertThat(missing.problems()).extracting(Problem::messageKey)
            .containsExactly("assessment.error.prerequisite.level", "assessment.error.prerequisite.years",
                    "assessment.error.prerequisite.years");
        assertThat(missing.problems().get(0).args()).containsExactly(1, 1, "初级工");
        assertThat(missing.problems().get(1).args()).containsExactly(1, 1, 4, 2);
        assertThat(missing.problems().get(2).args()).containsExactly(1, 2, 6, 2);
        // The first trainee passed the junior level here; the second declares it with
        // evidence.
        List<Candidate> mids = asEvaluator(body.id(),
                () -> candidacy.addCandidates(mid.id(), List.of(
                        new NewCandidate(null, f.personIds().get(0), today.minusYears(5), null, null),
                        new NewCandidate(null, f.personIds().get(1), today.minusYears(4), "JUNIOR", "证书编号 S0001"))));
        assertThat(mids).extracting(Candidate::prerequisiteOutcome).containsOnly("ALTERNATIVE_1");
        assertThat(mids).extracting(Candidate::source).containsOnly(Candidate.Source.APPLICATION);

        // A revoked certificate (fake evaluation) no longer counts as the level held.
        String junior = asAdmin(() -> certificates.ofPerson(f.personIds().get(0))).get(0).number();
        asAdmin(() -> revocation.revoke(junior, RevocationReason.FRAUDULENT_EVALUATION, "考评记录系补录"));
        AssessmentBatch mid2 = batch(body.id(), AssessmentBatch.Kind.BODY, "CLEANER", "INTERMEDIATE");
        assertThat(refusal(() -> asEvaluator(body.id(),
                () -> candidacy.addCandidates(mid2.id(),
                        List.of(new NewCandidate(null, f.personIds().get(0), today.minusYears(5), null, null)))))
            .problems()).extracting(Problem::messageKey).contains("assessment.error.prerequisite.level");
    }

    @Test
    void specialLevelsNeedAnEnterpriseSelfEvaluationApprovedByTheProvince() throws Exception {
        Body college = body(jinan(), JINAN, "TECHNICAL_COLLEGE", "CLEANER/PRINCIPAL_TECHNICIAN");
        assertThat(
                keys(refusal(() -> batch(college.id(), AssessmentBatch.Kind.BODY, "CLEANER", "PRINCIPAL_TECHNICIAN"))))
            .containsExactly("assessment.error.specialEnterprise");
        Body enterprise = body(jinan(), JINAN, "ENTERPRISE", "CLEANER/PRINCIPAL_TECHNICIAN");
        AssessmentBatch b = batch(enterprise.id(), AssessmentBatch.Kind.ENTERPRISE, "CLEANER", "PRINCIPAL_TECHNICIAN");
        assertThat(b.provinceApproval()).isEqualTo(AssessmentBatch.Approval.REQUIRED);
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", List.of(new Trainee(null, true)));
        List<Candidate> cs = asEvaluator(enterprise.id(),
                () -> candidacy.addCandidates(b.id(), List.of(new NewCandidate(null, f.personIds().get(0),
                        today.minusYears(3), "SENIOR_TECHNICIAN", "高级技师证书 G0002"))));
        assertThat(keys(refusal(() -> asEvaluator(enterprise.id(),
                () -> scoring.recordScores(b.id(), List.of(new ScoreRow(cs.get(0).id(), 90, 90)))))))
            .containsExactly("assessment.error.awaitingApproval");
        AssessmentBatch approved = asAdmin(() -> batches.approve(b.id(), b.version()));
        assertThat(approved.provinceApproval()).isEqualTo(AssessmentBatch.Approval.APPROVED);
        assertThat(asEvaluator(enterprise.id(),
                () -> scoring.recordScores(b.id(), List.of(new ScoreRow(cs.get(0).id(), 90, 90)))))
            .singleElement()
            .satisfies(c -> assertThat(c.passed()).isTrue());
        asEvaluator(enterprise.id(), "second-evaluator", () -> scoring.signOff(b.id()));
        asEvaluator(enterprise.id(), () -> scoring.publish(b.id(), assessments.get(b.id()).version()));
        finalising.finaliseDue(today.plusDays(8));
        assertThat(events.stream(AssessmentPassed.class).filter(e -> e.batchId() == b.id())).singleElement()
            .satisfies(e -> assertThat(e.route()).isEqualTo("ENTERPRISE"));
        assertThat(asAdmin(() -> certificates.ofPerson(f.personIds().get(0)))).singleElement()
            .satisfies(cert -> assertThat(cert.levelCode()).isEqualTo("PRINCIPAL_TECHNICIAN"));
    }

    @Test
    void directRecognitionApprovedByTheProvinceIsAnnouncedAsPassed() throws Exception {
        Body body = body(jinan(), JINAN, "ENTERPRISE", "CLEANER/TECHNICIAN");
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", List.of(new Trainee(null, true)));
        long person = f.personIds().get(0);
        assertThat(keys(refusal(() -> asEvaluator(body.id(),
                () -> recognitions
                    .apply(new DirectRecognitions.Application(person, "CLEANER", "TECHNICIAN", " ", "测试物业公司"))))))
            .containsExactly("assessment.error.required");
        DirectRecognition d = asEvaluator(body.id(), () -> recognitions.apply(
                new DirectRecognitions.Application(person, "CLEANER", "TECHNICIAN", "省级技能大赛一等奖，一线保洁岗位二十年。", "测试物业公司")));
        assertThat(d.status()).isEqualTo(DirectRecognition.Status.SUBMITTED);
        assertThat(events.stream(AssessmentPassed.class).filter(e -> e.personId() == person)).isEmpty();
        DirectRecognition approved = asAdmin(() -> recognitions.decide(d.id(), d.version(), true, null));
        assertThat(approved.status()).isEqualTo(DirectRecognition.Status.APPROVED);
        assertThat(events.stream(AssessmentPassed.class).filter(e -> e.personId() == person)).singleElement()
            .satisfies(e -> {
                assertThat(e.route()).isEqualTo("DIRECT_RECOGNITION");
                assertThat(e.resultId()).isEqualTo(d.id());
                assertThat(e.levelCode()).isEqualTo("TECHNICIAN");
                assertThat(e.evaluationBodyId()).isEqualTo(body.id());
            });
        assertThat(keys(refusal(() -> asAdmin(() -> recognitions.decide(d.id(), approved.version(), false, "重复")))))
            .containsExactly("assessment.error.recognitionDecided");
        assertThat(asAdmin(() -> certificates.ofPerson(person))).singleElement().satisfies(cert -> {
            assertThat(cert.levelCode()).isEqualTo("TECHNICIAN");
            assertThat(cert.route()).isEqualTo(CertificateRoute.DIRECT_RECOGNITION);
        });
        assertThat(asTrainee(person, () -> recognitions.search(false))).extracting(DirectRecognition::id)
            .containsExactly(d.id());
    }

    @Test
    void evaluatorsSeeTheirBodysBatchesAndOfficersTheirCitys() throws Exception {
        Body mine = body(jinan(), JINAN, "TECHNICAL_COLLEGE", "CLEANER/JUNIOR");
        Body other = body(jinan(), JINAN, "TECHNICAL_COLLEGE", "CLEANER/JUNIOR");
        AssessmentBatch b = batch(mine.id(), AssessmentBatch.Kind.BODY, "CLEANER", "JUNIOR");
        assertThat(asEvaluator(mine.id(), () -> assessments.get(b.id())).id()).isEqualTo(b.id());
        assertThatThrownBy(() -> asEvaluator(other.id(), () -> assessments.get(b.id())))
            .isInstanceOf(RecordNotFoundException.class);
        assertThat(asEvaluator(other.id(), () -> assessments.search(null, 0, 100)).items())
            .extracting(AssessmentBatch::id)
            .doesNotContain(b.id());
        assertThat(asCity("jinan", JINAN, () -> assessments.get(b.id())).id()).isEqualTo(b.id());
        assertThatThrownBy(() -> asCity("qingdao", "370200", () -> assessments.get(b.id())))
            .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> asTrainee(1, () -> assessments.get(b.id())))
            .isInstanceOf(RecordNotFoundException.class);
        assertThat(asAdmin(() -> assessments.get(b.id())).id()).isEqualTo(b.id());
    }

}
