package org.jixing.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.subsidy.ClaimStep.Allowed;
import org.jixing.subsidy.ClaimStep.Reason;
import org.jixing.subsidy.ClaimStep.Refused;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/**
 * The guarded transitions of a claim ({@link Claim#step}): from which status an action
 * may be taken, by whom (the module's policy), and where it leads. The services and the
 * claim page both ask this.
 */
class ClaimStepsTest {

    static final CurrentUser CITY_OFFICER = new CurrentUser(2, "jinan", "jinan", Role.CITY_OFFICER,
            DataScope.region("370100"));

    static final CurrentUser PROVINCE_ADMIN = new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN,
            DataScope.province("370000"));

    static final CurrentUser CITY_SCOPED_ADMIN = new CurrentUser(4, "admin2", "admin2", Role.PROVINCE_ADMIN,
            DataScope.region("370100"));

    static final CurrentUser STAFF = new CurrentUser(3, "staff-7", "staff", Role.PROVIDER_STAFF,
            DataScope.of(ScopeKind.PROVIDER, "7"));

    static final CurrentUser AUDITOR = new CurrentUser(5, "audit", "audit", Role.AUDITOR, DataScope.province("370000"));

    static Claim claim(ClaimStatus status, boolean provinceReview) {
        return new Claim(1, "BT1-1", 10, "C1", 7, "学校", "370100", "L1", "OCC", "JUNIOR", 2026, "CENTRAL", 1, 1, null, 3,
                Money.ofFen(300_000), provinceReview, status, LocalDate.of(2026, 3, 1), "学校", "62220202", "银行",
                "staff-7", Instant.EPOCH, Instant.EPOCH, 0, AdjustmentShare.of(0, 0, 0, 0));
    }

    static Allowed allowed(ClaimStep step) {
        assertThat(step).isInstanceOf(Allowed.class);
        return (Allowed) step;
    }

    static Refused refused(ClaimStep step) {
        assertThat(step).isInstanceOf(Refused.class);
        return (Refused) step;
    }

    @Nested
    class ACityOfficerDecidingASubmittedClaim {

        Claim submitted = claim(ClaimStatus.SUBMITTED, false);

        @Test
        void approving_it_approves_it_for_good_at_the_city_stage() {
            Allowed step = allowed(submitted.step(ClaimAction.APPROVE, CITY_OFFICER, false));
            assertThat(step.to()).isEqualTo(ClaimStatus.APPROVED);
            assertThat(step.stage()).isEqualTo("CITY");
        }

        @Test
        void approving_a_key_project_or_a_large_amount_passes_it_to_the_province() {
            assertThat(allowed(claim(ClaimStatus.SUBMITTED, true).step(ClaimAction.APPROVE, CITY_OFFICER, false)).to())
                .isEqualTo(ClaimStatus.PROVINCE_REVIEW);
        }

        @Test
        void rejecting_and_returning_lead_to_rejected_and_returned() {
            assertThat(allowed(submitted.step(ClaimAction.REJECT, CITY_OFFICER, false)).to())
                .isEqualTo(ClaimStatus.REJECTED);
            assertThat(allowed(submitted.step(ClaimAction.RETURN, CITY_OFFICER, false)).to())
                .isEqualTo(ClaimStatus.RETURNED);
        }

        @Test
        void reviewing_leaves_the_status_as_it_is() {
            assertThat(allowed(submitted.step(ClaimAction.REVIEW, CITY_OFFICER, false)).to())
                .isEqualTo(ClaimStatus.SUBMITTED);
        }

        @Test
        void nobody_else_decides_the_city_stage() {
            for (CurrentUser other : new CurrentUser[] { PROVINCE_ADMIN, STAFF, AUDITOR }) {
                Refused r = refused(submitted.step(ClaimAction.APPROVE, other, false));
                assertThat(r.reason()).isEqualTo(Reason.NOT_PERMITTED);
                assertThat(r.message()).isEqualTo("this stage is decided by CITY");
            }
        }

    }

    @Nested
    class AProvinceAdministratorAtTheProvinceStage {

        Claim atProvince = claim(ClaimStatus.PROVINCE_REVIEW, true);

        @Test
        void approving_approves_it_for_good() {
            Allowed step = allowed(atProvince.step(ClaimAction.APPROVE, PROVINCE_ADMIN, false));
            assertThat(step.to()).isEqualTo(ClaimStatus.APPROVED);
            assertThat(step.stage()).isEqualTo("PROVINCE");
        }

        @Test
        void needs_a_province_wide_scope() {
            assertThat(refused(atProvince.step(ClaimAction.APPROVE, CITY_SCOPED_ADMIN, false)).reason())
                .isEqualTo(Reason.NOT_PERMITTED);
        }

        @Test
        void the_city_officer_may_no_longer_decide() {
            assertThatThrownBy(() -> atProvince.step(ClaimAction.RETURN, CITY_OFFICER, false).orThrow())
                .isInstanceOf(AccessDeniedException.class);
        }

    }

    @Nested
    class AReviewerTiedToTheProvider {

        @Test
        void may_not_decide_and_is_told_why() {
            Refused r = refused(claim(ClaimStatus.SUBMITTED, false).step(ClaimAction.REVIEW, CITY_OFFICER, true));
            assertThat(r.reason()).isEqualTo(Reason.CONFLICT);
            assertThat(r.problem().messageKey()).isEqualTo("subsidy.error.review.conflict");
            assertThatThrownBy(r::orThrow).isInstanceOf(InvalidInputException.class);
        }

        @Test
        void nor_may_the_one_who_filed_the_claim() {
            CurrentUser filer = new CurrentUser(9, "staff-7", "staff", Role.CITY_OFFICER, DataScope.region("370100"));
            assertThat(refused(claim(ClaimStatus.SUBMITTED, false).step(ClaimAction.APPROVE, filer, false)).reason())
                .isEqualTo(Reason.CONFLICT);
        }

    }

    @Nested
    class AClaimOutOfReview {

        @Test
        void is_decided_by_nobody_whatever_their_role() {
            for (ClaimStatus s : new ClaimStatus[] { ClaimStatus.RETURNED, ClaimStatus.REJECTED, ClaimStatus.APPROVED,
                    ClaimStatus.IN_PAYMENT, ClaimStatus.PAID }) {
                Refused r = refused(claim(s, false).step(ClaimAction.APPROVE, CITY_OFFICER, false));
                assertThat(r.reason()).isEqualTo(Reason.STATE);
                assertThat(r.problem().messageKey()).isEqualTo("subsidy.error.review.notWaiting");
            }
        }

    }

    @Nested
    class TheProviderCorrectingAReturnedClaim {

        @Test
        void files_it_again_to_the_city() {
            Allowed step = allowed(claim(ClaimStatus.RETURNED, false).step(ClaimAction.RESUBMIT, STAFF, false));
            assertThat(step.to()).isEqualTo(ClaimStatus.SUBMITTED);
        }

        @Test
        void may_not_file_again_a_claim_not_returned() {
            Refused r = refused(claim(ClaimStatus.SUBMITTED, false).step(ClaimAction.RESUBMIT, STAFF, false));
            assertThat(r.reason()).isEqualTo(Reason.STATE);
            assertThat(r.problem().messageKey()).isEqualTo("subsidy.error.claim.notReturned");
        }

        @Test
        void is_the_only_one_who_may() {
            assertThat(refused(claim(ClaimStatus.RETURNED, false).step(ClaimAction.RESUBMIT, CITY_OFFICER, false))
                .reason()).isEqualTo(Reason.NOT_PERMITTED);
        }

    }

    @Nested
    class TheProviderDocumentingAClaim {

        @Test
        void attaches_evidence_while_it_is_not_yet_decided() {
            assertThat(claim(ClaimStatus.SUBMITTED, false).step(ClaimAction.ATTACH, STAFF, false).allowed()).isTrue();
            assertThat(claim(ClaimStatus.RETURNED, false).step(ClaimAction.ATTACH, STAFF, false).allowed()).isTrue();
        }

        @Test
        void may_not_once_it_is_decided() {
            Refused r = refused(claim(ClaimStatus.PROVINCE_REVIEW, true).step(ClaimAction.ATTACH, STAFF, false));
            assertThat(r.problem().field()).isEqualTo("file");
            assertThat(r.problem().messageKey()).isEqualTo("subsidy.error.attachment.decided");
        }

        @Test
        void reviewers_do_not_attach() {
            assertThat(claim(ClaimStatus.SUBMITTED, false).step(ClaimAction.ATTACH, CITY_OFFICER, false).allowed())
                .isFalse();
        }

    }

    @Nested
    class AClaimHeldBySupervision {

        Claim submitted = claim(ClaimStatus.SUBMITTED, false);

        @Test
        void is_not_approved_and_the_refusal_names_the_alerts() {
            Refused r = refused(
                    submitted.step(ClaimAction.APPROVE, CITY_OFFICER, false, List.of("YJ00000001", "YJ00000002")));
            assertThat(r.reason()).isEqualTo(Reason.HELD);
            assertThat(r.problem().messageKey()).isEqualTo("subsidy.error.review.held");
            assertThat(r.problem().args()).containsExactly("YJ00000001, YJ00000002");
        }

        @Test
        void may_still_be_returned_or_rejected() {
            List<String> held = List.of("YJ00000001");
            assertThat(submitted.step(ClaimAction.REVIEW, CITY_OFFICER, false, held).allowed()).isTrue();
            assertThat(allowed(submitted.step(ClaimAction.RETURN, CITY_OFFICER, false, held)).to())
                .isEqualTo(ClaimStatus.RETURNED);
            assertThat(allowed(submitted.step(ClaimAction.REJECT, CITY_OFFICER, false, held)).to())
                .isEqualTo(ClaimStatus.REJECTED);
        }

        @Test
        void a_user_who_may_not_decide_is_refused_for_that_first() {
            assertThat(refused(submitted.step(ClaimAction.APPROVE, STAFF, false, List.of("YJ00000001"))).reason())
                .isEqualTo(Reason.NOT_PERMITTED);
        }

    }

    @Nested
    class AnOfficerRecoveringMoney {

        @Test
        void recovers_from_a_paid_claim_without_moving_it() {
            assertThat(allowed(claim(ClaimStatus.PAID, false).step(ClaimAction.RECOVER, CITY_OFFICER, false)).to())
                .isEqualTo(ClaimStatus.PAID);
        }

        @Test
        void may_not_recover_from_a_claim_not_yet_paid() {
            assertThat(refused(claim(ClaimStatus.IN_PAYMENT, false).step(ClaimAction.RECOVER, PROVINCE_ADMIN, false))
                .problem()
                .messageKey()).isEqualTo("subsidy.error.recovery.notPaid");
        }

        @Test
        void the_provider_and_the_auditor_do_not_recover() {
            assertThat(refused(claim(ClaimStatus.PAID, false).step(ClaimAction.RECOVER, STAFF, false)).reason())
                .isEqualTo(Reason.NOT_PERMITTED);
            assertThat(claim(ClaimStatus.PAID, false).step(ClaimAction.RECOVER, AUDITOR, false).allowed()).isFalse();
        }

    }

}
