package org.jixing.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API tokens: {@code jx_} and 32 random bytes, URL-safe. Only a SHA-256 hash is stored; a
 * token has enough entropy that a fast hash is safe (no salt or stretching needed).
 */
public final class ApiTokens {

    public static final String PREFIX = "jx_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
