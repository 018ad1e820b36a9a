package org.jixing.training;

import java.time.LocalDateTime;

/** A session as the provider plans it, in Beijing time. */
public record PlannedSession(LocalDateTime startsAt, LocalDateTime endsAt, Long teacherId, String topic) {
}
