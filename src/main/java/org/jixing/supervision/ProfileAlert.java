package org.jixing.supervision;

import java.time.Instant;

/**
 * One alert of a provider's or body's risk profile: when it was first seen, its rule,
 * status, severity.
 */
public record ProfileAlert(Instant firstSeenAt, String ruleCode, AlertStatus status, Severity severity) {
}
