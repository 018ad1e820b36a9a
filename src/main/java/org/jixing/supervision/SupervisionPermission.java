package org.jixing.supervision;

import static org.jixing.shared.scope.Role.AUDITOR;
import static org.jixing.shared.scope.Role.CITY_OFFICER;
import static org.jixing.shared.scope.Role.INSPECTOR;
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
 * The supervision module's policy. Providers, evaluation bodies and line departments have
 * no business here: what is suspected of them is never shown to them (a claim's hold
 * shows its category only, on the claim's page). Which records is the scope's business (a
 * city inspector's city, the province's inspectors everywhere).
 */
public enum SupervisionPermission implements Permission {

    /** Reads the desk, alerts and their evidence, and the rules' measures. */
    ALERT_READ(PROVINCE_ADMIN, CITY_OFFICER, INSPECTOR, AUDITOR),
    /** Dismisses an alert as false, clears a lock or confirms an alert, with a reason. */
    ALERT_DECIDE(PROVINCE_ADMIN, INSPECTOR),
    /** Reads the rules and their versions. */
    RULE_READ(PROVINCE_ADMIN, CITY_OFFICER, INSPECTOR, AUDITOR),
    /**
     * Publishes a new version of a rule (severity, parameters, blocking, descriptions).
     */
    RULE_PUBLISH(PROVINCE_ADMIN),
    /** Runs a scan of the rules on demand. */
    SCAN_RUN(PROVINCE_ADMIN, INSPECTOR),
    /** Reads cases, their tasks, findings, complaints and visits. */
    CASE_READ(PROVINCE_ADMIN, CITY_OFFICER, INSPECTOR, AUDITOR),
    /** Opens and works cases: tasks, findings, visits, complaints' decisions. */
    CASE_WORK(PROVINCE_ADMIN, INSPECTOR),
    /** Draws the month's inspection sample of a city. */
    SAMPLE_DRAW(PROVINCE_ADMIN, INSPECTOR),
    /** A trainee confirms or denies having attended a claimed class. */
    ATTENDANCE_CONFIRM(TRAINEE),
    /** A trainee files a complaint or report about a provider or class. */
    COMPLAINT_FILE(TRAINEE);

    private final Set<Role> roles;

    SupervisionPermission(Role first, Role... rest) {
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

        SupervisionPermission value();

    }

}
