package org.jixing.person.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal numbers with AES-256-GCM (a fresh 96-bit nonce per value, stored in
 * front of the ciphertext) and derives a blind index with HMAC-SHA256 under a second key,
 * so an exact number can be found without decrypting the table. Keys come from
 * configuration; without it they are generated once into a key file so a first start
 * needs no setup (with a warning outside the embedded database).
 */
@Component
public class PersonalDataCipher {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;

    private final SecretKeySpec indexKey;

    /**
     * One cipher per thread, initialised afresh (with a new nonce) for every value: the
     * provider lookup and the AES key schedule are not repeated for each of a bulk
     * import's rows.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    });

    /** One keyed HMAC per thread; {@code doFinal} leaves it ready for the next value. */
    private final ThreadLocal<Mac> macs;

    PersonalDataCipher(@Value("${jixing.personal-data.encryption-key:}") String encryptionKey,
            @Value("${jixing.personal-data.index-key:}") String indexKey,
            @Value("${jixing.personal-data.key-file:./data/personal-data.keys}") String keyFile, DataSource dataSource)
            throws IOException {
        if (encryptionKey.isBlank() || indexKey.isBlank()) {
            if (!embedded(dataSource)) {
                // Runs anyway, so a first start needs nothing but the database, but says
                // loudly that the keys belong in the environment (and in a safe), not in
                // a
                // file beside one node.
                log.warn(
                        "JIXING_PERSONAL_DATA_KEY and JIXING_PERSONAL_DATA_INDEX_KEY are not set: using the key "
                                + "file {}. Set them (base64 of 32 random bytes each) before real data is entered, and "
                                + "keep them safe: without them ID and phone numbers cannot be read.",
                        Path.of(keyFile).toAbsolutePath());
            }
            Properties keys = keysFrom(Path.of(keyFile));
            encryptionKey = keys.getProperty("encryption-key");
            indexKey = keys.getProperty("index-key");
        }
        this.encryptionKey = key(encryptionKey, "AES");
        this.indexKey = key(indexKey, "HmacSHA256");
        SecretKeySpec macKey = this.indexKey;
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(macKey);
                return mac;
            }
            catch (GeneralSecurityException ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    public String encrypt(String clear) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("encryption failed", ex);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] in = Base64.getDecoder().decode(stored);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("decryption failed: wrong key or altered value", ex);
        }
    }

    /** The blind index of a normalized value: equal values give equal indexes. */
    public String index(String clear) {
        return HexFormat.of().formatHex(macs.get().doFinal(clear.getBytes(StandardCharsets.UTF_8)));
    }

    private static SecretKeySpec key(String base64, String algorithm) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("personal-data keys must be 32 bytes, base64-encoded");
        }
        return new SecretKeySpec(bytes, algorithm);
    }

    private static Properties keysFrom(Path file) throws IOException {
        Properties keys = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                keys.load(in);
            }
            return keys;
        }
        keys.setProperty("encryption-key", randomKey());
        keys.setProperty("index-key", randomKey());
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (var out = Files.newBufferedWriter(file)) {
            keys.store(out, "Jixing personal-data keys for the embedded database. Losing them makes ID and phone "
                    + "numbers unreadable.");
        }
        log.info("Generated personal-data keys in {}", file.toAbsolutePath());
        return keys;
    }

    private static String randomKey() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static boolean embedded(DataSource dataSource) {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getURL().startsWith("jdbc:h2:");
        }
        catch (SQLException ex) {
            return false;
        }
    }

}
