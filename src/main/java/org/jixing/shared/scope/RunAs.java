package org.jixing.shared.scope;

import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as a given user, as if they had signed in, outside a request: the demo
 * generator, background jobs acting for the person who started them, tests. Every rule,
 * scope and audit entry applies as for that user. The previous security context is
 * restored afterwards.
 */
public final class RunAs {

    private RunAs() {
    }

    private record Principal(CurrentUser currentUser) implements CurrentUser.ScopedPrincipal {
    }

    public static <T> T user(CurrentUser user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(user), null,
                Set.of(new SimpleGrantedAuthority(user.role().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }

}
