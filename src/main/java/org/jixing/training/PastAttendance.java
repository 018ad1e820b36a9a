package org.jixing.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.shared.InvalidInputException;
import org.jixing.training.TrainingHistory.PastCheckIn;
import org.jixing.training.TrainingHistory.PastTrainee;
import org.jixing.training.internal.AttendanceStore;
import org.springframework.stereotype.Component;

/**
 * The check-ins of a past class, judged by the live attendance rules
 * ({@link CheckInJudge}) and kept, rejected ones too; and who completed by them
 * ({@link CompletionRule}).
 */
@Component
class PastAttendance {

    /** A check-in of a past class as judged, to be written once its enrolment exists. */
    record Event(long personId, int index, long sessionId, PastCheckIn checkIn, Instant at, String reason) {
    }

    /**
     * The judged check-ins, how many were rejected, and the sessions each person
     * attended.
     */
    record Judged(List<Event> events, int rejected, Map<Long, Integer> attended) {
    }

    private final CheckInJudge judge;

    private final AttendanceStore store;

    private final CompletionRule completion;

    PastAttendance(CheckInJudge judge, AttendanceStore store, CompletionRule completion) {
        this.judge = judge;
        this.store = store;
        this.completion = completion;
    }

    /** Judges the trainees' check-ins in the class's sessions (numbered from 1). */
    Judged judge(TrainingClass running, List<ClassSession> sessions, Collection<PastTrainee> trainees) {
        List<Event> events = new ArrayList<>();
        List<AttendanceStore.Accepted> accepted = new ArrayList<>();
        int rejected = 0;
        for (PastTrainee t : trainees) {
            Set<String> taken = new HashSet<>();
            for (int i = 0; i < t.checkIns().size(); i++) {
                PastCheckIn c = t.checkIns().get(i);
                if (c.session() < 1 || c.session() > sessions.size() || c.kind() == null || c.kind().isCorrection()
                        || c.time() == null) {
                    throw InvalidInputException.of("checkIns", "training.error.history.checkIn", c.session());
                }
                ClassSession session = sessions.get(c.session() - 1);
                Instant at = c.time().atZone(ClassOpenings.CHINA).toInstant();
                String key = c.session() + ":" + c.kind();
                String reason = judge.history(running, session, true, at, c.latitude(), c.longitude(), c.faceScore(),
                        () -> taken.contains(key));
                if (reason == null) {
                    taken.add(key);
                    // Keyed by person until the enrolments exist.
                    accepted.add(new AttendanceStore.Accepted(session.id(), t.personId(), c.kind(), at, null));
                }
                else {
                    rejected++;
                }
                events.add(new Event(t.personId(), i, session.id(), c, at, reason));
            }
        }
        Map<Long, Integer> attended = new HashMap<>();
        Attendance.attendance(accepted)
            .values()
            .forEach(byPerson -> byPerson
                .forEach((person, present) -> attended.merge(person, present ? 1 : 0, Integer::sum)));
        return new Judged(events, rejected, attended);
    }

    /** Why a trainee did not complete; empty when they did. */
    List<String> shortfalls(Judged judged, long personId, int sessions, boolean passedAssessment) {
        return completion.shortfalls(new Attendance.Rate(judged.attended().getOrDefault(personId, 0), sessions),
                !passedAssessment);
    }

    /**
     * Writes the judged check-ins against the enrolments (by person) as they now exist.
     */
    void write(TrainingClass running, Judged judged, Map<Long, Long> enrolmentIds, String by) {
        store.insertAll(judged.events()
            .stream()
            .map(p -> new AttendanceStore.NewEvent(
                    "history-" + running.id() + "-" + enrolmentIds.get(p.personId()) + "-" + p.index(), p.sessionId(),
                    running.id(), enrolmentIds.get(p.personId()), running.providerId(), running.regionCode(),
                    running.lineCode(), p.checkIn().kind(), p.at(), p.at(), p.checkIn().deviceId(),
                    p.checkIn().latitude(), p.checkIn().longitude(), p.checkIn().faceScore(), p.reason() == null,
                    p.reason(), by, null))
            .toList());
    }

}
