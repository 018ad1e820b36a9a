package org.jixing.supervision.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jixing.supervision.ScanWindow;
import org.jixing.training.AttendanceFacts;
import org.jixing.training.AttendanceFacts.CheckInFact;

/** The accepted check-ins of a window by session, each trainee's first only. */
final class SessionCheckIns {

    private SessionCheckIns() {
    }

    /** A session's check-ins, oldest first, each enrolment once. */
    static Map<Long, List<CheckInFact>> bySession(List<CheckInFact> checkIns) {
        Map<Long, Map<Long, CheckInFact>> first = new TreeMap<>();
        List<CheckInFact> sorted = new ArrayList<>(checkIns);
        sorted.sort(Comparator.comparing(CheckInFact::occurredAt).thenComparing(CheckInFact::eventId));
        for (CheckInFact c : sorted) {
            first.computeIfAbsent(c.sessionId(), k -> new LinkedHashMap<>()).putIfAbsent(c.enrolmentId(), c);
        }
        Map<Long, List<CheckInFact>> out = new LinkedHashMap<>();
        first.forEach((s, m) -> out.put(s, new ArrayList<>(m.values())));
        return out;
    }

    /**
     * The check-ins a window covers: of its classes when focused on classes (a session's
     * others too, a day around), else all of the window's; nothing for a window focused
     * on other records.
     */
    static List<CheckInFact> read(AttendanceFacts facts, ScanWindow window) {
        if (window.focused() && window.classIds().isEmpty()) {
            return List.of();
        }
        Duration margin = window.focused() ? Duration.ofHours(12) : Duration.ZERO;
        return facts.checkIns(window.from().minus(margin), window.to().plus(margin), List.of(), window.classIds());
    }

}
