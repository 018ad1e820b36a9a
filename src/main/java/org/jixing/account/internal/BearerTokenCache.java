package org.jixing.account.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.jixing.account.ApiTokenRevoked;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who a bearer token is, remembered for a few seconds (keyed by the token's hash, never
 * the token), so a busy API client does not cost a database round trip per request.
 * Revoking a token, disabling an account, changing its role or scope forget the entry on
 * this node at once; another node may still accept the token for at most
 * {@code jixing.accounts.bearer-cache-ttl} (default 5 s), the bound README and
 * docs/sign-in.md state. An entry also never outlives its token's expiry.
 */
@Component
class BearerTokenCache {

    /** A live token's account, and when the token itself expires. */
    record Entry(AccountPrincipal principal, long accountId, Instant tokenExpiresAt) {
    }

    private final Cache<String, Entry> cache;

    BearerTokenCache(@Value("${jixing.accounts.bearer-cache-ttl:PT5S}") Duration ttl,
            @Value("${jixing.accounts.bearer-cache-size:10000}") long size) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(size).build();
    }

    /**
     * The entry of a token hash, loading it when absent or when the token expired
     * meanwhile; nothing is remembered for an unknown or dead token (a wrong token costs
     * a query each time, as before).
     */
    Optional<Entry> get(String tokenHash, Instant now, Function<String, Optional<Entry>> load) {
        Entry hit = cache.getIfPresent(tokenHash);
        if (hit != null && hit.tokenExpiresAt().isAfter(now)) {
            return Optional.of(hit);
        }
        Optional<Entry> loaded = load.apply(tokenHash);
        loaded.ifPresentOrElse(e -> cache.put(tokenHash, e), () -> cache.invalidate(tokenHash));
        return loaded;
    }

    void forgetAccount(long accountId) {
        cache.asMap().values().removeIf(e -> e.accountId() == accountId);
    }

    /**
     * A revoked token is forgotten with the rest of its account's tokens (they are looked
     * up again on their next request), after the revocation is committed.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ApiTokenRevoked event) {
        forgetAccount(event.accountId());
    }

}
