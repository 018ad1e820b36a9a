package org.jixing.person;

import static org.jixing.shared.scope.Role.AUDITOR;
import static org.jixing.shared.scope.Role.CITY_OFFICER;
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
 * The person module's policy: the trainee registry. Who may act is decided here; which
 * records is the scope's business, and from which state the domain type's transition.
 */
public enum PersonPermission implements Permission {

    /** Exports the registry within the scope. */
    PEOPLE_EXPORT(PROVINCE_ADMIN, CITY_OFFICER, AUDITOR),
    /** Exports with full ID numbers. */
    FULL_ID_NUMBERS(PROVINCE_ADMIN, CITY_OFFICER),
    /** Registers people and records group memberships. */
    PEOPLE_REGISTER(PROVINCE_ADMIN, CITY_OFFICER, PROVIDER_STAFF);

    private final Set<Role> roles;

    PersonPermission(Role first, Role... rest) {
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

        PersonPermission value();

    }

}
