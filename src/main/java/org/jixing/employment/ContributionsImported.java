package org.jixing.employment;

import java.time.Instant;

/**
 * A contribution file was imported (status DONE): the follow-ups of the people it matched
 * are recomputed. Published after the import committed, outside a transaction;
 * supervision's rule on classes for the unemployed runs on it.
 */
public record ContributionsImported(long importId, int rowsMatched, Instant finishedAt) {
}
