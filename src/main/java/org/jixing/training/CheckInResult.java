package org.jixing.training;

/**
 * The answer to a check-in: the stored event's id, whether it was accepted, and if not
 * why ({@code reason}: OUTSIDE_WINDOW, OUTSIDE_RADIUS, NOT_ENROLLED, DUPLICATE,
 * UNKNOWN_SESSION, LOW_FACE_MATCH). {@code replay} is true when the client key had been
 * seen: nothing new was stored.
 */
public record CheckInResult(long eventId, boolean accepted, String reason, String message, boolean replay) {
}
