package org.jixing.person;

import org.jixing.shared.scope.Role;

/**
 * What a trainee-group membership rests on: an officer's record in the registry, or only
 * the provider's own declaration (its roster file). Subsidy reviewers weigh the second
 * more carefully: a provider gains from the larger amount a group brings.
 */
public enum GroupBasis {

    /** Recorded by a province or city officer. */
    REGISTRY,
    /** Recorded by provider staff, or by nobody the registry knows. */
    DECLARED;

    /** The basis of a membership recorded by someone in this role (null: unknown). */
    public static GroupBasis recordedAs(Role role) {
        return role == Role.PROVINCE_ADMIN || role == Role.CITY_OFFICER ? REGISTRY : DECLARED;
    }

}
