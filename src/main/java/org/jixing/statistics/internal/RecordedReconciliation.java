package org.jixing.statistics.internal;

import java.time.Instant;

/**
 * A reconciliation as recorded: when it ran, what triggered it, the groups it compared
 * and found drifted, the completions missing from the rollups and the extra ones.
 */
public record RecordedReconciliation(Instant ranAt, String trigger, int compared, int drifted, long missing,
        long extra) {
}
