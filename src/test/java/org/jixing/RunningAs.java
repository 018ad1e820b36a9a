package org.jixing;

import java.util.function.Supplier;

import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.shared.scope.ScopeKind;

/**
 * Runs a call of a module's API as one of the roles, with the scope the role's account
 * would have: the one place tests say who is calling when they skip the web layer.
 */
public final class RunningAs {

    private RunningAs() {
    }

    /** The province administrator of 山东 (370000). */
    public static <T> T asAdmin(Supplier<T> work) {
        return RunAs.user(new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN, DataScope.province("370000")),
                work);
    }

    /** A city officer of a city, by username. */
    public static <T> T asCity(String username, String city, Supplier<T> work) {
        return RunAs.user(new CurrentUser(2, username, username, Role.CITY_OFFICER, DataScope.region(city)), work);
    }

    /** A city officer of a city. */
    public static <T> T asCity(String city, Supplier<T> work) {
        return asCity("city-" + city, city, work);
    }

    /** A provider's staff member. */
    public static <T> T asStaff(long providerId, Supplier<T> work) {
        return RunAs.user(new CurrentUser(3, "staff-" + providerId, "staff", Role.PROVIDER_STAFF,
                DataScope.of(ScopeKind.PROVIDER, String.valueOf(providerId))), work);
    }

    /** An evaluator of an evaluation body, by username. */
    public static <T> T asEvaluator(long bodyId, String username, Supplier<T> work) {
        return RunAs.user(new CurrentUser(4, username, username, Role.EVALUATOR,
                DataScope.of(ScopeKind.EVALUATION_BODY, String.valueOf(bodyId))), work);
    }

    /** The evaluator account the fixtures create for an evaluation body. */
    public static <T> T asEvaluator(long bodyId, Supplier<T> work) {
        return asEvaluator(bodyId, "evaluator-" + bodyId, work);
    }

    /** A trainee, seeing their own records. */
    public static <T> T asTrainee(long personId, Supplier<T> work) {
        return RunAs.user(new CurrentUser(5, "trainee-" + personId, "trainee", Role.TRAINEE,
                DataScope.of(ScopeKind.PERSON, String.valueOf(personId))), work);
    }

    /** An enterprise account, seeing its own records. */
    public static <T> T asEnterprise(String creditCode, Supplier<T> work) {
        return RunAs.user(new CurrentUser(6, "enterprise-" + creditCode, "enterprise", Role.ENTERPRISE,
                DataScope.of(ScopeKind.ENTERPRISE, creditCode)), work);
    }

    /** An employment officer of a city (or the province, for 370000). */
    public static <T> T asEmploymentOfficer(String region, Supplier<T> work) {
        return RunAs.user(new CurrentUser(7, "employment-" + region, "employment", Role.EMPLOYMENT_OFFICER,
                region.endsWith("0000") ? DataScope.province(region) : DataScope.region(region)), work);
    }

}
