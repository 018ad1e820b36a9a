package org.jixing.shared.scope;

import java.io.Serializable;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking: the signed-in user's id, name, role and scope. The account module puts
 * one of these in the security context as the principal; every other module reads it
 * through {@link #current()}.
 */
public record CurrentUser(long id, String username, String displayName, Role role,
        DataScope scope) implements Serializable {

    public static Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ScopedPrincipal principal) {
            return Optional.of(principal.currentUser());
        }
        return Optional.empty();
    }

    /**
     * The current user, or an {@link IllegalStateException} outside a signed-in request.
     */
    public static CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    public boolean hasRole(Role r) {
        return role == r;
    }

    public boolean hasAnyRole(Role... roles) {
        for (Role r : roles) {
            if (role == r) {
                return true;
            }
        }
        return false;
    }

    /** Implemented by the account module's principal so shared code can find the user. */
    public interface ScopedPrincipal {

        CurrentUser currentUser();

    }
}
