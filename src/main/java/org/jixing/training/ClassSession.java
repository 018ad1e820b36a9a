package org.jixing.training;

import java.time.Duration;
import java.time.Instant;

/** A scheduled session of a class. */
public record ClassSession(long id, long classId, int seq, Instant startsAt, Instant endsAt, long teacherId,
        String teacherName, String topic) {

    public double hours() {
        return Duration.between(startsAt, endsAt).toMinutes() / 60.0;
    }

}
