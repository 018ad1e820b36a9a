package org.jixing.account.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jixing.account.SecondFactors;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a signed-in session at the second factor. An account with the factor on must pass
 * Spring Security 7's {@link AllRequiredFactorsAuthorizationManager} for the TOTP factor
 * before any page but {@code /login/totp}; an account whose role must have the factor
 * (and has none) sees nothing but the enrolment page. A page request is sent there, an
 * API request refused (401, 403).
 * <p>
 * Why a filter and not {@code @EnableMultiFactorAuthentication}: that annotation adds the
 * required factors to every rule for every user, while here the factor is required per
 * account (only those who turned it on, or whose role must), and enrolment itself must
 * stay reachable after the password alone.
 */
class SecondFactorGate extends OncePerRequestFilter {

    private static final AuthorizationManager<HttpServletRequest> TOTP_PASSED = AllRequiredFactorsAuthorizationManager
        .<HttpServletRequest>builder()
        .requireFactor(f -> f.authority(SecondFactorSession.TOTP_AUTHORITY))
        .build();

    /** Reachable with the password alone. */
    private static final String[] ALWAYS_OPEN = { "/logout", "/error", "/favicon.ico", "/css/", "/js/", "/img/",
            "/webjars/", "/_static/" };

    private final SecondFactors factors;

    SecondFactorGate(SecondFactors factors) {
        this.factors = factors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal
                && !SecurityConfig.hasBearer(request)) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!open(path)) {
                if (principal.secondFactor()) {
                    var decision = TOTP_PASSED.authorize(() -> auth, request);
                    if ((decision == null || !decision.isGranted()) && !path.equals("/login/totp")) {
                        hold(request, response, "/login/totp", HttpServletResponse.SC_UNAUTHORIZED);
                        return;
                    }
                }
                else if (factors.requiredFor(principal.currentUser().role())
                        && !path.startsWith("/account/second-factor")) {
                    hold(request, response, "/account/second-factor", HttpServletResponse.SC_FORBIDDEN);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean open(String path) {
        for (String p : ALWAYS_OPEN) {
            if (p.endsWith("/") ? path.startsWith(p) : path.equals(p)) {
                return true;
            }
        }
        return false;
    }

    private static void hold(HttpServletRequest request, HttpServletResponse response, String page, int apiStatus)
            throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.sendError(apiStatus);
        }
        else if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", request.getContextPath() + page);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
        else {
            response.sendRedirect(request.getContextPath() + page);
        }
    }

}
