package org.jixing.shared.scope;

import java.util.EnumSet;
import java.util.Set;

/** The roles of the people who use Jixing; each allows a fixed set of scope kinds. */
public enum Role {

    PROVINCE_ADMIN(EnumSet.of(ScopeKind.PROVINCE)), LINE_DEPARTMENT(EnumSet.of(ScopeKind.DEPARTMENT)),
    CITY_OFFICER(EnumSet.of(ScopeKind.REGION)), PROVIDER_STAFF(EnumSet.of(ScopeKind.PROVIDER)),
    EVALUATOR(EnumSet.of(ScopeKind.EVALUATION_BODY)), ENTERPRISE(EnumSet.of(ScopeKind.ENTERPRISE)),
    TRAINEE(EnumSet.of(ScopeKind.PERSON)),
    /** Read-only: sees what its scope allows and changes nothing. */
    AUDITOR(EnumSet.of(ScopeKind.PROVINCE, ScopeKind.REGION)),
    /**
     * Supervision: works alerts, cases, samples and visits in the province or one city.
     */
    INSPECTOR(EnumSet.of(ScopeKind.PROVINCE, ScopeKind.REGION)),
    /**
     * Public employment service: publishes job demands for enterprises, matches trainees
     * who completed to open demands and records referrals, in the province or one city.
     */
    EMPLOYMENT_OFFICER(EnumSet.of(ScopeKind.PROVINCE, ScopeKind.REGION));

    private final Set<ScopeKind> allowedScopes;

    Role(Set<ScopeKind> allowedScopes) {
        this.allowedScopes = allowedScopes;
    }

    public Set<ScopeKind> allowedScopes() {
        return allowedScopes;
    }

    public boolean allows(ScopeKind kind) {
        return allowedScopes.contains(kind);
    }

    /** The Spring Security authority, e.g. ROLE_PROVINCE_ADMIN. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isReadOnly() {
        return this == AUDITOR;
    }

}
