package org.jixing.account;

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
 * The account module's policy: own account, account administration. Who may act is
 * decided here; which records is the scope's business, and from which state the domain
 * type's transition.
 */
public enum AccountPermission implements Permission {

    /** One's own account page, password and API tokens. */
    OWN_ACCOUNT(PROVINCE_ADMIN, LINE_DEPARTMENT, CITY_OFFICER, PROVIDER_STAFF, EVALUATOR, ENTERPRISE, TRAINEE, AUDITOR,
            INSPECTOR, EMPLOYMENT_OFFICER),
    /** Lists and reads accounts within the scope. */
    ACCOUNT_READ(PROVINCE_ADMIN, CITY_OFFICER),
    /** Creates and changes accounts (a city officer only for the roles it manages). */
    ACCOUNT_ADMIN(PROVINCE_ADMIN, CITY_OFFICER),
    /** Removes another account's second factor (a lost phone): the province's alone. */
    SECOND_FACTOR_RESET(PROVINCE_ADMIN);

    private final Set<Role> roles;

    AccountPermission(Role first, Role... rest) {
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

        AccountPermission value();

    }

}
