package org.jixing.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixing.person.People;
import org.jixing.training.internal.AttendanceStore;
import org.jixing.training.internal.EnrolmentStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verified attendance as it stands: a session counts as attended with an accepted
 * check-in and check-out ({@link CheckIns}), unless the provider corrected it
 * ({@link AttendanceCorrections}). The sheet of a session, every event of it, and each
 * trainee's rate over the class.
 */
@Service
public class Attendance {

    private final AttendanceStore store;

    private final EnrolmentStore enrolments;

    private final ClassOpenings openings;

    private final People people;

    private final AttendanceOutcomes outcomes;

    Attendance(AttendanceStore store, EnrolmentStore enrolments, ClassOpenings openings, People people,
            AttendanceOutcomes outcomes) {
        this.store = store;
        this.enrolments = enrolments;
        this.openings = openings;
        this.people = people;
        this.outcomes = outcomes;
    }

    /**
     * An outcome in the user's language; where the reason is about time and the session
     * is known, the message names the times of that session's windows.
     */
    public String describe(String reason, ClassSession session) {
        return outcomes.describe(reason, session);
    }

    /** A trainee's attendance over a class: sessions attended of all sessions. */
    public record Rate(int attended, int sessions) {

        public double value() {
            return sessions == 0 ? 0 : (double) attended / sessions;
        }

        public int percent() {
            return (int) Math.floor(value() * 100);
        }

    }

    /**
     * Attendance per session and enrolment: the last correction wins, else check-in and
     * check-out.
     */
    static Map<Long, Map<Long, Boolean>> attendance(List<AttendanceStore.Accepted> events) {
        Map<Long, Map<Long, boolean[]>> marks = new HashMap<>();
        for (AttendanceStore.Accepted e : events) {
            boolean[] m = marks.computeIfAbsent(e.sessionId(), k -> new HashMap<>())
                .computeIfAbsent(e.enrolmentId(), k -> new boolean[4]);
            switch (e.kind()) {
                case CHECK_IN -> m[0] = true;
                case CHECK_OUT -> m[1] = true;
                case MARK_PRESENT -> {
                    m[2] = true;
                    m[3] = true;
                }
                case MARK_ABSENT -> {
                    m[2] = true;
                    m[3] = false;
                }
            }
        }
        Map<Long, Map<Long, Boolean>> out = new HashMap<>();
        marks.forEach((session, byEnrolment) -> byEnrolment.forEach((enrolment,
                m) -> out.computeIfAbsent(session, k -> new HashMap<>()).put(enrolment, m[2] ? m[3] : m[0] && m[1])));
        return out;
    }

    /** Each enrolment's attendance rate over the class's sessions. */
    @Transactional(readOnly = true)
    public Map<Long, Rate> rates(long classId) {
        int sessions = openings.sessions(classId).size();
        Map<Long, Integer> attended = new HashMap<>();
        attendance(store.acceptedOfClass(classId))
            .forEach((session, byEnrolment) -> byEnrolment.forEach((enrolment, present) -> {
                if (present) {
                    attended.merge(enrolment, 1, Integer::sum);
                }
            }));
        Map<Long, Rate> rates = new HashMap<>();
        for (EnrolmentStore.Row e : enrolments.roster(classId)) {
            rates.put(e.id(), new Rate(attended.getOrDefault(e.id(), 0), sessions));
        }
        return rates;
    }

    /** A session's sheet: one row per trainee on the roster. */
    @Transactional(readOnly = true)
    public List<AttendanceRow> sheet(long classId, long sessionId) {
        ClassSession session = openings.session(classId, sessionId);
        Map<Long, AttendanceEvent> in = new HashMap<>();
        Map<Long, AttendanceEvent> out = new HashMap<>();
        Map<Long, AttendanceEvent> corrections = new HashMap<>();
        List<AttendanceEvent> events = store.ofSession(session.id())
            .stream()
            .filter(e -> e.accepted() && e.enrolmentId() != null)
            .sorted(Comparator.comparing(AttendanceEvent::receivedAt).thenComparing(AttendanceEvent::id))
            .toList();
        for (AttendanceEvent e : events) {
            switch (e.kind()) {
                case CHECK_IN -> in.putIfAbsent(e.enrolmentId(), e);
                case CHECK_OUT -> out.put(e.enrolmentId(), e);
                default -> corrections.put(e.enrolmentId(), e);
            }
        }
        Map<Long, Boolean> attended = attendance(events.stream()
            .map(e -> new AttendanceStore.Accepted(session.id(), e.enrolmentId(), e.kind(), e.occurredAt(), e.note()))
            .toList()).getOrDefault(session.id(), Map.of());
        List<AttendanceRow> rows = new ArrayList<>();
        List<EnrolmentStore.Row> roster = enrolments.roster(classId);
        var persons = people.findAll(roster.stream().map(EnrolmentStore.Row::personId).toList());
        for (EnrolmentStore.Row e : roster) {
            if (e.status() == EnrolmentStatus.WITHDRAWN) {
                continue;
            }
            var p = persons.get(e.personId());
            var correction = corrections.get(e.id());
            var checkIn = in.get(e.id());
            var checkOut = out.get(e.id());
            rows.add(new AttendanceRow(e.id(), p == null ? null : p.name(), p == null ? null : p.idNumberMasked(),
                    checkIn == null ? null : checkIn.occurredAt(), checkIn != null && checkIn.uploadedLate(),
                    checkOut == null ? null : checkOut.occurredAt(), checkOut != null && checkOut.uploadedLate(),
                    correction == null ? null : correction.kind(), correction == null ? null : correction.note(),
                    attended.getOrDefault(e.id(), false)));
        }
        return rows;
    }

    /** Every event of a session, rejected ones too, for the sheet. */
    @Transactional(readOnly = true)
    public List<AttendanceEvent> events(long classId, long sessionId) {
        return store.ofSession(openings.session(classId, sessionId).id());
    }

}
