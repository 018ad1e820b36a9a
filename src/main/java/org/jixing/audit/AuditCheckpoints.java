package org.jixing.audit;

import java.util.List;

/**
 * The trail's checkpoints: the chain's head signed at intervals
 * ({@code jixing.audit.checkpoint.interval}) and at shutdown, appended to a file in the
 * data directory and written to the log. Reading and exporting them is for the province
 * administrator and auditors.
 */
public interface AuditCheckpoints {

    /**
     * Signs the chain's head now and appends it, unless it has not moved since the last
     * checkpoint or the trail is empty; returns the checkpoint written, or null.
     */
    Checkpoint take();

    /**
     * Every checkpoint line of the file, oldest first, each with its signature checked.
     */
    List<Checkpoint> all();

    /** The public half of the key that signs checkpoints, and its id. */
    PublicKey publicKey();

    /**
     * The checkpoint file as it is, after a comment line naming the public key, for
     * keeping elsewhere.
     */
    String export();

    /**
     * The key that verifies checkpoint signatures: X.509 SubjectPublicKeyInfo, base64.
     */
    record PublicKey(String keyId, String algorithm, String x509Base64) {
    }

}
