package org.jixing.account.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The session's side of the second factor: after a right code the session's
 * authentication carries a Spring Security 7 {@link FactorGrantedAuthority}
 * {@value #TOTP_AUTHORITY} beside the password's, with the time it was given, and a new
 * session id. {@link SecondFactorGate} asks for it.
 */
@Component
public class SecondFactorSession {

    /** The authority of the TOTP factor (Spring Security names factors FACTOR_*). */
    public static final String TOTP_AUTHORITY = "FACTOR_TOTP";

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    /** Whether an authentication passed the second factor. */
    public static boolean passed(Authentication auth) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> TOTP_AUTHORITY.equals(a.getAuthority()));
    }

    /** The signed-in user gave a right code (at sign-in or at enrolment). */
    public void passed(HttpServletRequest request, HttpServletResponse response) {
        replace(request, response, true);
    }

    /** The signed-in user turned the factor off. */
    public void turnedOff(HttpServletRequest request, HttpServletResponse response) {
        replace(request, response, false);
    }

    private void replace(HttpServletRequest request, HttpServletResponse response, boolean on) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof AccountPrincipal principal)) {
            throw new IllegalStateException("no signed-in account");
        }
        List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities()
            .stream()
            .filter(a -> !TOTP_AUTHORITY.equals(a.getAuthority()))
            .map(a -> (GrantedAuthority) a)
            .toList());
        if (on) {
            authorities.add(FactorGrantedAuthority.fromAuthority(TOTP_AUTHORITY));
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated(principal.withSecondFactor(on), null, authorities);
        auth.setDetails(current.getDetails());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        if (on && request.getSession(false) != null) {
            // A new level of trust gets a new session id, as a sign-in does.
            request.changeSessionId();
        }
        contexts.saveContext(context, request, response);
    }

}
