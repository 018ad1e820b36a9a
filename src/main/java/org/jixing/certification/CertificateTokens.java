package org.jixing.certification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The token a certificate's QR code carries: {@code JX1.<payload>.<signature>}, the
 * payload base64url (no padding) of a small JSON object, the signature base64url of the
 * Ed25519 signature of the ASCII text {@code JX1.<payload>}. The same check is written
 * out, with the JDK only, in tools/verify/VerifyCertificate.java.
 */
public final class CertificateTokens {

    public static final String PREFIX = "JX1";

    private CertificateTokens() {
    }

    /** A token split into its parts; the payload decoded as JSON text. */
    public record Parts(String payload, String signature, String json) {

        public String signingInput() {
            return PREFIX + "." + payload;
        }

        public String token() {
            return signingInput() + "." + signature;
        }

    }

    /**
     * Splits a token; empty when it is not of the form JX1.x.y with a readable payload.
     */
    public static Optional<Parts> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] p = token.strip().split("\\.", -1);
        if (p.length != 3 || !PREFIX.equals(p[0]) || p[1].isEmpty() || p[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8);
            Base64.getUrlDecoder().decode(p[2]);
            return Optional.of(new Parts(p[1], p[2], json));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    public static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the signature of the parts matches the public key (X.509 DER, base64). */
    public static boolean verify(Parts parts, String publicKeyBase64) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64.strip())));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(parts.signingInput().getBytes(StandardCharsets.US_ASCII));
            return s.verify(Base64.getUrlDecoder().decode(parts.signature()));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            return false;
        }
    }

}
