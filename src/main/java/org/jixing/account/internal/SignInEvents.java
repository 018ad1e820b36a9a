package org.jixing.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins (five in a row lock the account for fifteen minutes) and leaves
 * an audit entry for every sign-in, failure and lockout. The attempted password is never
 * recorded.
 */
@Component
class SignInEvents {

    static final int MAX_ATTEMPTS = 5;

    static final Duration LOCK_FOR = Duration.ofMinutes(15);

    private final AccountStore store;

    private final AuditTrail audit;

    private final Clock clock;

    SignInEvents(AccountStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal && event
            .getAuthentication() instanceof org.springframework.security.authentication.UsernamePasswordAuthenticationToken) {
            store.recordSuccess(principal.getUsername());
            audit.recordIndependently(AuditEvent.byActor(principal.getUsername(), "login.success", "account",
                    principal.currentUser().id()));
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String attempted = attemptedUsername(event);
        String reason = event.getException().getClass().getSimpleName();
        audit.recordIndependently(new AuditEvent("login.failure", "account", attempted, null,
                java.util.Map.of("reason", reason), attempted));
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            var until = clock.instant().plus(LOCK_FOR).truncatedTo(ChronoUnit.SECONDS);
            if (store.recordFailure(attempted, MAX_ATTEMPTS, until)) {
                audit.recordIndependently(new AuditEvent("login.lockout", "account", attempted, null,
                        java.util.Map.of("lockedUntil", until.toString()), attempted));
            }
        }
    }

    private static String attemptedUsername(AbstractAuthenticationFailureEvent event) {
        Object name = event.getAuthentication().getPrincipal();
        String s = name == null ? "" : name.toString().trim().toLowerCase(java.util.Locale.ROOT);
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

}
