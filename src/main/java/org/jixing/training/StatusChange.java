package org.jixing.training;

import java.time.Instant;

/** One step of a class's history. */
public record StatusChange(ClassStatus status, String reason, String decidedBy, Instant decidedAt) {
}
