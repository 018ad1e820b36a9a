package org.jixing.supervision;

/**
 * A decision on an alert: DISMISSED (the alert was false; counts against its rule),
 * CLEARED (the hold on payment lifted, the finding kept) or CONFIRMED (the pattern is
 * real; a blocking alert keeps holding). The reason is required.
 */
public record AlertDecision(AlertStatus to, int version, String reason) {
}
