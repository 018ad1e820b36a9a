package org.jixing.shared.throttle;

/**
 * Too many attempts of one kind by one caller: answered 429 with {@code Retry-After} on
 * the API and a message naming the wait on pages.
 */
public class ThrottledException extends RuntimeException {

    private final String use;

    private final long retryAfterSeconds;

    public ThrottledException(String use, long retryAfterSeconds) {
        super(use + " throttled for " + retryAfterSeconds + " s");
        this.use = use;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The use whose bucket is empty, e.g. {@code eligibility-check}. */
    public String use() {
        return use;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

}
