package org.jixing.account.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.throttle.Throttle;
import org.jixing.shared.throttle.ThrottleDecision;
import org.jixing.shared.throttle.ThrottlePolicy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in, slowed down instead of locked out. Each attempt takes a token from
 * the bucket of the pair (account, client address); once that pair has been failing, also
 * from the account's bucket, which is larger and fed by every address. A stranger who
 * fails from one address empties only his own pair's bucket: the owner signing in from
 * another address is not held up. A successful sign-in refills its pair.
 * <p>
 * Unknown user, wrong password and throttled attempt fail alike (the sign-in page says
 * the same words); the reason is audited. A disabled account is told so only after its
 * correct password. Nothing here touches the account row, so failures never stop its API
 * tokens.
 */
@Component
class SignInThrottle implements AuthenticationProvider {

    static final String PAIR = "sign-in-pair";

    static final String ACCOUNT = "sign-in-account";

    static final ThrottlePolicy PAIR_DEFAULT = new ThrottlePolicy(5, Duration.ofMinutes(1));

    static final ThrottlePolicy ACCOUNT_DEFAULT = new ThrottlePolicy(20, Duration.ofSeconds(15));

    private final DaoAuthenticationProvider passwords;

    private final Throttle throttle;

    private final AuditTrail audit;

    SignInThrottle(AccountUserDetailsService users, PasswordEncoder encoder, Throttle throttle, AuditTrail audit) {
        this.throttle = throttle;
        this.audit = audit;
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        // The audit trail tells unknown users from wrong passwords; the page does not.
        this.passwords.setHideUserNotFoundExceptions(false);
        // The password first, the account's state after: a disabled account is not
        // revealed to someone who does not know its password.
        this.passwords.setPreAuthenticationChecks(user -> {
        });
        this.passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
        });
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = normalize(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d
                && d.getRemoteAddress() != null ? d.getRemoteAddress() : "unknown";
        String pairKey = PAIR + ":" + username + "@" + address;
        ThrottlePolicy pairPolicy = throttle.policy(PAIR, PAIR_DEFAULT);
        ThrottleDecision pair = throttle.take(pairKey, pairPolicy);
        ThrottleDecision refusal = pair.allowed() ? null : pair;
        if (refusal == null && pair.remaining() < pairPolicy.capacity() - 1) {
            // This pair has failed lately: the account's own, gentler bucket counts too.
            ThrottleDecision account = throttle.take(ACCOUNT + ":" + username,
                    throttle.policy(ACCOUNT, ACCOUNT_DEFAULT));
            refusal = account.allowed() ? null : account;
        }
        if (refusal != null) {
            audit.recordIndependently(new AuditEvent("login.failure", "account", username, null,
                    Map.of("reason", "throttled", "address", address, "retryAfterSeconds", refusal.retryAfterSeconds()),
                    username));
            throw new SignInThrottledException();
        }
        Authentication result = passwords.authenticate(authentication);
        throttle.reset(pairKey);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String normalize(String username) {
        String s = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    /** Refused before the password was looked at; answered like a wrong password. */
    static class SignInThrottledException extends BadCredentialsException {

        SignInThrottledException() {
            super("throttled");
        }

    }

}
