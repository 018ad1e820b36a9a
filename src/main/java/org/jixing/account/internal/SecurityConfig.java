package org.jixing.account.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jixing.account.SecondFactors;
import org.jixing.shared.access.Refusals;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: {@code /api/**} answers problem+json and takes API tokens as well as
 * the session; everything else is the form-login web application. Auditors are read-only
 * everywhere: any request that would change something is refused for them by one rule
 * here.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@ConditionalOnWebApplication
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * Swagger UI sets inline styles; only its own pages may, and still load nothing from
     * elsewhere.
     */
    static final String SWAGGER_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    /**
     * No page uses the camera, microphone, location, payment or USB; a script injected
     * despite the CSP may not either.
     */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    /** A trainee's answer with a one-time code: no session, so no cross-site request. */
    static final RequestMatcher CONFIRMATION_CODE = PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.POST, "/api/v1/supervision/confirmations/*");

    static final RequestMatcher SWAGGER = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, MessageSource messages, LocaleResolver locales, JsonMapper json,
            AccountStore store, AccountUserDetailsService users, Clock clock, BearerTokenCache tokens,
            SecondFactors factors, Refusals refusals) throws Exception {
        http.securityMatcher("/api/**")
            .addFilterBefore(new BearerTokenFilter(store, users, clock, tokens), AuthorizationFilter.class)
            .addFilterBefore(new SecondFactorGate(factors), AuthorizationFilter.class)
            .authorizeHttpRequests(a -> a
                .requestMatchers(HttpMethod.GET, "/api/v1/certificates/keys", "/api/v1/certificates/verify",
                        "/api/v1/certificates/verify/**")
                .permitAll()
                // The open job demands, for the public portal (employment.JobDemands).
                .requestMatchers(HttpMethod.GET, "/api/v1/employment/open-demands")
                .permitAll()
                // A trainee's answer with the one-time code they were sent: the code is
                // the
                // credential (supervision.Confirmations).
                .requestMatchers(HttpMethod.POST, "/api/v1/supervision/confirmations/*")
                .permitAll()
                .anyRequest()
                .access(readOnlyForAuditors()))
            // A bearer token is not sent by the browser on its own, so it needs no CSRF
            // token.
            .csrf(c -> c.ignoringRequestMatchers(r -> hasBearer(r) || CONFIRMATION_CODE.matches(r)))
            // An API request that is refused is not kept for a redirect after sign-in:
            // that would create a session (a row) for every anonymous call.
            .requestCache(c -> c.disable())
            .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)))
            .exceptionHandling(e -> e
                .authenticationEntryPoint((req, res, ex) -> problem(req, res, HttpStatus.UNAUTHORIZED,
                        "error.unauthorized.title", "error.unauthorized.detail", messages, locales, json))
                .accessDeniedHandler((req, res, ex) -> {
                    refusals.forbidden(ex, req);
                    problem(req, res, HttpStatus.FORBIDDEN, "error.forbidden.title", "error.forbidden.detail", messages,
                            locales, json);
                }));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, SecondFactors factors, Refusals refusals) throws Exception {
        var denied = new AccessDeniedHandlerImpl();
        http.addFilterBefore(new SecondFactorGate(factors), AuthorizationFilter.class)
            .authorizeHttpRequests(a -> a
                .requestMatchers("/login", "/error", "/favicon.ico", "/css/**", "/js/**", "/img/**", "/webjars/**",
                        "/_static/**", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                        "/verify", "/verify/**", "/confirm/*", "/complaints/new")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/logout")
                .authenticated()
                .anyRequest()
                .access(readOnlyForAuditors()))
            .formLogin(f -> f.loginPage("/login")
                .failureHandler(failureHandler())
                .defaultSuccessUrl("/", true)
                .permitAll())
            .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
            .headers(h -> h
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER),
                        new ContentSecurityPolicyHeaderWriter(CSP)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER,
                        new ContentSecurityPolicyHeaderWriter(SWAGGER_CSP)))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)))
            // Refusals of the filter chain (an auditor's write) leave the same audit
            // entry as
            // the handlers' own.
            .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> {
                refusals.forbidden(ex, req);
                denied.handle(req, res, ex);
            }))
            .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        return http.build();
    }

    /**
     * Signed in, and for auditors only the safe methods (GET, HEAD, OPTIONS), but for
     * their own account page.
     */
    static AuthorizationManager<RequestAuthorizationContext> readOnlyForAuditors() {
        return (authentication, context) -> {
            var auth = authentication.get();
            boolean signedIn = auth != null && auth.isAuthenticated()
                    && !(auth instanceof AnonymousAuthenticationToken);
            if (!signedIn) {
                return new AuthorizationDecision(false);
            }
            String method = context.getRequest().getMethod();
            boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
            boolean auditor = auth.getAuthorities().stream().anyMatch(a -> "ROLE_AUDITOR".equals(a.getAuthority()));
            // Auditors change nothing but their own password and tokens.
            String path = context.getRequest()
                .getRequestURI()
                .substring(context.getRequest().getContextPath().length());
            // The second step of signing in is theirs too.
            boolean ownAccount = path.equals("/account") || path.startsWith("/account/") || path.equals("/login/totp");
            return new AuthorizationDecision(safe || !auditor || ownAccount);
        };
    }

    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> response
            .sendRedirect(request.getContextPath() + "/login?error=" + failureCode(exception));
    }

    /**
     * Unknown user, wrong password and throttled attempt share one answer; "disabled" is
     * reached only with the correct password ({@link SignInThrottle}).
     */
    static String failureCode(AuthenticationException exception) {
        if (exception instanceof DisabledException) {
            return "disabled";
        }
        return "bad";
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static void problem(HttpServletRequest req, HttpServletResponse res, HttpStatus status, String titleKey,
            String detailKey, MessageSource messages, LocaleResolver locales, JsonMapper json) throws IOException {
        // The language switch of ?lang= is an MVC interceptor, which a refusal here never
        // reaches.
        String lang = req.getParameter("lang");
        Locale locale = lang != null && lang.startsWith("en") ? Locale.ENGLISH
                : lang != null && lang.startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : locales.resolveLocale(req);
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("status", status.value());
        body.put("title", messages.getMessage(titleKey, null, locale));
        body.put("detail", messages.getMessage(detailKey, null, locale));
        body.put("instance", req.getRequestURI());
        res.getWriter().write(json.writeValueAsString(body));
    }

}
