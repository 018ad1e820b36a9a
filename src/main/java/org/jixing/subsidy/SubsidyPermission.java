package org.jixing.subsidy;

import static org.jixing.shared.scope.Role.AUDITOR;
import static org.jixing.shared.scope.Role.CITY_OFFICER;
import static org.jixing.shared.scope.Role.INSPECTOR;
import static org.jixing.shared.scope.Role.LINE_DEPARTMENT;
import static org.jixing.shared.scope.Role.PROVIDER_STAFF;
import static org.jixing.shared.scope.Role.PROVINCE_ADMIN;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.jixing.shared.access.Permission;
import org.jixing.shared.access.PermissionAnnotation;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.springframework.security.access.AccessDeniedException;

/**
 * The subsidy module's policy: rules, claims and their review, payment orders, funds,
 * recoveries. Who may act is decided here; which records is the scope's business, and
 * from which state the domain type's transition.
 */
public enum SubsidyPermission implements Permission {

    /** Reads the rule versions. */
    RULE_READ(PROVINCE_ADMIN, LINE_DEPARTMENT, CITY_OFFICER, PROVIDER_STAFF, AUDITOR),
    /** Publishes a rule version. */
    RULE_PUBLISH(PROVINCE_ADMIN),
    /** Simulates what a trainee of a class would be paid. */
    SIMULATE(PROVINCE_ADMIN, CITY_OFFICER, PROVIDER_STAFF),
    /** Reads claims within the scope. */
    CLAIM_READ(PROVINCE_ADMIN, LINE_DEPARTMENT, CITY_OFFICER, PROVIDER_STAFF, AUDITOR, INSPECTOR),
    /** Files, corrects and documents its own claims; keeps its payee account. */
    CLAIM_FILE(PROVIDER_STAFF),
    /**
     * Reviews claims: the review queue and the decisions. Which stage a reviewer may
     * decide is {@link #mayDecide(CurrentUser, Claim)}.
     */
    CLAIM_REVIEW(PROVINCE_ADMIN, CITY_OFFICER),
    /** Declares a reviewer's conflict of interest with a provider. */
    REVIEWER_CONFLICT(PROVINCE_ADMIN),
    /** Reads payment orders. */
    PAYMENT_READ(PROVINCE_ADMIN, CITY_OFFICER, AUDITOR, INSPECTOR),
    /** Opens payment orders and imports the bank's results. */
    PAYMENT_WRITE(PROVINCE_ADMIN, CITY_OFFICER),
    /** Reads fund balances. */
    FUND_READ(PROVINCE_ADMIN, CITY_OFFICER, AUDITOR),
    /** Allocates, reduces and reverses budgets. */
    FUND_WRITE(PROVINCE_ADMIN),
    /** Checks the ledger against the budgets (province-wide scopes only). */
    FUND_CHECK(PROVINCE_ADMIN, AUDITOR),
    /** Reads recoveries within the scope. */
    RECOVERY_READ(PROVINCE_ADMIN, CITY_OFFICER, PROVIDER_STAFF, AUDITOR, INSPECTOR),
    /** Opens recoveries and records repayments (inspectors open them closing a case). */
    RECOVERY_WRITE(PROVINCE_ADMIN, CITY_OFFICER, INSPECTOR);

    private final Set<Role> roles;

    SubsidyPermission(Role first, Role... rest) {
        this.roles = Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }

    /**
     * Who decides a claim at its current stage: a city officer at the city stage, a
     * province administrator with a province-wide scope at the province stage. This is
     * the "who" of {@link Claim#step}, which the claim page asks for its decision buttons
     * and {@code ClaimReviews.decide} before it decides.
     */
    public static boolean mayDecide(CurrentUser me, Claim claim) {
        return mayDecide(me, claim.status());
    }

    /** {@link #mayDecide(CurrentUser, Claim)} for a claim in {@code status}. */
    public static boolean mayDecide(CurrentUser me, ClaimStatus status) {
        if (me == null || !CLAIM_REVIEW.allows(me)) {
            return false;
        }
        String stage = status.stage();
        if ("CITY".equals(stage)) {
            return me.hasRole(Role.CITY_OFFICER);
        }
        if ("PROVINCE".equals(stage)) {
            return me.hasRole(Role.PROVINCE_ADMIN) && me.scope().kind() == ScopeKind.PROVINCE;
        }
        return false;
    }

    /**
     * The signed-in provider staff member, who files and documents claims; else refused.
     */
    static CurrentUser requireProviderStaff() {
        CurrentUser me = CurrentUser.require();
        if (!CLAIM_FILE.allows(me)) {
            throw new AccessDeniedException("provider staff file claims");
        }
        return me;
    }

    /** Declares the permission a handler method needs. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PermissionAnnotation
    public @interface Allowed {

        SubsidyPermission value();

    }

}
