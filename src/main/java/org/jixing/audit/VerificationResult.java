package org.jixing.audit;

import java.time.Instant;

/**
 * The outcome of checking the chain: how many entries were checked, and where and why it
 * breaks ({@code brokenAt} and {@code problem} are null when it is intact).
 * {@code checkpoint} is the latest checkpoint the trail was held against, or the
 * checkpoint that shows the problem (null when there is none of this trail yet).
 */
public record VerificationResult(long checked, Long brokenAt, Problem problem, Instant checkedAt,
        Checkpoint checkpoint) {

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
        HEAD_MISMATCH,
        /**
         * The trail ends before a signed checkpoint: entries at the end were deleted (and
         * the head row rewritten to hide it).
         */
        TRUNCATED,
        /**
         * The entry a signed checkpoint names has another hash: the trail was cut and
         * written again from there.
         */
        CHECKPOINT_MISMATCH,
        /** A line of the checkpoint file does not carry a valid signature. */
        CHECKPOINT_FORGED

    }

    public boolean intact() {
        return problem == null;
    }

}
