package org.jixing.employment;

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
import org.jixing.shared.scope.Role;

/**
 * Who works with social-insurance records and the outcomes drawn from them. Only the
 * province imports contribution files (they name people who never trained); outcomes are
 * read within the reader's scope (a city its city, a provider its own classes, a line
 * department its lines).
 */
public enum OutcomePermission implements Permission {

    /** Imports contribution files and reads the imports and their refused rows. */
    CONTRIBUTION_IMPORT(PROVINCE_ADMIN),
    /** Reads employment outcomes and indicators, in scope. */
    OUTCOME_READ(PROVINCE_ADMIN, CITY_OFFICER, PROVIDER_STAFF, LINE_DEPARTMENT, AUDITOR, INSPECTOR);

    private final Set<Role> roles;

    OutcomePermission(Role first, Role... rest) {
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

        OutcomePermission value();

    }

}
