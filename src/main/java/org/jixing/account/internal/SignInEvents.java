package org.jixing.account.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Leaves an audit entry for every sign-in and every failure, with its reason (unknown
 * user, wrong password, disabled; throttled attempts are recorded by
 * {@link SignInThrottle}) and the client address. The attempted password is never
 * recorded.
 */
@Component
class SignInEvents {

    private final AuditTrail audit;

    SignInEvents(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal
                && event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            audit.recordIndependently(AuditEvent.byActor(principal.getUsername(), "login.success", "account",
                    principal.currentUser().id()));
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (event.getException() instanceof SignInThrottle.SignInThrottledException) {
            return;
        }
        String attempted = SignInThrottle.normalize(event.getAuthentication().getName());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", reason(event.getException()));
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
                && d.getRemoteAddress() != null) {
            detail.put("address", d.getRemoteAddress());
        }
        audit.recordIndependently(new AuditEvent("login.failure", "account", attempted, null, detail, attempted));
    }

    private static String reason(Exception ex) {
        if (ex instanceof UsernameNotFoundException || ex.getCause() instanceof UsernameNotFoundException) {
            return "unknown-user";
        }
        if (ex instanceof DisabledException) {
            return "disabled";
        }
        if (ex instanceof BadCredentialsException) {
            return "wrong-password";
        }
        return ex.getClass().getSimpleName();
    }

}
