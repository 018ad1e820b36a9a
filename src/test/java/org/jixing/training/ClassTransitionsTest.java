package org.jixing.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.ClassDecision.Step;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A class's life without Spring: the policy says who takes a step, the class's status
 * says from where, and the page's buttons are the steps the same rule allows.
 */
class ClassTransitionsTest {

    static final CurrentUser PROVIDER = new CurrentUser(1, "staff", "教务", Role.PROVIDER_STAFF,
            DataScope.of(ScopeKind.PROVIDER, "7"));

    static final CurrentUser CITY = new CurrentUser(2, "jinan", "济南市", Role.CITY_OFFICER, DataScope.region("370100"));

    static final CurrentUser PROVINCE = new CurrentUser(3, "admin", "省厅", Role.PROVINCE_ADMIN,
            DataScope.province("370000"));

    static final CurrentUser AUDITOR = new CurrentUser(4, "audit", "审计", Role.AUDITOR, DataScope.province("370000"));

    static final CurrentUser TRAINEE = new CurrentUser(5, "li", "李四", Role.TRAINEE,
            DataScope.of(ScopeKind.PERSON, "9"));

    @Nested
    class AClassSubmittedForOpening {

        @Test
        void theRegionApprovesOrRejectsIt() {
            assertThat(ClassDecision.APPROVE.take(ClassStatus.SUBMITTED, CITY))
                .isEqualTo(new Step.Next(ClassDecision.APPROVE, ClassStatus.SUBMITTED, ClassStatus.APPROVED));
            assertThat(ClassDecision.REJECT.take(ClassStatus.SUBMITTED, PROVINCE))
                .isEqualTo(new Step.Next(ClassDecision.REJECT, ClassStatus.SUBMITTED, ClassStatus.REJECTED));
            assertThat(ClassDecision.REJECT.needsReason()).isTrue();
        }

        @Test
        void theProviderCannotApproveItsOwnClassButMayWithdrawIt() {
            assertThat(ClassDecision.APPROVE.take(ClassStatus.SUBMITTED, PROVIDER))
                .isEqualTo(new Step.NotPermitted(ClassDecision.APPROVE));
            assertThat(ClassDecision.CANCEL.take(ClassStatus.SUBMITTED, PROVIDER).allowed()).isTrue();
        }

        @Test
        void theButtonsAreTheStepsAllowed() {
            assertThat(ClassDecision.open(ClassStatus.SUBMITTED, CITY)).containsExactly(ClassDecision.APPROVE,
                    ClassDecision.REJECT, ClassDecision.CANCEL);
            assertThat(ClassDecision.open(ClassStatus.SUBMITTED, PROVIDER)).containsExactly(ClassDecision.CANCEL);
        }

    }

    @Nested
    class AnApprovedClass {

        @Test
        void onlyTheProviderStartsIt() {
            assertThat(ClassDecision.START.take(ClassStatus.APPROVED, PROVIDER).allowed()).isTrue();
            assertThat(ClassDecision.START.take(ClassStatus.APPROVED, CITY))
                .isEqualTo(new Step.NotPermitted(ClassDecision.START));
        }

        @Test
        void cannotBeApprovedAgain() {
            assertThat(ClassDecision.APPROVE.take(ClassStatus.APPROVED, CITY))
                .isEqualTo(new Step.NotFrom(ClassDecision.APPROVE, ClassStatus.APPROVED));
        }

    }

    @Nested
    class ARunningClass {

        @Test
        void theProviderCompletesOrCancelsIt() {
            assertThat(ClassDecision.open(ClassStatus.RUNNING, PROVIDER)).containsExactly(ClassDecision.COMPLETE,
                    ClassDecision.CANCEL);
        }

        @Test
        void theRegionMayOnlyCancelIt() {
            assertThat(ClassDecision.open(ClassStatus.RUNNING, CITY)).containsExactly(ClassDecision.CANCEL);
        }

    }

    @Nested
    class ACompletedClass {

        @Test
        void theRegionClosesIt() {
            assertThat(ClassDecision.CLOSE.take(ClassStatus.COMPLETED, PROVINCE))
                .isEqualTo(new Step.Next(ClassDecision.CLOSE, ClassStatus.COMPLETED, ClassStatus.CLOSED));
            assertThat(ClassDecision.CLOSE.take(ClassStatus.COMPLETED, PROVIDER).allowed()).isFalse();
        }

        @Test
        void isNoLongerCancelled() {
            assertThat(ClassDecision.CANCEL.take(ClassStatus.COMPLETED, PROVIDER))
                .isEqualTo(new Step.NotFrom(ClassDecision.CANCEL, ClassStatus.COMPLETED));
        }

    }

    @Nested
    class AClassAtItsEnd {

        @Test
        void takesNoStepAnyMore() {
            for (ClassStatus end : EnumSet.of(ClassStatus.REJECTED, ClassStatus.CLOSED, ClassStatus.CANCELLED)) {
                for (CurrentUser who : new CurrentUser[] { PROVIDER, CITY, PROVINCE }) {
                    assertThat(ClassDecision.open(end, who)).as(end + " " + who.role()).isEmpty();
                }
            }
        }

    }

    @Nested
    class ThoseWhoOnlyRead {

        @Test
        void takeNoStepInAnyStatus() {
            for (ClassStatus status : ClassStatus.values()) {
                assertThat(ClassDecision.open(status, AUDITOR)).isEmpty();
                assertThat(ClassDecision.open(status, TRAINEE)).isEmpty();
            }
        }

    }

    @Test
    void whoTakesAStepIsThePolicysAnswer() {
        for (ClassDecision d : ClassDecision.values()) {
            for (Role role : Role.values()) {
                CurrentUser who = new CurrentUser(9, "x", "x", role, DataScope.province("370000"));
                assertThat(d.permits(who)).as(d + " " + role).isEqualTo(d.permission().allows(role));
            }
            // Every step is one the handlers' permission admits.
            assertThat(TrainingPermission.CLASS_DECIDE.roles()).containsAll(d.permission().roles());
        }
    }

}
