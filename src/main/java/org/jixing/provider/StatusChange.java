package org.jixing.provider;

import java.time.Instant;

/** One step of a body's filing history. */
public record StatusChange(FilingStatus status, String reason, String decidedBy, Instant decidedAt) {
}
