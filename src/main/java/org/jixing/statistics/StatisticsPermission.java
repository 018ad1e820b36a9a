package org.jixing.statistics;

import static org.jixing.shared.scope.Role.AUDITOR;
import static org.jixing.shared.scope.Role.CITY_OFFICER;
import static org.jixing.shared.scope.Role.ENTERPRISE;
import static org.jixing.shared.scope.Role.EMPLOYMENT_OFFICER;
import static org.jixing.shared.scope.Role.EVALUATOR;
import static org.jixing.shared.scope.Role.INSPECTOR;
import static org.jixing.shared.scope.Role.LINE_DEPARTMENT;
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
 * The statistics module's policy: progress, targets, annual figures. Who may act is
 * decided here; which records is the scope's business, and from which state the domain
 * type's transition.
 */
public enum StatisticsPermission implements Permission {

    /** The home page. */
    HOME(PROVINCE_ADMIN, LINE_DEPARTMENT, CITY_OFFICER, PROVIDER_STAFF, EVALUATOR, ENTERPRISE, TRAINEE, AUDITOR,
            INSPECTOR, EMPLOYMENT_OFFICER),
    /** Reads progress against targets, the dashboard and the progress report. */
    PROGRESS_READ(PROVINCE_ADMIN, LINE_DEPARTMENT, CITY_OFFICER, AUDITOR),
    /** Reconciles the progress figures with the completions. */
    PROGRESS_RECONCILE(PROVINCE_ADMIN),
    /** Reads targets and their split. */
    TARGET_READ(PROVINCE_ADMIN, LINE_DEPARTMENT, CITY_OFFICER, AUDITOR),
    /** Sets and imports targets. */
    TARGET_WRITE(PROVINCE_ADMIN),
    /** Reads the annual figures. */
    ANNUAL_READ(PROVINCE_ADMIN, LINE_DEPARTMENT, CITY_OFFICER, AUDITOR);

    private final Set<Role> roles;

    StatisticsPermission(Role first, Role... rest) {
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

        StatisticsPermission value();

    }

}
