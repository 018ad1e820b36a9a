package org.jixing.certification;

import static org.jixing.shared.scope.Role.AUDITOR;
import static org.jixing.shared.scope.Role.CITY_OFFICER;
import static org.jixing.shared.scope.Role.ENTERPRISE;
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
 * The certification module's policy: assessments, certificates, direct recognition. Who
 * may act is decided here; which records is the scope's business, and from which state
 * the domain type's transition.
 */
public enum CertificationPermission implements Permission {

    /** Reads certificates within the scope (a trainee its own). */
    CERTIFICATE_READ(PROVINCE_ADMIN, CITY_OFFICER, EVALUATOR, TRAINEE, AUDITOR, INSPECTOR),
    /** One's own certificates and assessment results. */
    OWN_CERTIFICATES(TRAINEE),
    /** Issues (its own body's) and revokes certificates. */
    CERTIFICATE_ISSUE(PROVINCE_ADMIN, EVALUATOR),
    /** Rotates the signing key. */
    KEY_ROTATE(PROVINCE_ADMIN),
    /** Reads assessment batches within the scope. */
    ASSESSMENT_READ(PROVINCE_ADMIN, CITY_OFFICER, EVALUATOR, AUDITOR, INSPECTOR),
    /**
     * The batches page: the list for officials and bodies, a trainee's own candidacies,
     * the results under publicity.
     */
    BATCHES_PAGE(PROVINCE_ADMIN, CITY_OFFICER, EVALUATOR, ENTERPRISE, TRAINEE, AUDITOR, INSPECTOR),
    /**
     * Schedules batches, adds candidates, records scores, signs off, publishes,
     * finalises.
     */
    ASSESSMENT_RECORD(PROVINCE_ADMIN, EVALUATOR),
    /** Approves a batch that needs the province's approval. */
    ASSESSMENT_APPROVE(PROVINCE_ADMIN),
    /** Reads the results under publicity. */
    PUBLICITY_READ(PROVINCE_ADMIN, LINE_DEPARTMENT, CITY_OFFICER, PROVIDER_STAFF, EVALUATOR, ENTERPRISE, TRAINEE,
            AUDITOR),
    /** Challenges a published result. */
    RESULT_CHALLENGE(PROVINCE_ADMIN, LINE_DEPARTMENT, CITY_OFFICER, PROVIDER_STAFF, EVALUATOR, ENTERPRISE, TRAINEE),
    /** Decides a challenge. */
    CHALLENGE_DECIDE(PROVINCE_ADMIN, EVALUATOR),
    /** Reads direct-recognition applications within the scope. */
    RECOGNITION_READ(PROVINCE_ADMIN, CITY_OFFICER, EVALUATOR, TRAINEE, AUDITOR, INSPECTOR),
    /** Applies for the direct recognition of a front-line worker. */
    RECOGNITION_APPLY(EVALUATOR),
    /** Decides a direct recognition. */
    RECOGNITION_DECIDE(PROVINCE_ADMIN);

    private final Set<Role> roles;

    CertificationPermission(Role first, Role... rest) {
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

        CertificationPermission value();

    }

}
