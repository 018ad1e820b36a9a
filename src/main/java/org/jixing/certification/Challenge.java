package org.jixing.certification;

import java.time.Instant;

/** A challenge (异议) to a published result, and its decision once made. */
public record Challenge(long id, long resultId, long batchId, String reason, String raisedBy, Instant raisedAt,
        Decision decision, String decisionNote, String decidedBy, Instant decidedAt) {

    public enum Decision {

        UPHELD, DISMISSED

    }

}
