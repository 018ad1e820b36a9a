package org.jixing.training;

import java.util.List;

/**
 * The answer to a batch of check-ins: how many events arrived, how many were stored now,
 * accepted, rejected, answered as replays (their client key was stored before, or came
 * earlier in the same batch) and refused as malformed, and one answer per event in the
 * order they were sent.
 */
public record CheckInBatchResult(int received, int stored, int accepted, int rejected, int replayed, int invalid,
        List<Answer> results) {

    /**
     * One event's answer: its position in the batch and client key, whether it was
     * accepted and if not why ({@code reason}: a {@link CheckInRefusal}, or INVALID_INPUT
     * with {@code errors} naming the fields, then nothing was stored), the outcome in the
     * caller's language, and {@code replay} when the client key had been stored before
     * (the first answer stands and nothing new was stored; {@code sameAs} is the index of
     * the first event with the key when it came earlier in this batch).
     */
    public record Answer(int index, String clientKey, boolean accepted, String reason, String message, boolean replay,
            Integer sameAs, List<FieldError> errors) {
    }

    /**
     * A malformed event's field, the rule it breaks, and the rule in the caller's
     * language.
     */
    public record FieldError(String field, String rule, String message) {
    }

}
