package org.jixing.provider;

import static org.jixing.shared.scope.Role.AUDITOR;
import static org.jixing.shared.scope.Role.CITY_OFFICER;
import static org.jixing.shared.scope.Role.EVALUATOR;
import static org.jixing.shared.scope.Role.INSPECTOR;
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
import org.jixing.shared.scope.Role;

/**
 * The provider module's policy: filed providers and evaluation bodies. Who may act is
 * decided here; which records is the scope's business, and from which state the domain
 * type's transition.
 */
public enum ProviderPermission implements Permission {

    /** Reads filings within the scope (providers and bodies their own). */
    BODY_READ(PROVINCE_ADMIN, CITY_OFFICER, PROVIDER_STAFF, EVALUATOR, AUDITOR, INSPECTOR),
    /** Files a provider or evaluation body on its behalf. */
    BODY_FILE(PROVINCE_ADMIN, CITY_OFFICER),
    /**
     * Approves, rejects, suspends, blacklists, reinstates (lifting a blacklist: province
     * only).
     */
    BODY_DECIDE(PROVINCE_ADMIN, CITY_OFFICER),
    /**
     * Suspends or blacklists a filed body as a sanction: the deciders and the inspectors,
     * whose case outcomes take these steps (supervision's sanction ladder).
     */
    BODY_SANCTION(PROVINCE_ADMIN, CITY_OFFICER, INSPECTOR);

    private final Set<Role> roles;

    ProviderPermission(Role first, Role... rest) {
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

        ProviderPermission value();

    }

}
