package org.jixing.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The calendar a class's life obeys, as a provider meets it: a class opened for next week
 * (Monday and Tuesday, 09:00 to 12:00) under the default settings (check-ins 30 minutes
 * either side of a session, offline terminals may upload for 48 hours).
 */
class ClassCalendarTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHINA).toInstant();
    }

    static ClassSession session(long id, int seq, String from, String until) {
        return new ClassSession(id, 7, seq, at(from), at(until), 1, "王老师", null);
    }

    // Given out of order: the calendar orders them.
    final List<ClassSession> nextWeek = List.of(session(12, 2, "2026-12-15T09:00", "2026-12-15T12:00"),
            session(11, 1, "2026-12-14T09:00", "2026-12-14T12:00"));

    final ClassCalendar calendar = ClassCalendar.of(nextWeek,
            new AttendanceProperties(null, null, null, null, null, null, null));

    @Test
    void aClassOpenedForNextWeekCannotStartThisWeekAndSaysWhenItCan() {
        assertThat(calendar.waitsFor(ClassDecision.START, at("2026-12-07T08:00"))).contains(at("2026-12-14T08:30"));
        assertThat(calendar.startsFrom()).isEqualTo(at("2026-12-14T08:30"));
    }

    @Test
    void aClassStartsOnceItsFirstSessionsCheckInWindowOpens() {
        assertThat(calendar.waitsFor(ClassDecision.START, at("2026-12-14T08:29"))).isPresent();
        assertThat(calendar.waitsFor(ClassDecision.START, at("2026-12-14T08:30"))).isEmpty();
        assertThat(calendar.waitsFor(ClassDecision.START, at("2026-12-15T10:00"))).isEmpty();
    }

    @Test
    void aClassCompletesOnlyOnceLateUploadsOfItsLastSessionCanNoLongerArrive() {
        // The last check-out counts until 12:30; a terminal that was offline may upload
        // it
        // until 48 hours later.
        Instant from = at("2026-12-17T12:30");
        assertThat(calendar.completesFrom()).isEqualTo(from);
        assertThat(calendar.waitsFor(ClassDecision.COMPLETE, at("2026-12-15T12:01"))).contains(from);
        assertThat(calendar.waitsFor(ClassDecision.COMPLETE, from.minusSeconds(1))).contains(from);
        assertThat(calendar.waitsFor(ClassDecision.COMPLETE, from)).isEmpty();
    }

    @Test
    void attendanceIsMarkedByHandOnlyForASessionThatHasEnded() {
        ClassSession first = calendar.sessions().get(0);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(calendar.correctionWaitsFor(first, at("2026-12-14T11:59"))).contains(at("2026-12-14T12:00"));
        assertThat(calendar.correctionWaitsFor(first, at("2026-12-14T12:00"))).isEmpty();
        assertThat(calendar.correctionWaitsFor(calendar.sessions().get(1), at("2026-12-14T12:00")))
            .contains(at("2026-12-15T12:00"));
    }

    @Test
    void checkInsCountFromHalfAnHourBeforeASessionToHalfAnHourAfterIt() {
        ClassSession first = calendar.sessions().get(0);
        assertThat(calendar.checkInsFrom(first)).isEqualTo(at("2026-12-14T08:30"));
        assertThat(calendar.checkInsUntil(first)).isEqualTo(at("2026-12-14T12:30"));
    }

    @Test
    void approvingClosingAndCancellingDoNotWaitForTheCalendar() {
        Instant early = at("2026-12-01T00:00");
        for (ClassDecision d : List.of(ClassDecision.APPROVE, ClassDecision.REJECT, ClassDecision.CLOSE,
                ClassDecision.CANCEL)) {
            assertThat(calendar.waitsFor(d, early)).as(d.name()).isEmpty();
        }
    }

    @Test
    void aProvincesSettingsMoveTheTimes() {
        ClassCalendar strict = ClassCalendar.of(nextWeek,
                new AttendanceProperties(15, null, null, null, null, 24, null));
        assertThat(strict.startsFrom()).isEqualTo(at("2026-12-14T08:45"));
        assertThat(strict.completesFrom()).isEqualTo(at("2026-12-15T12:15").plus(Duration.ofHours(24)));
    }

}
