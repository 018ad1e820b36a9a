package org.jixing.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.jixing.account.ApiTokenRevoked;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.junit.jupiter.api.Test;

class BearerTokenCacheTest {

    final AtomicInteger loads = new AtomicInteger();

    final Instant now = Instant.parse("2026-12-07T02:00:00Z");

    Optional<BearerTokenCache.Entry> load(long accountId, Instant expires) {
        loads.incrementAndGet();
        var user = new CurrentUser(accountId, "u" + accountId, "U", Role.CITY_OFFICER, DataScope.region("370100"));
        return Optional
            .of(new BearerTokenCache.Entry(new AccountPrincipal(user, null, true, true), accountId, expires));
    }

    @Test
    void aKnownTokenIsLookedUpOnceWhileItsEntryLives() {
        var cache = new BearerTokenCache(Duration.ofSeconds(5), 100);
        for (int i = 0; i < 3; i++) {
            assertThat(cache.get("h1", now, h -> load(1, now.plusSeconds(3600)))).isPresent();
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void anEntryNeverOutlivesItsTokenNorItsAccountsChange() {
        var cache = new BearerTokenCache(Duration.ofSeconds(5), 100);
        cache.get("h1", now, h -> load(1, now.plusSeconds(1)));
        // The token expired meanwhile: looked up again, and the database says it is dead.
        assertThat(cache.get("h1", now.plusSeconds(2), h -> Optional.empty())).isEmpty();
        cache.get("h2", now, h -> load(2, now.plusSeconds(3600)));
        cache.get("h3", now, h -> load(3, now.plusSeconds(3600)));
        cache.on(new ApiTokenRevoked(2, 99));
        int before = loads.get();
        cache.get("h2", now, h -> load(2, now.plusSeconds(3600)));
        cache.get("h3", now, h -> load(3, now.plusSeconds(3600)));
        assertThat(loads.get() - before).as("only account 2's token is looked up again").isEqualTo(1);
    }

    @Test
    void aZeroTimeToLiveCachesNothing() {
        var cache = new BearerTokenCache(Duration.ZERO, 100);
        cache.get("h1", now, h -> load(1, now.plusSeconds(3600)));
        cache.get("h1", now, h -> load(1, now.plusSeconds(3600)));
        assertThat(loads).hasValue(2);
    }

}
