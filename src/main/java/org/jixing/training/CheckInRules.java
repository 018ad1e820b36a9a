package org.jixing.training;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The attendance rules as one pure function of what the server knows about an event: a
 * single check-in, each event of a batch and each event of an earlier system's history
 * are judged here, the same way. The rules apply in the order of {@link CheckInRefusal}:
 * first what does not depend on believing the sender (the session, whose it is, the
 * device, when the event arrived), then what the event says. The time an event counts for
 * is bounded by its arrival: the sender's clock may run ahead by the allowed skew, no
 * more. History's events are exempt from the rules about devices and arrival only (they
 * are old by nature and came from the earlier system), never from the others.
 */
final class CheckInRules {

    /** Who sent an event, which decides the rules about devices and arrival. */
    enum Sender {

        /** Provider staff, that is a terminal: its device must be registered. */
        TERMINAL(DeviceKind.TERMINAL),
        /** A trainee's own account from the phone app: its device id is required. */
        PHONE(DeviceKind.PHONE),
        /** The earlier system's records, brought over by {@link TrainingHistory}. */
        HISTORY(DeviceKind.HISTORY);

        private final DeviceKind deviceKind;

        Sender(DeviceKind deviceKind) {
            this.deviceKind = deviceKind;
        }

        DeviceKind deviceKind() {
            return deviceKind;
        }

    }

    /**
     * Everything the server knows when it judges one event. {@code ownProvider}: the
     * session's class belongs to the sending terminal's provider; {@code terminal}: the
     * sending provider's registration of the device, if any (retired ones too);
     * {@code enrolled}: the person is on the class's roster, enrolled, and (from a phone)
     * is the sender; {@code duplicate}: the session already has an accepted event of this
     * kind for the person.
     */
    record Facts(Sender sender, TrainingClass trainingClass, ClassSession session, boolean ownProvider, String deviceId,
            CheckInTerminal terminal, Instant time, Instant receivedAt, boolean enrolled, BigDecimal latitude,
            BigDecimal longitude, BigDecimal faceScore, boolean duplicate) {
    }

    /**
     * The outcome: accepted when {@code refusal} is null; {@code late} when the event
     * arrived more than the allowed skew after the time it names (a terminal that was
     * offline uploading its buffer).
     */
    record Verdict(CheckInRefusal refusal, boolean late) {

        boolean accepted() {
            return refusal == null;
        }

    }

    private final AttendanceProperties settings;

    CheckInRules(AttendanceProperties settings) {
        this.settings = settings;
    }

    Verdict judge(Facts f) {
        boolean live = f.sender() != Sender.HISTORY;
        Duration skew = Duration.ofSeconds(settings.clockSkewSeconds());
        boolean late = live && f.time().isBefore(f.receivedAt().minus(skew));
        return new Verdict(refusal(f, live, skew), late);
    }

    private CheckInRefusal refusal(Facts f, boolean live, Duration skew) {
        TrainingClass tc = f.trainingClass();
        ClassSession session = f.session();
        if (tc == null || session == null) {
            return CheckInRefusal.UNKNOWN_SESSION;
        }
        if (f.sender() == Sender.TERMINAL && !f.ownProvider()) {
            return CheckInRefusal.OTHER_PROVIDER;
        }
        Instant counted = f.time();
        if (live) {
            if (f.deviceId() == null || f.deviceId().isBlank()) {
                return CheckInRefusal.DEVICE_REQUIRED;
            }
            if (f.sender() == Sender.TERMINAL) {
                CheckInTerminal t = f.terminal();
                if (t == null) {
                    return CheckInRefusal.UNREGISTERED_DEVICE;
                }
                if (!t.active()) {
                    return CheckInRefusal.RETIRED_DEVICE;
                }
                if (metres(t.venueLat(), t.venueLng(), tc.venueLat(), tc.venueLng()) > settings.radiusMetres()) {
                    return CheckInRefusal.TERMINAL_ELSEWHERE;
                }
            }
            if (f.time().isAfter(f.receivedAt().plus(skew))) {
                return CheckInRefusal.DATED_IN_FUTURE;
            }
            if (f.receivedAt().isAfter(settings.lateUploadClosesAt(session.endsAt()))) {
                return CheckInRefusal.UPLOADED_TOO_LATE;
            }
            if (counted.isAfter(f.receivedAt())) {
                counted = f.receivedAt();
            }
        }
        if (tc.status() != ClassStatus.APPROVED && tc.status() != ClassStatus.RUNNING) {
            return CheckInRefusal.CLASS_NOT_OPEN;
        }
        if (!f.enrolled()) {
            return CheckInRefusal.NOT_ENROLLED;
        }
        Duration window = Duration.ofMinutes(settings.windowMinutes());
        if (counted.isBefore(session.startsAt().minus(window)) || counted.isAfter(session.endsAt().plus(window))) {
            return CheckInRefusal.OUTSIDE_WINDOW;
        }
        // A registered terminal's place is its venue, judged above; a position it sends
        // must agree. A phone's (and history's) position is all there is, so it is
        // needed.
        if (f.latitude() == null || f.longitude() == null) {
            if (f.sender() != Sender.TERMINAL) {
                return CheckInRefusal.OUTSIDE_RADIUS;
            }
        }
        else if (metres(f.latitude(), f.longitude(), tc.venueLat(), tc.venueLng()) > settings.radiusMetres()) {
            return CheckInRefusal.OUTSIDE_RADIUS;
        }
        if (f.faceScore() == null) {
            if (settings.faceRequired(tc.subsidised(), tc.lineCode())) {
                return CheckInRefusal.FACE_REQUIRED;
            }
        }
        else if (f.faceScore().doubleValue() < settings.minimumFaceScore()) {
            return CheckInRefusal.LOW_FACE_MATCH;
        }
        return f.duplicate() ? CheckInRefusal.DUPLICATE : null;
    }

    /** Great-circle distance in metres (haversine). */
    static double metres(BigDecimal lat1, BigDecimal lng1, BigDecimal lat2, BigDecimal lng2) {
        double r = 6_371_000;
        double p1 = Math.toRadians(lat1.doubleValue());
        double p2 = Math.toRadians(lat2.doubleValue());
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2.doubleValue() - lng1.doubleValue());
        double a = Math.sin(dp / 2) * Math.sin(dp / 2)
                + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }

}
