package org.jixing.account.internal;

import java.util.Collection;
import java.util.List;

import org.jixing.shared.scope.CurrentUser;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it; the password hash is erased after
 * sign-in.
 */
final class AccountPrincipal implements UserDetails, CredentialsContainer, CurrentUser.ScopedPrincipal {

    private static final long serialVersionUID = 1L;

    private final CurrentUser user;

    private String passwordHash;

    private final boolean enabled;

    /** Whether the account had its second factor on when this principal was made. */
    private final boolean secondFactor;

    AccountPrincipal(CurrentUser user, String passwordHash, boolean enabled) {
        this(user, passwordHash, enabled, false);
    }

    AccountPrincipal(CurrentUser user, String passwordHash, boolean enabled, boolean secondFactor) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.secondFactor = secondFactor;
    }

    boolean secondFactor() {
        return secondFactor;
    }

    AccountPrincipal withSecondFactor(boolean on) {
        return new AccountPrincipal(user, passwordHash, enabled, on);
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

}
