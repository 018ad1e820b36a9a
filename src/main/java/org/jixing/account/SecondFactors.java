package org.jixing.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.jixing.account.internal.SecondFactorStore;
import org.jixing.account.internal.Totp;
import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.throttle.Throttle;
import org.jixing.shared.throttle.ThrottlePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor (TOTP, RFC 6238): enrolment from an authenticator app, ten one-time
 * recovery codes, turning it off with a current code, and a reset by a province
 * administrator. Which roles must have it is a setting,
 * {@code jixing.accounts.second-factor-required-roles}, enforced unless the demo province
 * was generated here (its accounts work without it and may turn it on).
 */
@Service
public class SecondFactors {

    private static final Logger log = LoggerFactory.getLogger(SecondFactors.class);

    static final String ISSUER = "Jixing";

    static final int RECOVERY_CODES = 10;

    /** No 0/O, 1/I/L: a recovery code is typed from paper. */
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecondFactorStore store;

    private final Accounts accounts;

    private final PasswordEncoder passwords;

    private final AuditTrail audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    private final Set<Role> requiredRoles;

    private volatile boolean demoInstallation;

    /**
     * Codes an account may try: ten at once, then one a minute (about 60 guesses an hour
     * against a million codes; a person who mistypes is not held up).
     */
    static final ThrottlePolicy CODES = new ThrottlePolicy(10, Duration.ofMinutes(1));

    private final Throttle throttle;

    SecondFactors(SecondFactorStore store, Accounts accounts, PasswordEncoder passwords, AuditTrail audit, Clock clock,
            ApplicationEventPublisher events, Throttle throttle,
            @Value("${jixing.accounts.second-factor-required-roles:PROVINCE_ADMIN,LINE_DEPARTMENT,CITY_OFFICER}") Set<Role> requiredRoles) {
        this.throttle = throttle;
        this.store = store;
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.requiredRoles = requiredRoles.isEmpty() ? Set.of() : EnumSet.copyOf(requiredRoles);
    }

    /** A pending enrolment: the secret the app is given, and its QR code's text. */
    public record Enrolment(String secret, String keyUri) {
    }

    public boolean isOn(long accountId) {
        return store.isOn(accountId);
    }

    /**
     * Whether an account of this role must have the factor before anything else: the
     * setting's roles, except on an installation whose demo province was generated.
     */
    public boolean requiredFor(Role role) {
        return !demoInstallation && requiredRoles.contains(role);
    }

    /**
     * Called by the demo module on an installation where it generated the demo province:
     * the demo accounts are shared and documented, and work without a second factor.
     */
    public void waiveRequirementForDemo() {
        if (!demoInstallation && !requiredRoles.isEmpty()) {
            log.info("Demo province present: the second factor is optional for {}", requiredRoles);
        }
        demoInstallation = true;
    }

    /** For tests: the requirement as on an installation without demo data. */
    void requireAsWithoutDemo(boolean required) {
        demoInstallation = !required;
    }

    /**
     * A fresh secret for the signed-in user to scan; nothing is stored until confirmed.
     */
    public Enrolment begin() {
        CurrentUser me = CurrentUser.require();
        String secret = Totp.newSecret();
        return new Enrolment(secret, Totp.keyUri(ISSUER, me.username(), secret));
    }

    public Enrolment enrolment(String secret) {
        return new Enrolment(secret, Totp.keyUri(ISSUER, CurrentUser.require().username(), secret));
    }

    /**
     * Turns the factor on with the secret the user scanned and a code the app shows for
     * it; returns the ten recovery codes, which are shown once and kept only as hashes.
     */
    @Transactional
    public List<String> enrol(String secret, String code) {
        CurrentUser me = CurrentUser.require();
        Instant now = clock.instant();
        OptionalLong step = secret == null ? OptionalLong.empty() : Totp.match(secret, code, now, 0);
        if (step.isEmpty()) {
            audit.recordIndependently(
                    AuditEvent.byActor(me.username(), "account.secondFactor.failed", "account", me.id()));
            throw InvalidInputException.of("code", "account.secondFactor.wrongCode");
        }
        if (!store.insert(me.id(), secret, step.getAsLong(), now)) {
            throw InvalidInputException.of(null, "account.secondFactor.alreadyOn");
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            codes.add(recoveryCode());
        }
        store.insertRecoveryCodes(me.id(), codes.stream().map(passwords::encode).toList());
        audit.record(AuditEvent.of("account.secondFactor.enrol", "account", me.id(), null, null));
        return codes;
    }

    /**
     * Checks a code of the signed-in user's app, or one of their recovery codes (used up
     * by it); a wrong code leaves an audit entry even though the request goes on.
     */
    @Transactional
    public boolean verify(String code) {
        CurrentUser me = CurrentUser.require();
        var factor = store.find(me.id());
        if (factor.isEmpty()) {
            return false;
        }
        // Every code tried takes a token of the account's bucket, across sessions and
        // nodes: a stolen password cannot sign in again and again to guess codes.
        if (!throttle.take("second-factor:" + me.id(), throttle.policy("second-factor", CODES)).allowed()) {
            audit.recordIndependently(
                    AuditEvent.byActor(me.username(), "account.secondFactor.throttled", "account", me.id()));
            return false;
        }
        Instant now = clock.instant();
        OptionalLong step = Totp.match(factor.get().secret(), code, now, factor.get().lastUsedStep());
        if (step.isPresent() && store.useStep(me.id(), step.getAsLong())) {
            return true;
        }
        String typed = code == null ? "" : code.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (typed.length() == 11 && typed.charAt(5) == '-') {
            for (var recovery : store.unusedRecoveryCodes(me.id())) {
                if (passwords.matches(typed, recovery.hash()) && store.useRecoveryCode(recovery.id(), now)) {
                    audit.record(AuditEvent.of("account.secondFactor.recoveryCodeUsed", "account", me.id(), null,
                            Map.of("left", store.unusedRecoveryCodes(me.id()).size())));
                    return true;
                }
            }
        }
        audit.recordIndependently(AuditEvent.byActor(me.username(), "account.secondFactor.failed", "account", me.id()));
        return false;
    }

    /**
     * Turns the signed-in user's factor off; needs a current code (or a recovery code).
     */
    @Transactional
    public void turnOff(String code) {
        CurrentUser me = CurrentUser.require();
        if (!verify(code)) {
            throw InvalidInputException.of("code", "account.secondFactor.wrongCode");
        }
        store.delete(me.id());
        audit.record(AuditEvent.of("account.secondFactor.off", "account", me.id(), null, null));
    }

    public int recoveryCodesLeft() {
        return store.unusedRecoveryCodes(CurrentUser.require().id()).size();
    }

    /**
     * A province administrator removes an account's factor (a lost phone): the owner
     * signs in with the password alone and enrols again; their sessions end.
     */
    @Transactional
    public void reset(long accountId) {
        if (!CurrentUser.require().hasRole(Role.PROVINCE_ADMIN)) {
            throw new AccessDeniedException("second factor reset");
        }
        Account account = accounts.get(accountId);
        boolean wasOn = store.isOn(accountId);
        store.delete(accountId);
        audit.record(AuditEvent.of("account.secondFactor.reset", "account", accountId, Map.of("on", wasOn),
                Map.of("on", false)));
        events.publishEvent(new AccountAccessChanged(accountId, account.username(),
                AccountAccessChanged.Reason.SECOND_FACTOR_RESET));
    }

    private static String recoveryCode() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                s.append('-');
            }
            s.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return s.toString();
    }

}
