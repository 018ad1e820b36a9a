package org.jixing.supervision;

/**
 * A complaint as filed: the provider (and optionally one of its classes), what happened,
 * and a contact (required from the public; a trainee's own account is enough).
 */
public record NewComplaint(Long providerId, Long classId, String details, String contact) {
}
