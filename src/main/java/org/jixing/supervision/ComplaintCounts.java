package org.jixing.supervision;

/**
 * A provider's complaints by decision, for its quality score: received (all), upheld, not
 * upheld (the rest await a decision).
 */
public record ComplaintCounts(long providerId, long received, long upheld, long notUpheld) {
}
