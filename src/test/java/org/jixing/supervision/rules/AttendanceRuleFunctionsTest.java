package org.jixing.supervision.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jixing.supervision.Hit;
import org.jixing.supervision.SubjectKind;
import org.jixing.training.AttendanceFacts.CheckInFact;
import org.jixing.training.AttendanceFacts.CorrectionCount;
import org.jixing.training.AttendanceFacts.TerminalUse;
import org.jixing.training.ClassFacts.ClassDelivery;
import org.jixing.training.ClassFacts.PersonOverlap;
import org.jixing.training.ClassFacts.ProviderDay;
import org.jixing.training.ClassFacts.SessionDelivery;
import org.jixing.training.ClassFacts.SessionFact;
import org.jixing.training.ClassFacts.TeacherOverlap;
import org.jixing.training.ClassStatus;
import org.jixing.training.DeviceKind;
import org.junit.jupiter.api.Test;

/** Each rule's pure function fires at its threshold and not below it. */
class AttendanceRuleFunctionsTest {

    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    static final BigDecimal JINAN_LAT = new BigDecimal("36.651");

    static final BigDecimal JINAN_LNG = new BigDecimal("117.12");

    static final BigDecimal QINGDAO_LAT = new BigDecimal("36.067");

    static final BigDecimal QINGDAO_LNG = new BigDecimal("120.383");

    private long ids = 1000;

    CheckInFact checkIn(long person, long classId, long session, Instant at, String device, DeviceKind kind,
            String face, BigDecimal lat, BigDecimal lng) {
        return new CheckInFact(ids++, person, person * 10 + classId, classId, "C" + classId, session, 7, "P7", "370102",
                "L04", at, at, lat, lng, device, kind, null, null, null, face == null ? null : new BigDecimal(face),
                lat, lng, "venue " + classId);
    }

    CheckInFact atJinan(long person, long session, Instant at, String device, String face) {
        return checkIn(person, 1, session, at, device, DeviceKind.PHONE, face, JINAN_LAT, JINAN_LNG);
    }

