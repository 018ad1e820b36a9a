package org.jixing.shared.throttle;

import java.time.Duration;

/**
 * What a bucket said to one attempt: allowed (and how many tokens are left after it), or
 * refused with the time until the next token.
 */
public record ThrottleDecision(boolean allowed, double remaining, Duration retryAfter) {

    static ThrottleDecision allowed(double remaining) {
        return new ThrottleDecision(true, remaining, Duration.ZERO);
    }

    static ThrottleDecision refused(Duration retryAfter) {
        return new ThrottleDecision(false, 0, retryAfter);
    }

    /** Whole seconds to wait, at least one: the value of a Retry-After header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

}
