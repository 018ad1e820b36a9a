package org.jixing.certification;

import java.time.Instant;

/**
 * A published verification key: Ed25519, X.509 DER in base64. Retired keys no longer sign
 * but stay published.
 */
public record SigningKey(String keyId, String algorithm, String publicKey, Instant createdAt, Instant retiredAt) {
}
