package org.jixing.training;

import java.util.EnumSet;
import java.util.Set;

import org.jixing.shared.scope.Role;

/**
 * A step in a class's life: who may take it, from which statuses, to which status, and
 * whether it needs a reason.
 */
public enum ClassDecision {

    APPROVE(EnumSet.of(ClassStatus.SUBMITTED), ClassStatus.APPROVED, false,
            EnumSet.of(Role.CITY_OFFICER, Role.PROVINCE_ADMIN)),
    REJECT(EnumSet.of(ClassStatus.SUBMITTED), ClassStatus.REJECTED, true,
            EnumSet.of(Role.CITY_OFFICER, Role.PROVINCE_ADMIN)),
    START(EnumSet.of(ClassStatus.APPROVED), ClassStatus.RUNNING, false, EnumSet.of(Role.PROVIDER_STAFF)),
    COMPLETE(EnumSet.of(ClassStatus.RUNNING), ClassStatus.COMPLETED, false, EnumSet.of(Role.PROVIDER_STAFF)),
    CLOSE(EnumSet.of(ClassStatus.COMPLETED), ClassStatus.CLOSED, false,
            EnumSet.of(Role.CITY_OFFICER, Role.PROVINCE_ADMIN)),
    CANCEL(EnumSet.of(ClassStatus.SUBMITTED, ClassStatus.APPROVED, ClassStatus.RUNNING), ClassStatus.CANCELLED, true,
            EnumSet.of(Role.PROVIDER_STAFF, Role.CITY_OFFICER, Role.PROVINCE_ADMIN));

    private final Set<ClassStatus> from;

    private final ClassStatus to;

    private final boolean needsReason;

    private final Set<Role> roles;

    ClassDecision(Set<ClassStatus> from, ClassStatus to, boolean needsReason, Set<Role> roles) {
        this.from = from;
        this.to = to;
        this.needsReason = needsReason;
        this.roles = roles;
    }

    public boolean appliesTo(ClassStatus status) {
        return from.contains(status);
    }

    public ClassStatus to() {
        return to;
    }

    public boolean needsReason() {
        return needsReason;
    }

    public boolean mayBeTakenBy(Role role) {
        return roles.contains(role);
    }

    /** The lower-case verb used in URLs and audit actions. */
    public String verb() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

}
