package org.jixing.audit;

import static org.jixing.shared.scope.Role.AUDITOR;
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
 * The audit module's policy. Who may act is decided here; which records is the scope's
 * business, and from which state the domain type's transition.
 */
public enum AuditPermission implements Permission {

    /** Reads the trail, its verification and checkpoints. */
    AUDIT_READ(PROVINCE_ADMIN, AUDITOR);

    private final Set<Role> roles;

    AuditPermission(Role first, Role... rest) {
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

        AuditPermission value();

    }

}
