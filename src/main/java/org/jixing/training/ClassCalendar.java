package org.jixing.training;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When each step of a class's life becomes possible: a pure function of its sessions and
 * the attendance settings, asked with the moment in question. The services refuse a step
 * before its time with this answer, and the pages ask the same to say when a step becomes
 * possible instead of offering a button that would be refused.
 * <ul>
 * <li>A class starts once its first session's check-in window opens
 * ({@code window-minutes} before the session).</li>
 * <li>Check-ins and check-outs count from {@code window-minutes} before a session to
 * {@code window-minutes} after it.</li>
 * <li>A session's attendance is marked or corrected by hand only once it has ended.</li>
 * <li>A class completes only once its last session has ended and the late-upload window
 * has closed: an offline terminal's check-out, dated up to {@code window-minutes} after
 * the session, may arrive up to {@code late-upload-hours} after that; completion waits
 * until no accepted event can still arrive.</li>
 * </ul>
 * A claim waits for the completion, so it can never be earlier than
 * {@link #completesFrom()}.
 */
public final class ClassCalendar {

    private final List<ClassSession> sessions;

    private final Duration window;

    private final Duration lateUpload;

    ClassCalendar(List<ClassSession> sessions, Duration window, Duration lateUpload) {
        this.sessions = sessions.stream().sorted(Comparator.comparing(ClassSession::startsAt)).toList();
        this.window = window;
        this.lateUpload = lateUpload;
    }

    /** The calendar of these sessions under a province's attendance settings. */
    public static ClassCalendar of(List<ClassSession> sessions, AttendanceProperties rules) {
        return new ClassCalendar(sessions, Duration.ofMinutes(rules.windowMinutes()),
                Duration.ofHours(rules.lateUploadHours()));
    }

    /** How long before and after a session its check-ins count, in minutes. */
    public int windowMinutes() {
        return (int) window.toMinutes();
    }

    /**
     * How long after a check-in window closes an offline terminal may still upload, in
     * hours.
     */
    public int lateUploadHours() {
        return (int) lateUpload.toHours();
    }

    /** The sessions, first to last. */
    public List<ClassSession> sessions() {
        return sessions;
    }

    /**
     * When the class may start: the first session's check-in window opens. Null for a
     * class without sessions (which the opening rules do not allow).
     */
    public Instant startsFrom() {
        return sessions.isEmpty() ? null : checkInsFrom(sessions.get(0));
    }

    /**
     * When the class may complete: the last session has ended and a late upload of its
     * last event can no longer arrive.
     */
    public Instant completesFrom() {
        return sessions.isEmpty() ? null : checkInsUntil(sessions.get(sessions.size() - 1)).plus(lateUpload);
    }

    /** The first moment a check-in for this session counts. */
    public Instant checkInsFrom(ClassSession session) {
        return session.startsAt().minus(window);
    }

    /** The last moment a check-out for this session counts. */
    public Instant checkInsUntil(ClassSession session) {
        return session.endsAt().plus(window);
    }

    /**
     * When this session's attendance may be marked or corrected by hand: once it ended.
     */
    public Instant correctionsFrom(ClassSession session) {
        return session.endsAt();
    }

    /**
     * The moment a step waits for, if the calendar does not allow it yet at {@code now}:
     * starting before the first session's window, completing before the late-upload
     * window of the last session has closed. Empty when the calendar allows it or has no
     * say in it (approval, rejection, closing, cancellation).
     */
    public Optional<Instant> waitsFor(ClassDecision decision, Instant now) {
        Instant from = switch (decision) {
            case START -> startsFrom();
            case COMPLETE -> completesFrom();
            default -> null;
        };
        return from != null && now.isBefore(from) ? Optional.of(from) : Optional.empty();
    }

    /**
     * The moment a hand-made mark or correction of this session waits for, if it has not
     * ended at {@code now}.
     */
    public Optional<Instant> correctionWaitsFor(ClassSession session, Instant now) {
        Instant from = correctionsFrom(session);
        return now.isBefore(from) ? Optional.of(from) : Optional.empty();
    }

}
