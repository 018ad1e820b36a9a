package org.jixing.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jixing.certification.AssessmentBatch.Approval;
import org.jixing.certification.AssessmentBatch.Status;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * An assessment batch decides from its state which steps may be taken and where they
 * lead; the step's permission decides who. The batch page shows the buttons the same
 * method allows.
 */
class AssessmentBatchStepsTest {

    static final LocalDate PUBLICITY_UNTIL = LocalDate.of(2026, 5, 10);

    static final CurrentUser EVALUATOR = new CurrentUser(1, "eval", "eval", Role.EVALUATOR,
            DataScope.of(ScopeKind.EVALUATION_BODY, "7"));

    static final CurrentUser PROVINCE = new CurrentUser(2, "admin", "admin", Role.PROVINCE_ADMIN,
            DataScope.province("370000"));

    static final CurrentUser CITY = new CurrentUser(3, "jinan", "jinan", Role.CITY_OFFICER, DataScope.region("370100"));

    static AssessmentBatch batch(Status status, Approval approval) {
        return new AssessmentBatch(1, "PJ-1", 7, "考评机构", "370100", "CLEANER", "JUNIOR", AssessmentBatch.Kind.BODY,
                LocalDate.of(2026, 4, 20), "济南", status, approval, null,
                status == Status.PUBLICITY || status == Status.FINAL ? LocalDate.of(2026, 5, 1) : null,
                status == Status.PUBLICITY || status == Status.FINAL ? PUBLICITY_UNTIL : null, null, "eval",
                Instant.EPOCH, 0, List.of("张三"));
    }

    static String refusal(BatchStep.Transition t) {
        return ((BatchStep.Refused) t).messageKey();
    }

    @Nested
    class APlannedBatch {

        final AssessmentBatch b = batch(Status.PLANNED, Approval.NOT_NEEDED);

        final LocalDate today = LocalDate.of(2026, 4, 20);

        @Test
        void takesCandidatesAndItsFirstScoresMoveItToScoring() {
            assertThat(b.take(BatchStep.ADD_CANDIDATES, today)).isEqualTo(new BatchStep.Allowed(Status.PLANNED));
            assertThat(b.take(BatchStep.SCORE, today)).isEqualTo(new BatchStep.Allowed(Status.SCORING));
        }

        @Test
        void cannotBeSignedOffPublishedChallengedOrFinalised() {
            assertThat(refusal(b.take(BatchStep.SIGN_OFF, today))).isEqualTo("assessment.error.notScoring");
            assertThat(refusal(b.take(BatchStep.PUBLISH, today))).isEqualTo("assessment.error.notScoring");
            assertThat(refusal(b.take(BatchStep.CHALLENGE, today))).isEqualTo("assessment.error.notPublicity");
            assertThat(refusal(b.take(BatchStep.FINALISE, today))).isEqualTo("assessment.error.notPublicity");
            assertThat(refusal(b.take(BatchStep.APPROVE, today))).isEqualTo("assessment.error.noApprovalNeeded");
        }

        @Test
        void aRefusalIsInvalidInputNamingTheReason() {
            assertThatThrownBy(() -> b.take(BatchStep.PUBLISH, today).next()).isInstanceOf(InvalidInputException.class)
                .satisfies(ex -> assertThat(((InvalidInputException) ex).problems().get(0).messageKey())
                    .isEqualTo("assessment.error.notScoring"));
        }

        @Test
        void onlyTheBodysEvaluatorRunsItsSteps() {
            assertThat(b.allows(BatchStep.SCORE, EVALUATOR, today)).isTrue();
            assertThat(b.allows(BatchStep.SCORE, PROVINCE, today)).isFalse();
            assertThat(b.allows(BatchStep.ADD_CANDIDATES, CITY, today)).isFalse();
        }

    }

    @Nested
    class ASpecialLevelBatchAwaitingTheProvince {

        final AssessmentBatch b = batch(Status.PLANNED, Approval.REQUIRED);

        final LocalDate today = LocalDate.of(2026, 4, 20);