    @Test
    void twoPlacesFiresWhenTheSpeedNeededIsAboveTheLimit() {
        // About 293 km: in 2 hours that is about 146 km/h, in 3 hours about 98 km/h.
        List<CheckInFact> fast = List.of(atJinan(1, 1, T0, "p1", "0.9"),
                checkIn(1, 2, 2, T0.plusSeconds(7200), "p1", DeviceKind.PHONE, "0.9", QINGDAO_LAT, QINGDAO_LNG));
        List<Hit> hits = TwoPlaces.find(fast, 120, 20, id -> "person " + id);
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.subjectKind()).isEqualTo(SubjectKind.PERSON);
            assertThat(h.subjectId()).isEqualTo(1);
            assertThat(h.targets()).contains(new Hit.Target(SubjectKind.CLASS, 1), new Hit.Target(SubjectKind.CLASS, 2),
                    new Hit.Target(SubjectKind.ENROLMENT, 11), new Hit.Target(SubjectKind.ENROLMENT, 12));
            assertThat(h.evidence()).containsEntry("pairCount", 1);
        });
        List<CheckInFact> slow = List.of(atJinan(1, 1, T0, "p1", "0.9"),
                checkIn(1, 2, 2, T0.plusSeconds(3 * 3600), "p1", DeviceKind.PHONE, "0.9", QINGDAO_LAT, QINGDAO_LNG));
        assertThat(TwoPlaces.find(slow, 120, 20, id -> "")).isEmpty();
        // Below the minimum distance nothing counts, however fast.
        assertThat(TwoPlaces.find(fast, 120, 400, id -> "")).isEmpty();
    }

    @Test
    void deviceManyTraineesCountsDifferentPeopleOnOnePhoneWithinTheTime() {
        List<CheckInFact> five = new ArrayList<>();
        for (int p = 1; p <= 5; p++) {
            five.add(atJinan(p, 1, T0.plusSeconds(60L * p), "phone-x", "0.9" + p));
        }
        assertThat(DeviceManyTrainees.find(five, 5, Duration.ofMinutes(30))).singleElement()
            .satisfies(h -> assertThat(h.evidence()).containsEntry("trainees", 5).containsEntry("device", "phone-x"));
        assertThat(DeviceManyTrainees.find(five, 6, Duration.ofMinutes(30))).isEmpty();
        assertThat(DeviceManyTrainees.find(five, 5, Duration.ofMinutes(3))).isEmpty();
        // A registered terminal checks in whole classes by design.
        List<CheckInFact> terminal = five.stream()
            .map(c -> checkIn(c.personId(), 1, 1, c.occurredAt(), "T-1", DeviceKind.TERMINAL, "0.9", JINAN_LAT,
                    JINAN_LNG))
            .toList();
        assertThat(DeviceManyTrainees.find(terminal, 5, Duration.ofMinutes(30))).isEmpty();
    }

    @Test
    void classWithinSecondsNeedsTheShareWithinTheSeconds() {
        List<CheckInFact> session = new ArrayList<>();
        for (int p = 1; p <= 8; p++) {
            session.add(atJinan(p, 1, T0.plusSeconds(p), "t", "0.9"));
        }
        session.add(atJinan(9, 1, T0.plusSeconds(600), "t", "0.9"));
        session.add(atJinan(10, 1, T0.plusSeconds(900), "t", "0.9"));
        // 8 of 10 within 7 seconds.
        assertThat(ClassWithinSeconds.find(session, Duration.ofSeconds(10), 0.8, 5)).singleElement()
            .satisfies(h -> assertThat(h.subjectKind()).isEqualTo(SubjectKind.CLASS));
        assertThat(ClassWithinSeconds.find(session, Duration.ofSeconds(10), 0.81, 5)).isEmpty();
        assertThat(ClassWithinSeconds.find(session, Duration.ofSeconds(5), 0.8, 5)).isEmpty();
        assertThat(ClassWithinSeconds.find(session, Duration.ofSeconds(10), 0.8, 11)).isEmpty();
    }

    @Test
    void identicalFaceScoresNeedsEnoughTraineesWithTheVeryScore() {
        List<CheckInFact> session = new ArrayList<>();
        for (int p = 1; p <= 5; p++) {
            session.add(atJinan(p, 1, T0.plusSeconds(60L * p), "t", "0.9731"));
        }
        for (int p = 6; p <= 10; p++) {
            session.add(atJinan(p, 1, T0.plusSeconds(60L * p), "t", "0.9" + p));
        }
        assertThat(IdenticalFaceScores.find(session, 5, 0.5)).singleElement()
            .satisfies(h -> assertThat(h.evidence().toString()).contains("0.9731"));
        assertThat(IdenticalFaceScores.find(session, 6, 0.5)).isEmpty();
        assertThat(IdenticalFaceScores.find(session, 5, 0.6)).isEmpty();
    }

    @Test
    void terminalElsewhereFiresOnUsesAwayFromItsVenue() {
        TerminalUse away = new TerminalUse(1, 5, "大厅", "T-5", 7, "370102", JINAN_LAT, JINAN_LNG, 1, 1, "C1", 7,
                QINGDAO_LAT, QINGDAO_LNG, T0, false, "TERMINAL_ELSEWHERE");
        TerminalUse home = new TerminalUse(2, 5, "大厅", "T-5", 7, "370102", JINAN_LAT, JINAN_LNG, 2, 2, "C2", 7,
                JINAN_LAT, JINAN_LNG, T0, true, null);
        assertThat(TerminalElsewhere.find(List.of(away, home), 1000, 1)).singleElement().satisfies(h -> {
            assertThat(h.subjectKind()).isEqualTo(SubjectKind.TERMINAL);
            assertThat(h.evidence()).containsEntry("useCount", 1);
        });
        assertThat(TerminalElsewhere.find(List.of(away, home), 1000, 2)).isEmpty();
        assertThat(TerminalElsewhere.find(List.of(home), 1000, 1)).isEmpty();
    }

    @Test
    void heavyCorrectionsWeighsCorrectionsAgainstAllEvents() {
        List<CorrectionCount> counts = List.of(new CorrectionCount(7, "P7", "370102", 1, "C1", 50, 8, 2),
                new CorrectionCount(7, "P7", "370102", 2, "C2", 50, 0, 0));
        // 10 of 100: a share of 0.1.
        assertThat(HeavyCorrections.find(counts, 0.1, 10)).singleElement()
            .satisfies(h -> assertThat(h.subjectKind()).isEqualTo(SubjectKind.PROVIDER));
        assertThat(HeavyCorrections.find(counts, 0.11, 10)).isEmpty();
        assertThat(HeavyCorrections.find(counts, 0.1, 11)).isEmpty();
    }

    ClassDelivery delivery(int trainees, int programmeHours, int... present) {
        List<SessionDelivery> sessions = new ArrayList<>();
        for (int i = 0; i < present.length; i++) {
            Instant start = T0.plus(Duration.ofDays(i));
            sessions.add(new SessionDelivery(i + 1, i + 1, start, start.plus(Duration.ofHours(3)), present[i], 0));
        }
        return new ClassDelivery(1, "C1", 7, "P7", "370102", "L04", ClassStatus.COMPLETED, programmeHours, trainees,
                sessions);
    }

    @Test
    void perfectAttendanceIsEverybodyAtEverySession() {
        assertThat(PerfectAttendance.find(List.of(delivery(5, 15, 5, 5, 5, 5, 5)), 5, 5)).hasSize(1);
        assertThat(PerfectAttendance.find(List.of(delivery(5, 15, 5, 5, 4, 5, 5)), 5, 5)).isEmpty();
        assertThat(PerfectAttendance.find(List.of(delivery(5, 15, 5, 5, 5, 5, 5)), 6, 5)).isEmpty();
        assertThat(PerfectAttendance.find(List.of(delivery(5, 15, 5, 5, 5, 5, 5)), 5, 6)).isEmpty();
    }

    @Test
    void hoursBelowProgrammeCountsSessionsWhereAnybodyWasPresent() {
        // Five 3-hour sessions for a 15-hour programme; one empty: 12 of 15 hours, 0.8.
        assertThat(HoursBelowProgramme.find(List.of(delivery(5, 15, 5, 5, 0, 5, 5)), 0.81)).hasSize(1);
        assertThat(HoursBelowProgramme.find(List.of(delivery(5, 15, 5, 5, 0, 5, 5)), 0.8)).isEmpty();
    }

    SessionFact session(long id, long classId, long teacher, Instant start, BigDecimal lat, BigDecimal lng) {
        return new SessionFact(id, classId, "C" + classId, 7, "P7", "370102", "L04", 1, start,
                start.plus(Duration.ofHours(3)), teacher, "王老师", lat, lng, "venue");
    }

    @Test
    void overlappingClassesNeedTheMinutesOfOverlap() {
        PersonOverlap o = new PersonOverlap(1, 11, session(1, 1, 1, T0, JINAN_LAT, JINAN_LNG), 12,
                session(2, 2, 2, T0.plus(Duration.ofMinutes(150)), JINAN_LAT, JINAN_LNG));
        assertThat(OverlappingClasses.find(List.of(o), 30, id -> "p")).singleElement()
            .satisfies(h -> assertThat(h.targets()).contains(new Hit.Target(SubjectKind.ENROLMENT, 12)));
        assertThat(OverlappingClasses.find(List.of(o), 31, id -> "p")).isEmpty();
    }

    @Test
    void teacherTwoPlacesNeedsTheVenuesApart() {
        TeacherOverlap o = new TeacherOverlap(session(1, 1, 3, T0, JINAN_LAT, JINAN_LNG),
                session(2, 2, 4, T0, QINGDAO_LAT, QINGDAO_LNG));
        assertThat(TeacherTwoPlaces.find(List.of(o), 1)).singleElement()
            .satisfies(h -> assertThat(h.subjectKind()).isEqualTo(SubjectKind.TEACHER));
        TeacherOverlap same = new TeacherOverlap(session(1, 1, 3, T0, JINAN_LAT, JINAN_LNG),
                session(2, 2, 4, T0, JINAN_LAT, JINAN_LNG));
        assertThat(TeacherTwoPlaces.find(List.of(same), 1)).isEmpty();
    }

    @Test
    void aSurgeIsAboveTheFactorAndTheMinimum() {
        // 28 days of history at 2 a day; 50 today is 25 times.
        List<ProviderDay> days = steady(7, DAY.minusDays(28), 28, 2);
        days.add(day(7, DAY, 50));
        assertThat(Surges.find(days, DAY, DAY, 5, 50, 28, 0)).singleElement().satisfies(h -> {
            assertThat(h.subjectKind()).isEqualTo(SubjectKind.PROVIDER);
            assertThat(h.evidence()).containsEntry("day", DAY.toString()).containsEntry("onDay", 50L);
        });
        assertThat(Surges.find(days, DAY, DAY, 5, 51, 28, 0)).isEmpty();
        assertThat(Surges.find(days, DAY, DAY, 26, 50, 28, 0)).isEmpty();
        // A provider without history is measured against the floor.
        List<ProviderDay> fresh = List.of(day(8, DAY, 50));
        assertThat(Surges.find(fresh, DAY, DAY, 5, 50, 28, 10)).singleElement();
        assertThat(Surges.find(fresh, DAY, DAY, 5, 50, 28, 11)).isEmpty();
    }

    @Test
    void aOneDaySurgeFiresWhateverTheWindowAndASteadyRateDoesNot() {
        // Two a day for a year and its history; on one day of the last fortnight, sixty.
        LocalDate start = DAY.minusDays(365 + 28);
        List<ProviderDay> surging = steady(7, start, 365 + 29, 2);
        surging.removeIf(d -> d.day().equals(DAY.minusDays(5)));
        surging.add(day(7, DAY.minusDays(5), 60));
        LocalDate surge = DAY.minusDays(5);
        // One day, two days, two weeks and a year, each holding the surging day.
        for (LocalDate[] w : new LocalDate[][] { { surge, surge }, { surge, surge.plusDays(1) },
                { DAY.minusDays(13), DAY }, { DAY.minusDays(364), DAY } }) {
            assertThat(Surges.find(surging, w[0], w[1], 5, 50, 28, 2)).as("from %s to %s", w[0], w[1])
                .singleElement()
                .satisfies(h -> assertThat(h.evidence()).containsEntry("day", surge.toString())
                    .containsEntry("onDay", 60L));
        }
        // Sixty a day every day is no surge, whatever the window: its usual rate is
        // sixty.
        List<ProviderDay> steady = steady(9, start, 365 + 29, 60);
        for (int windowDays : new int[] { 2, 14, 365 }) {
            assertThat(Surges.find(steady, DAY.minusDays(windowDays - 1), DAY, 5, 50, 28, 2))
                .as("a %d-day window", windowDays)
                .isEmpty();
        }
    }

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    static ProviderDay day(long provider, LocalDate day, long count) {
        return new ProviderDay(provider, "P" + provider, "370102", day, count);
    }

    static List<ProviderDay> steady(long provider, LocalDate from, int days, long perDay) {
        List<ProviderDay> out = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            out.add(day(provider, from.plusDays(i), perDay));
        }
        return out;
    }

}
