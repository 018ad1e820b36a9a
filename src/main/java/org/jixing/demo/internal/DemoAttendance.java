package org.jixing.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.jixing.training.AttendanceKind;
import org.jixing.training.PlannedSession;
import org.jixing.training.TrainingHistory.PastCheckIn;

/**
 * The sessions of a demo province's past class and its trainees' check-ins at the
 * terminals: mostly on time at the venue, now and then a missed session or a first
 * attempt refused and retried.
 */
final class DemoAttendance {

    private DemoAttendance() {
    }

    /**
     * Full weekdays, 08:30 to 17:00 with the lunch hour taught, until the hours are met.
     */
    static List<PlannedSession> sessions(LocalDate start, int hours, long teacher) {
        List<PlannedSession> s = new ArrayList<>();
        double taught = 0;
        for (LocalDate d = start; taught < hours; d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            s.add(new PlannedSession(d.atTime(8, 30), d.atTime(17, 0), teacher, null));
            taught += 8.5;
        }
        return s;
    }

    /**
     * A trainee's terminal events: mostly a check-in before and a check-out after each
     * session; now and then a missed session, a first attempt from outside the venue or
     * with a poor face match, retried a few minutes later.
     */
    static List<PastCheckIn> checkIns(List<PlannedSession> sessions, double lat, double lng, SplittableRandom random,
            int[] device) {
        List<PastCheckIn> events = new ArrayList<>();
        boolean oftenAway = random.nextInt(14) == 0;
        for (int i = 0; i < sessions.size(); i++) {
            PlannedSession s = sessions.get(i);
            if (random.nextInt(oftenAway ? 2 : 40) == 0) {
                continue;
            }
            String terminal = "T-" + (device[0]++ % 997);
            LocalDateTime in = s.startsAt().minusMinutes(random.nextInt(25));
            int trouble = random.nextInt(40);
            if (trouble == 0) {
                events
                    .add(event(i + 1, AttendanceKind.CHECK_IN, in.minusMinutes(3), lat + 0.02, lng, "0.93", terminal));
            }
            else if (trouble == 1) {
                events.add(event(i + 1, AttendanceKind.CHECK_IN, in.minusMinutes(2), lat, lng, "0.41", terminal));
            }
            events.add(event(i + 1, AttendanceKind.CHECK_IN, in, near(lat, random), near(lng, random),
                    "0.9" + random.nextInt(10), terminal));
            events.add(event(i + 1, AttendanceKind.CHECK_OUT, s.endsAt().plusMinutes(random.nextInt(20)),
                    near(lat, random), near(lng, random), "0.9" + random.nextInt(10), terminal));
        }
        return events;
    }

    private static PastCheckIn event(int session, AttendanceKind kind, LocalDateTime at, double lat, double lng,
            String face, String device) {
        return new PastCheckIn(session, kind, at, coordinate(lat), coordinate(lng), new BigDecimal(face), device);
    }

    private static double near(double v, SplittableRandom random) {
        return v + (random.nextDouble() - 0.5) * 0.002;
    }

    static BigDecimal coordinate(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP);
    }

}
