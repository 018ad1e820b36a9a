package org.jixing.subsidy;

import java.time.Instant;

/**
 * A step in a claim's life: {@code stage} PROVIDER (filed, filed again), CITY or
 * PROVINCE; {@code decision} FILE, RESUBMIT, APPROVE, REJECT or RETURN.
 */
public record ClaimReview(String stage, String decision, String comment, String decidedBy, Instant decidedAt) {
}
