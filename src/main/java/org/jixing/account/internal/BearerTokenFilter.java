package org.jixing.account.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jixing.account.ApiTokens;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer jx_...} on the API for this request only
 * (nothing goes into a session). A revoked or expired token, or one of a disabled
 * account, authenticates nobody (failed sign-ins never stop tokens: they are throttled,
 * not counted on the account), so the request is answered 401. Who a token is comes from
 * {@link BearerTokenCache} (a few seconds at most) before the database.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final AccountStore store;

    private final AccountUserDetailsService users;

    private final Clock clock;

    private final BearerTokenCache cache;

    BearerTokenFilter(AccountStore store, AccountUserDetailsService users, Clock clock, BearerTokenCache cache) {
        this.store = store;
        this.users = users;
        this.clock = clock;
        this.cache = cache;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // Whatever the session says, a request that brings a token is that token's.
            SecurityContextHolder.clearContext();
            String token = header.substring(7).strip();
            if (token.startsWith(ApiTokens.PREFIX)) {
                Instant now = clock.instant();
                cache
                    .get(ApiTokens.hash(token), now,
                            hash -> store.findByToken(hash, now)
                                .map(live -> new BearerTokenCache.Entry(users.principal(live.account()),
                                        live.account().id(), live.expiresAt())))
                    .map(BearerTokenCache.Entry::principal)
                    .ifPresent(p -> {
                        if (p.isEnabled()) {
                            var auth = UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
                            var context = SecurityContextHolder.createEmptyContext();
                            context.setAuthentication(auth);
                            SecurityContextHolder.setContext(context);
                        }
                    });
            }
        }
        chain.doFilter(request, response);
    }

}
