package org.jixing.supervision;

import java.time.Instant;

/** A scan as recorded: NIGHTLY or ON_DEMAND, over which period, with what result. */
public record ScanRun(long id, String kind, Instant from, Instant to, String startedBy, Instant startedAt,
        Instant finishedAt, int rulesRun, int hits, int alertsNew, int alertsMerged) {
}
