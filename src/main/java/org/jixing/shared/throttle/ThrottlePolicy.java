package org.jixing.shared.throttle;

import java.time.Duration;

/**
 * A token bucket's shape: up to {@code capacity} attempts at once, one more every
 * {@code refillEvery}. A full bucket lets a burst through; an empty one answers with how
 * long until the next token.
 */
public record ThrottlePolicy(int capacity, Duration refillEvery) {

    public ThrottlePolicy {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        if (refillEvery == null || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("refillEvery must be positive");
        }
    }

    /** Tokens regained per millisecond. */
    double ratePerMilli() {
        return 1.0 / refillEvery.toMillis();
    }

}
