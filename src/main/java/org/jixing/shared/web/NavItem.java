package org.jixing.shared.web;

import java.util.Set;

import org.jixing.shared.scope.Role;

/**
 * An entry of the main navigation. Each module declares its own entries as beans; the
 * layout shows those whose roles include the signed-in user's role (an empty set means
 * every signed-in user). Entries naming the same {@code group} (a message key) show as
 * one drop-down menu where the first of them would be.
 */
public record NavItem(String messageKey, String path, int order, Set<Role> roles, String group) {

    public NavItem(String messageKey, String path, int order, Set<Role> roles) {
        this(messageKey, path, order, roles, null);
    }

    /** The same entry shown in the named drop-down menu. */
    public NavItem inGroup(String groupMessageKey) {
        return new NavItem(messageKey, path, order, roles, groupMessageKey);
    }

    public boolean visibleTo(Role role) {
        return roles.isEmpty() || roles.contains(role);
    }

    /** Whether the page at this request path belongs to this entry. */
    boolean covers(String requestPath) {
        return requestPath != null && !"/".equals(path) && requestPath.startsWith(path);
    }

}
