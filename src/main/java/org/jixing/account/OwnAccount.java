package org.jixing.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jixing.account.internal.AccountRow;
import org.jixing.account.internal.AccountStore;
import org.jixing.account.internal.SecondFactorSession;
import org.jixing.account.internal.SecondFactorStore;
import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every signed-in user does with their own account: see it, change the password,
 * sign out everywhere, make and revoke API tokens. Administering others' accounts is
 * {@link Accounts}'.
 */
@Service
public class OwnAccount {

    private final AccountStore store;

    private final PasswordEncoder passwords;

    private final AuditTrail audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    private final SecondFactorStore factors;

    OwnAccount(AccountStore store, PasswordEncoder passwords, AuditTrail audit, Clock clock,
            ApplicationEventPublisher events, SecondFactorStore factors) {
        this.store = store;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.factors = factors;
    }

    /** Ends every session of the signed-in user, this one included, on every node. */
    @Transactional
    public void signOutEverywhere() {
        CurrentUser me = CurrentUser.require();
        audit.record(AuditEvent.of("account.signOutEverywhere", "account", me.id(), null, null));
        events.publishEvent(
                new AccountAccessChanged(me.id(), me.username(), AccountAccessChanged.Reason.SIGNED_OUT_EVERYWHERE));
    }

    /** The signed-in user's own account. */
    @Transactional(readOnly = true)
    public Account me() {
        return store.findById(CurrentUser.require().id()).orElseThrow().toAccount();
    }

    /**
     * Any signed-in user, auditors too, changes their own password with the current one.
     */
    @Transactional
    public void changeOwnPassword(String current, String newPassword) {
        AccountRow row = store.findById(CurrentUser.require().id()).orElseThrow();
        if (current == null || !passwords.matches(current, row.passwordHash())) {
            throw InvalidInputException.of("currentPassword", "account.password.wrongCurrent");
        }
        List<InvalidInputException.Problem> problems = PasswordPolicy.check("newPassword", newPassword, row.username());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.setPassword(row.id(), passwords.encode(newPassword), clock.instant());
        audit.record(AuditEvent.of("account.password.change", "account", row.id(), null, null));
    }

    /**
     * A new token for the signed-in user; the returned value is shown once and never
     * stored.
     */
    @Transactional
    public String createToken(String name, int days) {
        CurrentUser me = CurrentUser.require();
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw InvalidInputException.of("name", "account.token.name");
        }
        if (days < 1 || days > 366) {
            throw InvalidInputException.of("days", "account.token.days", 1, 366);
        }
        // A token outlives the session it is made in: with the second factor on, only a
        // session that passed it may make one (an API request with a token may not).
        if (factors.isOn(me.id())
                && !SecondFactorSession.passed(SecurityContextHolder.getContext().getAuthentication())) {
            throw InvalidInputException.of(null, "account.token.secondFactorFirst");
        }
        String token = ApiTokens.newToken();
        Instant now = clock.instant();
        long id = store.insertToken(me.id(), name.strip(), ApiTokens.hash(token), now, now.plus(Duration.ofDays(days)));
        audit.record(AuditEvent.of("account.token.create", "api_token", id, null,
                Map.of("name", name.strip(), "days", days)));
        return token;
    }

    @Transactional(readOnly = true)
    public List<ApiToken> ownTokens() {
        return store.tokens(CurrentUser.require().id());
    }

    @Transactional
    public void revokeToken(long tokenId) {
        long me = CurrentUser.require().id();
        if (!store.revokeToken(me, tokenId, clock.instant())) {
            throw new RecordNotFoundException("api_token", tokenId);
        }
        audit.record(AuditEvent.of("account.token.revoke", "api_token", tokenId, null, null));
        events.publishEvent(new ApiTokenRevoked(me, tokenId));
    }

}
