package org.jixing.supervision;

import java.time.Instant;

/** One decision taken on an alert, with its reason. */
public record DecisionTaken(AlertStatus from, AlertStatus to, String reason, String decidedBy, Instant decidedAt) {
}
