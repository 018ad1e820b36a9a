package org.jixing.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jixing.shared.InvalidInputException.Problem;
import org.junit.jupiter.api.Test;

/** The outcome's guarded transition, without Spring. */
class CaseStatusTest {

    static final List<String> LADDER = List.of("WARNING", "BLACKLIST", "RECOVERY");

    static List<String> keys(List<Problem> problems) {
        return problems.stream().map(Problem::messageKey).toList();
    }

    @Test
    void anOpenCaseWithAFindingIsConfirmedWithStepsOfTheLadder() {
        assertThat(CaseStatus.OPEN.closing(CaseStatus.CONFIRMED, true, "属实", List.of("BLACKLIST", "RECOVERY"), LADDER))
            .isEmpty();
        assertThat(CaseStatus.OPEN.closing(CaseStatus.DISMISSED, true, "不实", List.of(), LADDER)).isEmpty();
    }

    @Test
    void withoutAFindingItIsRefused() {
        assertThat(keys(CaseStatus.OPEN.closing(CaseStatus.DISMISSED, false, "不实", List.of(), LADDER)))
            .containsExactly("supervision.error.case.noFinding");
    }

    @Test
    void aClosedCaseIsNotClosedAgain() {
        assertThat(keys(CaseStatus.CONFIRMED.closing(CaseStatus.DISMISSED, true, "x", List.of(), LADDER)))
            .containsExactly("supervision.error.case.closed");
        assertThat(keys(CaseStatus.DISMISSED.closing(CaseStatus.CONFIRMED, true, "x", List.of("WARNING"), LADDER)))
            .containsExactly("supervision.error.case.closed");
    }

    @Test
    void aConfirmationNeedsAKnownStepAndADismissalTakesNone() {
        assertThat(keys(CaseStatus.OPEN.closing(CaseStatus.CONFIRMED, true, "属实", List.of(), LADDER)))
            .containsExactly("supervision.error.case.stepRequired");
        assertThat(keys(CaseStatus.OPEN.closing(CaseStatus.CONFIRMED, true, "属实", List.of("FINE"), LADDER)))
            .containsExactly("supervision.error.case.unknownStep");
        assertThat(keys(CaseStatus.OPEN.closing(CaseStatus.DISMISSED, true, "不实", List.of("WARNING"), LADDER)))
            .containsExactly("supervision.error.case.dismissNoSanction");
    }

    @Test
    void theResultAndTheReasonAreRequired() {
        assertThat(keys(CaseStatus.OPEN.closing(null, true, " ", List.of(), LADDER)))
            .containsExactly("supervision.error.case.result", "supervision.error.reason");
        assertThat(keys(CaseStatus.OPEN.closing(CaseStatus.OPEN, true, "x".repeat(1001), List.of(), LADDER)))
            .containsExactly("supervision.error.case.result", "supervision.error.tooLong");
    }

}
