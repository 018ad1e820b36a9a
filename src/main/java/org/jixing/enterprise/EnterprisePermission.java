package org.jixing.enterprise;

import static org.jixing.shared.scope.Role.AUDITOR;
import static org.jixing.shared.scope.Role.CITY_OFFICER;
import static org.jixing.shared.scope.Role.ENTERPRISE;
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
 * The enterprise registry's policy. Who may act is decided here; which enterprises (the
 * region's, or an enterprise itself) is the scope's business.
 */
public enum EnterprisePermission implements Permission {

    /**
     * Reads the registry: officers and auditors their region's enterprises, an enterprise
     * itself.
     */
    ENTERPRISE_READ(PROVINCE_ADMIN, CITY_OFFICER, AUDITOR, ENTERPRISE),
    /** Registers an enterprise: the province anywhere, a city officer in its region. */
    ENTERPRISE_REGISTER(PROVINCE_ADMIN, CITY_OFFICER);

    private final Set<Role> roles;

    EnterprisePermission(Role first, Role... rest) {
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

        EnterprisePermission value();

    }

}
