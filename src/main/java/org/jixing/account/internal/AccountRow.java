package org.jixing.account.internal;

import java.time.Instant;

import org.jixing.account.Account;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;

/** A row of app_user, including the password hash, which never leaves this package. */
public record AccountRow(long id, String username, String displayName, String passwordHash, Role role,
        ScopeKind scopeKind, String scopeRef, String regionCode, boolean enabled, Instant createdAt, int version) {

    public Account toAccount() {
        return new Account(id, username, displayName, role, scopeKind, scopeRef, regionCode, enabled, createdAt,
                version);
    }
}
