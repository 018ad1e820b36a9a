package org.jixing.certification.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Holds the Ed25519 private key that signs certificate tokens. It lives in a key file
 * ({@code jixing.certification.key-file}, by default ./data/certificate-signing.keys)
 * generated on first use, like the personal-data keys; only its public half goes to the
 * database and out to the public. Rotation writes a new key into the file.
 */
@Component
public class CertificateSigner {

    private static final Logger log = LoggerFactory.getLogger(CertificateSigner.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    public static final String ALGORITHM = "Ed25519";

    private final Path file;

    private final Clock clock;

    private volatile Loaded current;

    /** The key in use: its id, private key and public key (X.509 DER, base64). */
    public record Loaded(String keyId, PrivateKey privateKey, String publicKey) {
    }

    CertificateSigner(@Value("${jixing.certification.key-file:./data/certificate-signing.keys}") String keyFile,
            Clock clock) {
        this.file = Path.of(keyFile);
        this.clock = clock;
    }

    public synchronized Loaded current() {
        if (current == null) {
            current = Files.exists(file) ? read() : generate();
        }
        return current;
    }

    /** Signs the text with the current key; the signature base64url without padding. */
    public String sign(Loaded key, String input) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key.privateKey());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("signing failed", ex);
        }
    }

    /** A new key replaces the current one in the key file (the old one is not kept). */
    public synchronized Loaded rotate() {
        current = generate();
        return current;
    }

    private Loaded generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            byte[] suffix = new byte[3];
            RANDOM.nextBytes(suffix);
            String keyId = "K"
                    + DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(clock.instant())
                    + HexFormat.of().withUpperCase().formatHex(suffix);
            Properties p = new Properties();
            p.setProperty("key-id", keyId);
            p.setProperty("private-key", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            p.setProperty("public-key", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var out = Files.newBufferedWriter(file)) {
                p.store(out, "Jixing certificate signing key (Ed25519). Keep it safe: whoever holds it can sign "
                        + "certificates. Its public half is published.");
            }
            log.info("Generated certificate signing key {} in {}", keyId, file.toAbsolutePath());
            return new Loaded(keyId, pair.getPrivate(), p.getProperty("public-key"));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Loaded read() {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
            PrivateKey key = KeyFactory.getInstance(ALGORITHM)
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(p.getProperty("private-key"))));
            return new Loaded(p.getProperty("key-id"), key, p.getProperty("public-key"));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("unreadable certificate signing key in " + file, ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
