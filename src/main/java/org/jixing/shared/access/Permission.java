package org.jixing.shared.access;

import java.util.Set;

import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;

/**
 * One action of one module and the roles that may take it. Each module lists its actions
 * in one enum implementing this interface (its policy); the handlers declare which one
 * they need through that enum's {@code Allowed} annotation, the services ask the same
 * constant before they act, and the pages ask it which buttons to show. A new role is one
 * {@link Role} constant plus its entries in the policies that concern it.
 */
public interface Permission {

    /** The constant's name, e.g. {@code CLAIM_REVIEW}. */
    String name();

    /** The roles that may take this action; the record's scope is checked separately. */
    Set<Role> roles();

    default boolean allows(Role role) {
        return role != null && roles().contains(role);
    }

    default boolean allows(CurrentUser user) {
        return user != null && allows(user.role());
    }

    /** True when the signed-in user may take this action; false when nobody is. */
    default boolean allowsCurrentUser() {
        return CurrentUser.current().map(this::allows).orElse(false);
    }

    /**
     * Refuses with {@link PermissionRefusedException} (403, audited) unless the signed-in
     * user's role may take this action.
     */
    default CurrentUser require() {
        CurrentUser me = CurrentUser.require();
        if (!allows(me)) {
            throw new PermissionRefusedException(this);
        }
        return me;
    }

}
