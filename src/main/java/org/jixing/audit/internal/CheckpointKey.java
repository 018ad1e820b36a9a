package org.jixing.audit.internal;

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
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 key that signs audit checkpoints, in a key file of its own in the data
 * directory ({@code jixing.audit.checkpoint.key-file}), generated on first use like the
 * personal-data and certificate keys. It is not the certificate key: that one is rotated
 * for certificates and its holder could otherwise forge checkpoints, and checkpoints must
 * verify for as long as the file is kept.
 */
final class CheckpointKey {

    private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);

    static final String ALGORITHM = "Ed25519";

    private final String keyId;

    private final PrivateKey privateKey;

    private final PublicKey publicKey;

    private final String publicKeyBase64;

    private CheckpointKey(String keyId, PrivateKey privateKey, String publicKeyBase64) {
        this.keyId = keyId;
        this.privateKey = privateKey;
        this.publicKeyBase64 = publicKeyBase64;
        try {
            this.publicKey = KeyFactory.getInstance(ALGORITHM)
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("unreadable audit checkpoint public key", ex);
        }
    }

    /** The key in the file, generated into it when there is none. */
    static CheckpointKey load(Path file) {
        return Files.exists(file) ? read(file) : generate(file);
    }

    String keyId() {
        return keyId;
    }

    String publicKeyBase64() {
        return publicKeyBase64;
    }

    /** The signature of the text, base64url without padding. */
    String sign(String text) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("signing failed", ex);
        }
    }

    /** Whether the signature is this key's on the text. */
    boolean verifies(String text, String signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(publicKey);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getUrlDecoder().decode(signature));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            return false;
        }
    }

    private static CheckpointKey generate(Path file) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            byte[] id = new byte[4];
            new SecureRandom().nextBytes(id);
            String keyId = "A" + HexFormat.of().withUpperCase().formatHex(id);
            Properties p = new Properties();
            p.setProperty("key-id", keyId);
            p.setProperty("private-key", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            p.setProperty("public-key", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            try (var out = Files.newBufferedWriter(file)) {
                p.store(out, "Jixing audit checkpoint signing key (Ed25519). Keep it with the checkpoint file, "
                        + "and keep it safe: whoever holds it can sign checkpoints.");
            }
            log.info("Generated audit checkpoint signing key {} in {}", keyId, file.toAbsolutePath());
            return new CheckpointKey(keyId, pair.getPrivate(), p.getProperty("public-key"));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static CheckpointKey read(Path file) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
            PrivateKey key = KeyFactory.getInstance(ALGORITHM)
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(p.getProperty("private-key"))));
            return new CheckpointKey(p.getProperty("key-id"), key, p.getProperty("public-key"));
        }
        catch (GeneralSecurityException | RuntimeException ex) {
            throw new IllegalStateException("unreadable audit checkpoint key in " + file, ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
