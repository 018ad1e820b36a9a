package org.jixing.shared.access;

import org.springframework.security.access.AccessDeniedException;

/** The signed-in user's role may not take the action: 403, and an audit entry. */
public class PermissionRefusedException extends AccessDeniedException {

    private final transient Permission permission;

    public PermissionRefusedException(Permission permission) {
        super("refused: " + permission.name());
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }

}
