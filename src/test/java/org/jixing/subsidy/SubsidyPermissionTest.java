package org.jixing.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.junit.jupiter.api.Test;

/**
 * Who decides a claim: the rule the claim page and {@code ClaimReviews.decide} share
 * through {@code Claim.step}.
 */
class SubsidyPermissionTest {

    static CurrentUser user(Role role, DataScope scope) {
        return new CurrentUser(1, "u", "u", role, scope);
    }

    @Test
    void the_city_stage_is_decided_by_a_city_officer_only() {
        assertThat(
                SubsidyPermission.mayDecide(user(Role.CITY_OFFICER, DataScope.region("370100")), ClaimStatus.SUBMITTED))
            .isTrue();
        assertThat(SubsidyPermission.mayDecide(user(Role.PROVINCE_ADMIN, DataScope.province("370000")),
                ClaimStatus.SUBMITTED))
            .isFalse();
    }

    @Test
    void the_province_stage_needs_a_province_administrator_with_a_province_wide_scope() {
        assertThat(SubsidyPermission.mayDecide(user(Role.PROVINCE_ADMIN, DataScope.province("370000")),
                ClaimStatus.PROVINCE_REVIEW))
            .isTrue();
        // The page once showed the buttons to this administrator, whom the service
        // refused.
        assertThat(SubsidyPermission.mayDecide(user(Role.PROVINCE_ADMIN, DataScope.region("370100")),
                ClaimStatus.PROVINCE_REVIEW))
            .isFalse();
        assertThat(SubsidyPermission.mayDecide(user(Role.CITY_OFFICER, DataScope.region("370100")),
                ClaimStatus.PROVINCE_REVIEW))
            .isFalse();
        assertThat(SubsidyPermission.mayDecide(user(Role.AUDITOR, DataScope.province("370000")),
                ClaimStatus.PROVINCE_REVIEW))
            .isFalse();
    }

    @Test
    void a_claim_out_of_review_is_decided_by_nobody() {
        assertThat(SubsidyPermission.mayDecide(user(Role.CITY_OFFICER, DataScope.region("370100")), ClaimStatus.PAID))
            .isFalse();
    }

}
