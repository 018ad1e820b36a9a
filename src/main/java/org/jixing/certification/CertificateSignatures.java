package org.jixing.certification;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.certification.Verification.Outcome;
import org.jixing.certification.internal.CertificateSigner;
import org.jixing.certification.internal.CertificateStore;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signatures that make a certificate checkable by anyone: the signed token its QR
 * code carries, the public check of a number or a scanned token, and the signing keys
 * (every key that signed stays published; the province rotates them).
 */
@Service
public class CertificateSignatures {

    /**
     * A certificate's signed token: the key that signed, the encoded payload, the
     * signature, and when it was signed.
     */
    record Signed(String keyId, String payload, String signature, Instant at) {
    }

    private final CertificateStore store;

    private final CertificateSigner signer;

    private final AuditTrail audit;

    private final JsonMapper json;

    private final Clock clock;

    private final String publicUrl;

    CertificateSignatures(CertificateStore store, CertificateSigner signer, AuditTrail audit, JsonMapper json,
            Clock clock, @Value("${jixing.certification.public-url:http://localhost:8080}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.store = store;
        this.signer = signer;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What the QR code of a certificate holds: the public verification address with the
     * signed token, so a phone's camera opens the check and an offline reader takes the
     * token from it.
     */
    public String qrText(Certificate c) {
        return publicUrl + "/verify?token=" + c.token();
    }

    /**
     * Signs a certificate's payload with the current key (published on first use), the
     * key's id first in it.
     */
    Signed sign(Map<String, Object> payload) {
        CertificateSigner.Loaded key = signer.current();
        Instant now = clock.instant();
        store.publish(key.keyId(), CertificateSigner.ALGORITHM, key.publicKey(), now);
        Map<String, Object> keyed = new LinkedHashMap<>();
        keyed.put("kid", key.keyId());
        keyed.putAll(payload);
        String encoded = CertificateTokens.encode(json.writeValueAsString(keyed));
        return new Signed(key.keyId(), encoded, signer.sign(key, CertificateTokens.PREFIX + "." + encoded), now);
    }

    /** Public: what a certificate number stands for, with the holder masked. */
    @Transactional(readOnly = true)
    public Verification verify(String number) {
        String n = number == null ? "" : number.strip().toUpperCase();
        if (!CertificateNumbers.wellFormed(n)) {
            return Verification.of(Outcome.UNKNOWN, n);
        }
        return store.findByNumber(n, ScopeSql.UNSCOPED)
            .map(Verification::of)
            .orElse(Verification.of(Outcome.UNKNOWN, n));
    }

    /**
     * Public: checks a scanned token's signature against the published key it names, then
     * the certificate's status. An altered or forged token is INVALID.
     */
    @Transactional(readOnly = true)
    public Verification verifyToken(String token) {
        Optional<CertificateTokens.Parts> parts = CertificateTokens.parse(token);
        if (parts.isEmpty()) {
            return Verification.of(Outcome.INVALID, null);
        }
        JsonNode payload;
        try {
            payload = json.readTree(parts.get().json());
        }
        catch (RuntimeException ex) {
            return Verification.of(Outcome.INVALID, null);
        }
        String kid = payload.path("kid").asString("");
        String number = payload.path("no").asString("");
        Optional<SigningKey> key = store.key(kid);
        if (key.isEmpty() || !CertificateTokens.verify(parts.get(), key.get().publicKey())) {
            return Verification.of(Outcome.INVALID, null);
        }
        return verify(number);
    }

    /** Public: every key that has signed certificates, retired ones included. */
    @Transactional(readOnly = true)
    public List<SigningKey> keys() {
        return store.keys();
    }

    /**
     * Rotates the signing key (province administrator): a new key signs from now on, the
     * old one is retired but stays published, so what it signed still verifies.
     */
    @Transactional
    public SigningKey rotateKey() {
        CurrentUser me = CurrentUser.require();
        if (!CertificationPermission.KEY_ROTATE.allows(me)) {
            throw new AccessDeniedException("the province rotates the signing key");
        }
        String before = signer.current().keyId();
        CertificateSigner.Loaded key = signer.rotate();
        store.publish(key.keyId(), CertificateSigner.ALGORITHM, key.publicKey(), clock.instant());
        audit.record(AuditEvent.of("certification.key.rotate", "signing_key", key.keyId(), Map.of("keyId", before),
                Map.of("keyId", key.keyId())));
        return store.key(key.keyId()).orElseThrow();
    }

    /** The signing key currently in use (published on first use). */
    @Transactional
    public SigningKey currentKey() {
        CertificateSigner.Loaded key = signer.current();
        store.publish(key.keyId(), CertificateSigner.ALGORITHM, key.publicKey(), clock.instant());
        return store.key(key.keyId()).orElseThrow();
    }

}
