import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Checks a Jixing certificate token offline, with the JDK only (17 or later):
 *
 * <pre>
 * java tools/verify/VerifyCertificate.java &lt;token or verification URL&gt; &lt;public key base64, or a file holding it&gt;
 * </pre>
 *
 * The token is {@code JX1.<payload>.<signature>} (base64url without padding); the
 * signature is Ed25519 over the ASCII text {@code JX1.<payload>}. The public keys are
 * published at /api/v1/certificates/keys and on the /verify page (field publicKey, X.509
 * DER in base64; take the one whose keyId is the payload's "kid"). Prints the payload and
 * VALID SIGNATURE (exit 0) or INVALID SIGNATURE (exit 1). A valid signature proves the
 * certificate was issued; whether it was revoked since is answered only online.
 */
public class VerifyCertificate {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java VerifyCertificate.java <token-or-url> <public-key-base64-or-file>");
            System.exit(2);
        }
        Path keyFile = Path.of(args[1]);
        String key = Files.isRegularFile(keyFile) ? Files.readString(keyFile) : args[1];
        String payload = payload(args[0]);
        System.out.println(payload == null ? "(unreadable token)" : payload);
        boolean valid = verify(args[0], key);
        System.out.println(valid ? "VALID SIGNATURE" : "INVALID SIGNATURE");
        System.exit(valid ? 0 : 1);
    }

    /** The token from a token or a verification URL (…/verify?token=JX1…). */
    static String token(String tokenOrUrl) {
        String t = tokenOrUrl.strip();
        int at = t.indexOf("token=");
        if (at >= 0) {
            t = t.substring(at + 6);
            int amp = t.indexOf('&');
            if (amp >= 0) {
                t = t.substring(0, amp);
            }
        }
        return t;
    }

    /** The payload's JSON text, or null when the token is not JX1.x.y. */
    static String payload(String tokenOrUrl) {
        String[] p = token(tokenOrUrl).split("\\.", -1);
        if (p.length != 3 || !"JX1".equals(p[0])) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** Whether the token's signature matches the public key (X.509 DER, base64). */
    public static boolean verify(String tokenOrUrl, String publicKeyBase64) {
        String[] p = token(tokenOrUrl).split("\\.", -1);
        if (p.length != 3 || !"JX1".equals(p[0])) {
            return false;
        }
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64.strip())));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update((p[0] + "." + p[1]).getBytes(StandardCharsets.US_ASCII));
            return s.verify(Base64.getUrlDecoder().decode(p[2]));
        }
        catch (Exception ex) {
            return false;
        }
    }

}
