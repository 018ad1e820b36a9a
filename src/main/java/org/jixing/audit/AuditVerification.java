package org.jixing.audit;

/**
 * Recomputes the hash chain from the first entry to the head, in batches, so a changed,
 * replaced or deleted entry is found whatever the size of the trail.
 */
public interface AuditVerification {

    VerificationResult verify();

    /** The result of the last verification since this node started, or null. */
    VerificationResult last();

}
