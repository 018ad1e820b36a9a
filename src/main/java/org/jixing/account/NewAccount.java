package org.jixing.account;

import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;

/**
 * What it takes to open an account. The password is checked against the policy and never
 * stored.
 */
public record NewAccount(String username, String displayName, String password, Role role, ScopeKind scopeKind,
        String scopeRef, String regionCode) {

    @Override
    public String toString() {
        return "NewAccount[" + username + ", " + role + ", " + scopeKind + ":" + scopeRef + "]";
    }
}
