package org.jixing.account;

import java.time.Instant;

/** An API token as its owner sees it: never the token itself, which is shown once. */
public record ApiToken(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
        Instant revokedAt) {

    public boolean live(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

}
