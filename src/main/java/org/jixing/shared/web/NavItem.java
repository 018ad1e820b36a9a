package org.jixing.shared.web;

import java.util.Set;

import org.jixing.shared.scope.Role;

/**
 * An entry of the main navigation. Each module declares its own entries as beans; the
 * layout shows those whose roles include the signed-in user's role (an empty set means
 * every signed-in user).
 */
public record NavItem(String messageKey, String path, int order, Set<Role> roles) {

    public boolean visibleTo(Role role) {
        return roles.isEmpty() || roles.contains(role);
    }
}
