package org.jixing.supervision;

import java.io.Serializable;
import java.time.Instant;

/**
 * What one run of the rules did. {@code runId} is null for a run on an arriving event.
 * Serializable: a page shows it after a redirect, from the session.
 */
public record ScanSummary(Long runId, Instant from, Instant to, int rulesRun, int hits, int alertsNew,
        int alertsMerged) implements Serializable {
}
