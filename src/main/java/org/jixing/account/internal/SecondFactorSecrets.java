package org.jixing.account.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * TOTP secrets at rest: AES-256-GCM (the JDK's) under
 * {@code jixing.accounts.second-factor-key} ({@code JIXING_SECOND_FACTOR_KEY}, base64 of
 * 32 random bytes), stored as {@code v1:<base64 of nonce and ciphertext>}. Without the
 * key a secret is stored as the app received it (with a warning at start): a laptop or
 * demo needs no setup. A secret stored before the key was set is still read, and
 * encrypted when next enrolled.
 */
@Component
class SecondFactorSecrets {

    private static final Logger log = LoggerFactory.getLogger(SecondFactorSecrets.class);

    private static final String PREFIX = "v1:";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SecondFactorSecrets(@Value("${jixing.accounts.second-factor-key:${JIXING_SECOND_FACTOR_KEY:}}") String key) {
        if (key.isBlank()) {
            log.warn("JIXING_SECOND_FACTOR_KEY is not set: second-factor secrets are stored unencrypted "
                    + "(docs/sign-in.md). Set it (base64 of 32 random bytes) before administrators enrol.");
            this.key = null;
        }
        else {
            byte[] bytes = Base64.getDecoder().decode(key.strip());
            if (bytes.length != 32) {
                throw new IllegalStateException("jixing.accounts.second-factor-key must be 32 bytes in base64");
            }
            this.key = new SecretKeySpec(bytes, "AES");
        }
    }

    String seal(String secret) {
        if (key == null) {
            return secret;
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return PREFIX + Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    String open(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException(
                    "a second-factor secret is encrypted but jixing.accounts.second-factor-key is not set");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.US_ASCII);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("a second-factor secret cannot be decrypted with the configured key", ex);
        }
    }

}
