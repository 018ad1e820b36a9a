package org.jixing.employment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each step of a job demand says where it may start and where it leads; each step of a
 * referral where it may go next.
 */
class DemandTransitionsTest {

    @Test
    void theCityDecidesOnlyWhatWasSubmitted() {
        DemandDecision approve = DemandDecision.of("approve", null);
        DemandDecision ret = DemandDecision.of("return", "工资低于最低标准");
        assertThat(approve.allowedFrom(DemandStatus.SUBMITTED)).isTrue();
        assertThat(approve.to()).isEqualTo(DemandStatus.APPROVED);
        assertThat(ret.to()).isEqualTo(DemandStatus.RETURNED);
        for (DemandStatus s : new DemandStatus[] { DemandStatus.APPROVED, DemandStatus.RETURNED,
                DemandStatus.CLOSED }) {
            assertThat(approve.allowedFrom(s)).as(s.name()).isFalse();
            assertThat(ret.allowedFrom(s)).as(s.name()).isFalse();
        }
        assertThat(ret.needsReason()).isTrue();
        assertThat(approve.needsReason()).isFalse();
    }

    @Test
    void aReturnedDemandIsSubmittedAgainAndAnOpenOneClosedNeverReopened() {
        DemandDecision resubmit = DemandDecision.of("resubmit", null);
        DemandDecision close = DemandDecision.of("close", "已招满");
        assertThat(resubmit.allowedFrom(DemandStatus.RETURNED)).isTrue();
        assertThat(resubmit.allowedFrom(DemandStatus.APPROVED)).isFalse();
        assertThat(resubmit.to()).isEqualTo(DemandStatus.SUBMITTED);
        assertThat(close.allowedFrom(DemandStatus.APPROVED)).isTrue();
        assertThat(close.allowedFrom(DemandStatus.SUBMITTED)).isFalse();
        assertThat(close.allowedFrom(DemandStatus.CLOSED)).isFalse();
        assertThat(close.needsReason()).isTrue();
        for (String verb : new String[] { "approve", "return", "resubmit", "close" }) {
            assertThat(DemandDecision.of(verb, "x").allowedFrom(DemandStatus.CLOSED)).as(verb).isFalse();
        }
    }

    @Test
    void unknownVerbsAreNoStep() {
        assertThat(DemandDecision.of("reopen", null)).isNull();
        assertThat(DemandDecision.of(null, null)).isNull();
    }

    @Test
    void whoMayTakeEachStep() {
        assertThat(JobDemands.permissionFor(DemandDecision.of("approve", null)))
            .isEqualTo(EmploymentPermission.DEMAND_DECIDE);
        assertThat(JobDemands.permissionFor(DemandDecision.of("return", "r")))
            .isEqualTo(EmploymentPermission.DEMAND_DECIDE);
        assertThat(JobDemands.permissionFor(DemandDecision.of("resubmit", null)))
            .isEqualTo(EmploymentPermission.DEMAND_PUBLISH);
        assertThat(JobDemands.permissionFor(DemandDecision.of("close", "r")))
            .isEqualTo(EmploymentPermission.DEMAND_CLOSE);
    }

    @Test
    void aReferralIsInterviewedBeforeItIsHiredAndEndsThere() {
        assertThat(ReferralStatus.RECOMMENDED.mayMoveTo(ReferralStatus.INTERVIEWED)).isTrue();
        assertThat(ReferralStatus.RECOMMENDED.mayMoveTo(ReferralStatus.DECLINED)).isTrue();
        assertThat(ReferralStatus.RECOMMENDED.mayMoveTo(ReferralStatus.HIRED)).isFalse();
        assertThat(ReferralStatus.INTERVIEWED.mayMoveTo(ReferralStatus.HIRED)).isTrue();
        assertThat(ReferralStatus.INTERVIEWED.mayMoveTo(ReferralStatus.RECOMMENDED)).isFalse();
        assertThat(ReferralStatus.HIRED.isFinal()).isTrue();
        assertThat(ReferralStatus.DECLINED.mayMoveTo(ReferralStatus.HIRED)).isFalse();
        assertThat(ReferralStatus.RECOMMENDED.mayMoveTo(null)).isFalse();
    }

    @Test
    void fulfilmentIsHiredOverCommitted() {
        Fulfilment f = new Fulfilment(1, 4, 3).plus(new Fulfilment(1, 6, 2));
        assertThat(f).isEqualTo(new Fulfilment(2, 10, 5));
        assertThat(f.rate()).isEqualTo(0.5);
        assertThat(Fulfilment.NONE.rate()).isNull();
    }

}
