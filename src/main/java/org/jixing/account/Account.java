package org.jixing.account;

import java.time.Instant;

import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;

/** An account as other modules and pages see it: never with its password hash. */
public record Account(long id, String username, String displayName, Role role, ScopeKind scopeKind, String scopeRef,
        String regionCode, boolean enabled, Instant createdAt, int version) {
}
