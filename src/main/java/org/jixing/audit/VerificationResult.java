package org.jixing.audit;

import java.time.Instant;

/**
 * The outcome of checking the chain: how many entries were checked, and where and why it
 * breaks ({@code brokenAt} and {@code problem} are null when it is intact).
 */
public record VerificationResult(long checked, Long brokenAt, Problem problem, Instant checkedAt) {

    /** Why a chain is broken. */
    public enum Problem {

        /** The entry's content no longer gives its hash: it was changed. */
        CHANGED,
        /**
         * The entry does not point at the hash of the one before: an entry was replaced.
         */
        BROKEN_LINK,
        /** A sequence number is missing: an entry was deleted. */
        MISSING,
        /** The chain ends before the recorded head: entries at the end were deleted. */
        HEAD_MISMATCH

    }

    public boolean intact() {
        return problem == null;
    }

}
