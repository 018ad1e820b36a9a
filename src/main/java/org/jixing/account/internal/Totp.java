package org.jixing.account.internal;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app computes them:
 * HMAC-SHA1 (the JDK's), 30-second steps, 6 digits. A code is accepted for the current
 * step and one step either side (a phone's clock is rarely exact), and only for a step
 * later than the last one used, so no code works twice.
 */
public final class Totp {

    public static final int DIGITS = 6;

    public static final long STEP_SECONDS = 30;

    /** Steps accepted either side of the server's. */
    static final int TOLERANCE = 1;

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

    private Totp() {
    }

    /** A new secret: 160 random bits (RFC 4226's recommended length), base32 for apps. */
    public static String newSecret() {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        return Base32.encode(key);
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /**
     * The code of a step, zero-padded to its digits (RFC 6238, section 4; RFC 4226, 5.3).
     */
    static String code(byte[] key, long step, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            String otp = Integer.toString(binary % POWERS[digits]);
            return "0".repeat(digits - otp.length()) + otp;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The six-digit code an app shows for a base32 secret at a moment. */
    public static String code(String secret, Instant at) {
        return code(Base32.decode(secret), step(at), DIGITS, "HmacSHA1");
    }

    /**
     * The step a code belongs to, if it is right for now (one step either side) and later
     * than {@code lastUsedStep}; compared in constant time.
     */
    public static OptionalLong match(String secret, String code, Instant now, long lastUsedStep) {
        if (code == null) {
            return OptionalLong.empty();
        }
        String digits = code.replace(" ", "").strip();
        if (digits.length() != DIGITS || !digits.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        byte[] key = Base32.decode(secret);
        long current = step(now);
        for (long s = current - TOLERANCE; s <= current + TOLERANCE; s++) {
            if (s > lastUsedStep
                    && MessageDigest.isEqual(code(key, s, DIGITS, "HmacSHA1").getBytes(), digits.getBytes())) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The key URI authenticator apps read from a QR code (Google Authenticator's format).
     */
    public static String keyUri(String issuer, String account, String secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(issuer) + "&algorithm=SHA1&digits="
                + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Base32 (RFC 4648, no padding), the alphabet authenticator apps take secrets in. */
    static final class Base32 {

        private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        private Base32() {
        }

        static String encode(byte[] bytes) {
            StringBuilder out = new StringBuilder();
            int buffer = 0;
            int bits = 0;
            for (byte b : bytes) {
                buffer = (buffer << 8) | (b & 0xff);
                bits += 8;
                while (bits >= 5) {
                    out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                    bits -= 5;
                }
            }
            if (bits > 0) {
                out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
            }
            return out.toString();
        }

        static byte[] decode(String text) {
            String s = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
            ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
            int buffer = 0;
            int bits = 0;
            for (char c : s.toCharArray()) {
                int v = ALPHABET.indexOf(c);
                if (v < 0) {
                    throw new IllegalArgumentException("not base32: " + c);
                }
                buffer = (buffer << 5) | v;
                bits += 5;
                if (bits >= 8) {
                    out.put((byte) (buffer >> (bits - 8)));
                    bits -= 8;
                }
            }
            return out.array();
        }

    }

}
