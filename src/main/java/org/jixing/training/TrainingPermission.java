package org.jixing.training;

import static org.jixing.shared.scope.Role.AUDITOR;
import static org.jixing.shared.scope.Role.CITY_OFFICER;
import static org.jixing.shared.scope.Role.EMPLOYMENT_OFFICER;
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
 * The training module's policy: programmes, teachers, classes, rosters, attendance,
 * terminals, imports. Who may act is decided here; which records is the scope's business,
 * and from which state the domain type's transition.
 */
public enum TrainingPermission implements Permission {

    /** Reads the programme catalogue. */
    PROGRAMME_READ(PROVINCE_ADMIN, LINE_DEPARTMENT, CITY_OFFICER, PROVIDER_STAFF, AUDITOR, INSPECTOR,
            EMPLOYMENT_OFFICER),
    /** Adds programmes. */
    PROGRAMME_WRITE(PROVINCE_ADMIN),
    /** Reads teachers (a provider its own). */
    TEACHER_READ(PROVINCE_ADMIN, CITY_OFFICER, PROVIDER_STAFF, AUDITOR, INSPECTOR),
    /** Registers its own teachers. */
    TEACHER_WRITE(PROVIDER_STAFF),
    /**
     * Reads classes, their sessions, rosters, attendance and exports within the scope.
     */
    CLASS_READ(PROVINCE_ADMIN, LINE_DEPARTMENT, CITY_OFFICER, PROVIDER_STAFF, AUDITOR, INSPECTOR, EMPLOYMENT_OFFICER),
    /** Applies to open a class, enrols, withdraws, starts and completes it. */
    CLASS_RUN(PROVIDER_STAFF),
    /** The region's decisions on a class: approves or rejects its opening, closes it. */
    CLASS_REVIEW(PROVINCE_ADMIN, CITY_OFFICER),
    /**
     * Checks a person against a class's enrolment and subsidy rules: the provider before
     * enrolling, the class's region and the province when asked; the answer keeps to the
     * caller's scope (docs/accounts.md).
     */
    ELIGIBILITY_CHECK(PROVINCE_ADMIN, CITY_OFFICER, PROVIDER_STAFF),
    /**
     * Takes a class's transitions (the handlers' permission), and cancels a class: the
     * provider or the region. Each {@code ClassDecision} names the action it is
     * ({@code CLASS_REVIEW}, {@code CLASS_RUN} or this) and says from which state.
     */
    CLASS_DECIDE(PROVINCE_ADMIN, CITY_OFFICER, PROVIDER_STAFF),
    /** Sends check-ins (a terminal of the provider, or the trainee's own phone). */
    ATTENDANCE_RECORD(PROVIDER_STAFF, TRAINEE),
    /** Corrects an attendance sheet with a reason. */
    ATTENDANCE_CORRECT(PROVIDER_STAFF),
    /** Reads check-in terminals within the scope. */
    TERMINAL_READ(PROVINCE_ADMIN, CITY_OFFICER, PROVIDER_STAFF, AUDITOR, INSPECTOR),
    /** Registers and retires its own terminals. */
    TERMINAL_WRITE(PROVIDER_STAFF),
    /** Reads roster imports of classes within the scope. */
    ROSTER_IMPORT_READ(PROVINCE_ADMIN, CITY_OFFICER, PROVIDER_STAFF, AUDITOR),
    /** Imports a roster into its own class. */
    ROSTER_IMPORT(PROVIDER_STAFF),
    /** Reads imports of people into the registry. */
    PEOPLE_IMPORT_READ(PROVINCE_ADMIN, CITY_OFFICER, AUDITOR),
    /** Imports people into the registry. */
    PEOPLE_IMPORT(PROVINCE_ADMIN, CITY_OFFICER);

    private final Set<Role> roles;

    TrainingPermission(Role first, Role... rest) {
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

        TrainingPermission value();

    }

}
