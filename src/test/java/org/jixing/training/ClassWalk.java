package org.jixing.training;

import java.time.Duration;
import java.time.Instant;

import org.jixing.TestClock;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.springframework.stereotype.Component;

/**
 * Walks a class through its calendar by moving the test clock, as time would pass: to its
 * first session (it may start, check-ins count), past a session (its attendance may be
 * marked by hand), to its completion (the last session over and the late-upload window
 * closed). Tests take a class through its life with these steps, never by completing it
 * before it ran. The clock keeps running from where it was moved and is reset after each
 * test.
 */
@Component
public class ClassWalk {

    static final CurrentUser PROVINCE = new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN,
            DataScope.province("370000"));

    private final ClassOpenings openings;

    private final TestClock clock;

    ClassWalk(ClassOpenings openings, TestClock clock) {
        this.openings = openings;
        this.clock = clock;
    }

    /** The class's calendar, read as the province. */
    public ClassCalendar calendar(long classId) {
        return RunAs.user(PROVINCE, () -> openings.calendar(classId));
    }

    /** The session of a class counting from 1. */
    public ClassSession session(long classId, int seq) {
        return calendar(classId).sessions().get(seq - 1);
    }

    /** To the start of the class's first session: it may start and check-ins count. */
    public Instant toFirstSession(long classId) {
        return toSession(classId, 1);
    }

    /** To the start of a session. */
    public Instant toSession(long classId, int seq) {
        return to(session(classId, seq).startsAt());
    }

    /** A minute after a session ended: its attendance may be marked or corrected. */
    public Instant pastSession(long classId, int seq) {
        return to(session(classId, seq).endsAt().plus(Duration.ofMinutes(1)));
    }

    /**
     * To the end of a session's check-in window: every check-in and check-out the
     * session's terminals could send has happened, and the session has ended.
     */
    public Instant afterCheckIns(long classId, int seq) {
        return to(calendar(classId).checkInsUntil(session(classId, seq)));
    }

    /** To the moment the class may complete: its last session's late uploads are over. */
    public Instant toCompletion(long classId) {
        return to(calendar(classId).completesFrom());
    }

    /** The clock reads {@code at}, unless it is already later: time does not go back. */
    private Instant to(Instant at) {
        if (clock.instant().isBefore(at)) {
            clock.moveTo(at);
        }
        return at;
    }

}
