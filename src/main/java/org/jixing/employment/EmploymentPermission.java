package org.jixing.employment;

import static org.jixing.shared.scope.Role.AUDITOR;
import static org.jixing.shared.scope.Role.CITY_OFFICER;
import static org.jixing.shared.scope.Role.EMPLOYMENT_OFFICER;
import static org.jixing.shared.scope.Role.ENTERPRISE;
import static org.jixing.shared.scope.Role.PROVIDER_STAFF;
import static org.jixing.shared.scope.Role.PROVINCE_ADMIN;
import static org.jixing.shared.scope.Role.TRAINEE;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.jixing.shared.access.Permission;
import org.jixing.shared.access.PermissionAnnotation;
import org.jixing.shared.scope.Role;

/**
 * The employment module's policy: job demands, order classes with their commitments and
 * hires, employment services and referrals. Who may act is decided here; which records is
 * the scope's business (a city's officers their city, an enterprise itself, a provider
 * its classes and the approved demands), and from which state the transition's.
 */
public enum EmploymentPermission implements Permission {

    /**
     * Reads job demands: officers their region, an enterprise its own, providers the
     * approved.
     */
    DEMAND_READ(PROVINCE_ADMIN, CITY_OFFICER, EMPLOYMENT_OFFICER, ENTERPRISE, PROVIDER_STAFF, AUDITOR),
    /** Publishes a demand: the enterprise, or an employment officer on its behalf. */
    DEMAND_PUBLISH(ENTERPRISE, EMPLOYMENT_OFFICER),
    /** Approves or returns a submitted demand: the demand's city or the province. */
    DEMAND_DECIDE(PROVINCE_ADMIN, CITY_OFFICER),
    /** Closes an approved demand (filled or withdrawn). */
    DEMAND_CLOSE(PROVINCE_ADMIN, CITY_OFFICER, EMPLOYMENT_OFFICER, ENTERPRISE),
    /** Reads order classes, their demands, commitment, hires and fulfilment. */
    ORDER_CLASS_READ(PROVINCE_ADMIN, CITY_OFFICER, EMPLOYMENT_OFFICER, PROVIDER_STAFF, ENTERPRISE, AUDITOR),
    /**
     * Links the provider's own order, named, post or directed class to approved demands.
     */
    ORDER_CLASS_LINK(PROVIDER_STAFF),
    /**
     * The enterprise confirms an order class and commits to hire; records whom it hired.
     */
    COMMITMENT_WRITE(ENTERPRISE),
    /** Lists trainees who completed and are not known employed, with matching demands. */
    SERVICE_READ(PROVINCE_ADMIN, CITY_OFFICER, EMPLOYMENT_OFFICER, AUDITOR),
    /** Reads referrals: officers their region's, an enterprise those to its demands. */
    REFERRAL_READ(PROVINCE_ADMIN, CITY_OFFICER, EMPLOYMENT_OFFICER, ENTERPRISE, AUDITOR),
    /**
     * Records a referral and its steps: an employment officer or the demand's enterprise.
     */
    REFERRAL_WRITE(EMPLOYMENT_OFFICER, ENTERPRISE),
    /** A trainee reads their own referrals. */
    OWN_REFERRALS(TRAINEE);

    private final Set<Role> roles;

    EmploymentPermission(Role first, Role... rest) {
        this.roles = Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }

    /** Declares the permission a handler method needs. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PermissionAnnotation
    public @interface Allowed {

        EmploymentPermission value();

    }

}