        @Test
        void isNotScoredUntilApproved() {
            assertThat(refusal(b.take(BatchStep.SCORE, today))).isEqualTo("assessment.error.awaitingApproval");
            assertThat(b.take(BatchStep.ADD_CANDIDATES, today).allowed()).isTrue();
        }

        @Test
        void isApprovedByTheProvinceOnly() {
            assertThat(b.allows(BatchStep.APPROVE, PROVINCE, today)).isTrue();
            assertThat(b.allows(BatchStep.APPROVE, EVALUATOR, today)).isFalse();
        }

        @Test
        void onceApprovedIsScoredAndNeedsNoSecondApproval() {
            AssessmentBatch approved = batch(Status.PLANNED, Approval.APPROVED);
            assertThat(approved.take(BatchStep.SCORE, today)).isEqualTo(new BatchStep.Allowed(Status.SCORING));
            assertThat(refusal(approved.take(BatchStep.APPROVE, today))).isEqualTo("assessment.error.noApprovalNeeded");
        }

    }

    @Nested
    class ABatchBeingScored {

        final AssessmentBatch b = batch(Status.SCORING, Approval.NOT_NEEDED);

        final LocalDate today = LocalDate.of(2026, 4, 22);

        @Test
        void isSignedOffAndPublishedIntoPublicity() {
            assertThat(b.take(BatchStep.SCORE, today)).isEqualTo(new BatchStep.Allowed(Status.SCORING));
            assertThat(b.take(BatchStep.SIGN_OFF, today)).isEqualTo(new BatchStep.Allowed(Status.SCORING));
            assertThat(b.take(BatchStep.PUBLISH, today)).isEqualTo(new BatchStep.Allowed(Status.PUBLICITY));
        }

        @Test
        void hasNoChallengesToDecide() {
            assertThat(b.allows(BatchStep.DECIDE_CHALLENGE, PROVINCE, today)).isFalse();
        }

    }

    @Nested
    class APublishedBatch {

        final AssessmentBatch b = batch(Status.PUBLICITY, Approval.NOT_NEEDED);

        @Test
        void whileThePeriodRunsIsChallengedButNotFinalised() {
            assertThat(b.take(BatchStep.CHALLENGE, PUBLICITY_UNTIL).allowed()).isTrue();
            BatchStep.Transition finalise = b.take(BatchStep.FINALISE, PUBLICITY_UNTIL);
            assertThat(finalise).isEqualTo(
                    new BatchStep.Refused("assessment.error.publicityRunning", List.of(PUBLICITY_UNTIL.toString())));
        }

        @Test
        void afterThePeriodIsFinalisedAndNoLongerChallenged() {
            LocalDate after = PUBLICITY_UNTIL.plusDays(1);
            assertThat(b.take(BatchStep.FINALISE, after)).isEqualTo(new BatchStep.Allowed(Status.FINAL));
            assertThat(refusal(b.take(BatchStep.CHALLENGE, after))).isEqualTo("assessment.error.publicityOver");
        }

        @Test
        void takesNoMoreCandidatesOrScores() {
            assertThat(refusal(b.take(BatchStep.ADD_CANDIDATES, PUBLICITY_UNTIL)))
                .isEqualTo("assessment.error.notOpenForCandidates");
            assertThat(refusal(b.take(BatchStep.SCORE, PUBLICITY_UNTIL))).isEqualTo("assessment.error.notScoring");
        }

        @Test
        void theBodyOrTheProvinceDecidesChallengesAndFinalises() {
            LocalDate after = PUBLICITY_UNTIL.plusDays(1);
            assertThat(b.allows(BatchStep.DECIDE_CHALLENGE, EVALUATOR, after)).isTrue();
            assertThat(b.allows(BatchStep.FINALISE, PROVINCE, after)).isTrue();
            assertThat(b.allows(BatchStep.FINALISE, CITY, after)).isFalse();
        }

    }

    @Test
    void aFinalBatchTakesNoStep() {
        AssessmentBatch b = batch(Status.FINAL, Approval.NOT_NEEDED);
        LocalDate today = PUBLICITY_UNTIL.plusDays(30);
        for (BatchStep step : BatchStep.values()) {
            assertThat(b.take(step, today).allowed()).as(step.name()).isFalse();
        }
    }

}
