package org.jixing.account;

/** An API token was revoked by its owner; it must stop working at once. */
public record ApiTokenRevoked(long accountId, long tokenId) {
}
