package org.jixing.audit;

import java.time.Instant;

/**
 * A signed record of the chain's head at a moment: the last entry's sequence number and
 * hash, kept in a file outside the database (and in the log), so that entries removed
 * from the end of the trail, head row and all, are still missed. {@code chain} is the
 * hash of the trail's first entry: checkpoints of another database's trail are not
 * compared.
 *
 * @param line the line of the checkpoint file it was read from (1-based)
 * @param signatureValid whether its Ed25519 signature verifies with the audit key
 */
public record Checkpoint(int line, long seq, String hash, Instant at, String chain, String keyId,
        boolean signatureValid) {
}
