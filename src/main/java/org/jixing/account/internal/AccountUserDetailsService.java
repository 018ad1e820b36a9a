package org.jixing.account.internal;

import java.util.Locale;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.ScopeKind;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads an account for sign-in and resolves its data scope once, at sign-in. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountStore store;

    private final ReferenceCatalogue reference;

    private final SecondFactorStore factors;

    AccountUserDetailsService(AccountStore store, ReferenceCatalogue reference, SecondFactorStore factors) {
        this.factors = factors;
        this.store = store;
        this.reference = reference;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AccountRow row = store.findByUsername(username == null ? "" : username.trim().toLowerCase(Locale.ROOT))
            .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return principal(row).withSecondFactor(factors.isOn(row.id()));
    }

    AccountPrincipal principal(AccountRow row) {
        DataScope scope = row.scopeKind() == ScopeKind.DEPARTMENT
                ? new DataScope(ScopeKind.DEPARTMENT, row.scopeRef(), reference.linesLedBy(row.scopeRef()))
                : DataScope.of(row.scopeKind(), row.scopeRef());
        CurrentUser user = new CurrentUser(row.id(), row.username(), row.displayName(), row.role(), scope);
        return new AccountPrincipal(user, row.passwordHash(), row.enabled());
    }

}
