package org.jixing.provider;

/**
 * Published when a body's filing status changes, so that training can stop a suspended
 * provider's classes and supervision can follow blacklistings.
 */
public record FilingStatusChanged(Registry registry, long bodyId, FilingStatus from, FilingStatus to, String reason) {
}
