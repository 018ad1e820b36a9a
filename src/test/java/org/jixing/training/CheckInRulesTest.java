package org.jixing.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.jixing.training.CheckInRules.Facts;
import org.jixing.training.CheckInRules.Sender;
import org.junit.jupiter.api.Test;

/** The attendance rules without Spring: a session 09:00-12:00 at a venue in Jinan. */
class CheckInRulesTest {

    static final Instant NINE = Instant.parse("2026-12-14T01:00:00Z");

    static final BigDecimal LAT = new BigDecimal("36.651");

    static final BigDecimal LNG = new BigDecimal("117.120");

    final AttendanceProperties settings = new AttendanceProperties(30, 500, 0.8, 0.8, 120, 48, Set.of("L01"));

    final CheckInRules rules = new CheckInRules(settings);

    static TrainingClass trainingClass(boolean subsidised, String line, ClassStatus status) {
        return new TrainingClass(1, "370100-1", 7, "测试学校", "370100", 1, line, line + "-1", "WELDER", "JUNIOR",
                ClassType.REGULAR, null, null, subsidised, "历下区", LAT, LNG, LocalDate.of(2026, 12, 14),
                LocalDate.of(2026, 12, 14), 30, status, null, NINE, NINE, 1);
    }

    static final ClassSession SESSION = new ClassSession(11, 1, 1, NINE, NINE.plus(Duration.ofHours(3)), 1, "王老师",
            null);

    static CheckInTerminal terminal(BigDecimal lat, Instant retiredAt) {
        return new CheckInTerminal(5, 7, "370100", "T-1", "一楼大厅", "历下区", lat, LNG, "staff", NINE.minusSeconds(86_400),
                retiredAt == null ? null : "staff", retiredAt, retiredAt == null ? null : "坏了");
    }

    /** A terminal's check-in at 08:55 received at once: everything in order. */
    static Facts fromTerminal() {
        Instant at = NINE.minus(Duration.ofMinutes(5));
        return new Facts(Sender.TERMINAL, trainingClass(true, "L04", ClassStatus.RUNNING), SESSION, true, "T-1",
                terminal(LAT, null), at, at.plusSeconds(1), true, LAT, LNG, new BigDecimal("0.93"), false);
    }

    static Facts with(Facts f, Instant time, Instant received) {
        return new Facts(f.sender(), f.trainingClass(), f.session(), f.ownProvider(), f.deviceId(), f.terminal(), time,
                received, f.enrolled(), f.latitude(), f.longitude(), f.faceScore(), f.duplicate());
    }

    CheckInRefusal refusal(Facts f) {
        return rules.judge(f).refusal();
    }

    @Test
    void aRegisteredTerminalAtTheVenueWithAFaceMatchInsideTheWindowIsAccepted() {
        CheckInRules.Verdict v = rules.judge(fromTerminal());
        assertThat(v.accepted()).isTrue();
        assertThat(v.late()).isFalse();
    }

    @Test
    void aCheckInDatedTomorrowIsRejectedWhateverItsWindowSays() {
        Facts f = fromTerminal();
        // The session is tomorrow and the event claims to be at it, but arrives today.
        assertThat(refusal(with(f, f.time(), f.time().minus(Duration.ofDays(1)))))
            .isEqualTo(CheckInRefusal.DATED_IN_FUTURE);
    }

    @Test
    void aClockAFewSecondsAheadIsForgivenUpToTheSkewAndCountsAsItsArrival() {
        Facts f = fromTerminal();
        Instant arrived = SESSION.startsAt().minus(Duration.ofMinutes(31));
        // 90 s ahead: within the skew, but it counts for its arrival, before the window.
        assertThat(refusal(with(f, arrived.plusSeconds(90), arrived))).isEqualTo(CheckInRefusal.OUTSIDE_WINDOW);
        assertThat(refusal(with(f, arrived.plusSeconds(121), arrived))).isEqualTo(CheckInRefusal.DATED_IN_FUTURE);
        Instant inside = SESSION.startsAt();
        assertThat(rules.judge(with(f, inside.plusSeconds(119), inside)).accepted()).isTrue();
    }

    @Test
    void aBufferedEventUploadedTheNextDayIsAcceptedAndMarkedLate() {
        Facts f = fromTerminal();
        CheckInRules.Verdict v = rules.judge(with(f, f.time(), f.time().plus(Duration.ofHours(20))));
        assertThat(v.accepted()).isTrue();
        assertThat(v.late()).isTrue();
    }

    @Test
    void anUploadAfterTheLateWindowOfTheSessionIsRejected() {
        Facts f = fromTerminal();
        Instant closes = settings.lateUploadClosesAt(SESSION.endsAt());
        // 48 hours after the session's check-out window (30 minutes after its end)
        // closes.
        assertThat(closes).isEqualTo(SESSION.endsAt().plus(Duration.ofMinutes(30)).plus(Duration.ofHours(48)));
        assertThat(rules.judge(with(f, f.time(), closes)).accepted()).isTrue();
        assertThat(refusal(with(f, f.time(), closes.plusSeconds(1)))).isEqualTo(CheckInRefusal.UPLOADED_TOO_LATE);
    }

    @Test
    void aTerminalOfAnotherProviderIsRefusedOnTheSession() {
        Facts f = fromTerminal();
        assertThat(refusal(new Facts(f.sender(), f.trainingClass(), f.session(), false, f.deviceId(), null, f.time(),
                f.receivedAt(), false, f.latitude(), f.longitude(), f.faceScore(), false)))
            .isEqualTo(CheckInRefusal.OTHER_PROVIDER);
    }

    @Test
    void anUnregisteredRetiredOrDistantTerminalIsRefused() {
        Facts f = fromTerminal();
        assertThat(refusal(new Facts(f.sender(), f.trainingClass(), f.session(), true, "T-9", null, f.time(),
                f.receivedAt(), true, f.latitude(), f.longitude(), f.faceScore(), false)))
            .isEqualTo(CheckInRefusal.UNREGISTERED_DEVICE);
        assertThat(refusal(
                new Facts(f.sender(), f.trainingClass(), f.session(), true, "T-1", terminal(LAT, NINE.minusSeconds(60)),
                        f.time(), f.receivedAt(), true, f.latitude(), f.longitude(), f.faceScore(), false)))
            .isEqualTo(CheckInRefusal.RETIRED_DEVICE);
        // Registered 5.5 km north of the class's venue.
        assertThat(refusal(new Facts(f.sender(), f.trainingClass(), f.session(), true, "T-1",
                terminal(new BigDecimal("36.70"), null), f.time(), f.receivedAt(), true, null, null, f.faceScore(),
                false)))
            .isEqualTo(CheckInRefusal.TERMINAL_ELSEWHERE);
        assertThat(refusal(new Facts(f.sender(), f.trainingClass(), f.session(), true, null, null, f.time(),
                f.receivedAt(), true, f.latitude(), f.longitude(), f.faceScore(), false)))
            .isEqualTo(CheckInRefusal.DEVICE_REQUIRED);
    }

    @Test
    void aRegisteredTerminalNeedsNoPositionOfItsOwnButAPhoneDoes() {
        Facts f = fromTerminal();
        assertThat(rules
            .judge(new Facts(f.sender(), f.trainingClass(), f.session(), true, "T-1", f.terminal(), f.time(),
                    f.receivedAt(), true, null, null, f.faceScore(), false))
            .accepted()).isTrue();
        assertThat(refusal(new Facts(Sender.PHONE, f.trainingClass(), f.session(), true, "phone-1", null, f.time(),
                f.receivedAt(), true, null, null, f.faceScore(), false)))
            .isEqualTo(CheckInRefusal.OUTSIDE_RADIUS);
        assertThat(rules
            .judge(new Facts(Sender.PHONE, f.trainingClass(), f.session(), true, "phone-1", null, f.time(),
                    f.receivedAt(), true, LAT, LNG, f.faceScore(), false))
            .accepted()).isTrue();
    }

    @Test
    void aSubsidisedClassOrAListedLineNeedsAFaceResultAndOthersDoNot() {
        Facts f = fromTerminal();
        assertThat(refusal(new Facts(f.sender(), trainingClass(true, "L04", ClassStatus.RUNNING), f.session(), true,
                "T-1", f.terminal(), f.time(), f.receivedAt(), true, LAT, LNG, null, false)))
            .isEqualTo(CheckInRefusal.FACE_REQUIRED);
        assertThat(refusal(new Facts(f.sender(), trainingClass(false, "L01", ClassStatus.RUNNING), f.session(), true,
                "T-1", f.terminal(), f.time(), f.receivedAt(), true, LAT, LNG, null, false)))
            .isEqualTo(CheckInRefusal.FACE_REQUIRED);
        assertThat(rules
            .judge(new Facts(f.sender(), trainingClass(false, "L04", ClassStatus.RUNNING), f.session(), true, "T-1",
                    f.terminal(), f.time(), f.receivedAt(), true, LAT, LNG, null, false))
            .accepted()).isTrue();
        assertThat(refusal(new Facts(f.sender(), trainingClass(false, "L04", ClassStatus.RUNNING), f.session(), true,
                "T-1", f.terminal(), f.time(), f.receivedAt(), true, LAT, LNG, new BigDecimal("0.41"), false)))
            .isEqualTo(CheckInRefusal.LOW_FACE_MATCH);
    }

    @Test
    void historyIsExemptFromDevicesAndArrivalButNotFromTheOtherRules() {
        Instant longAgo = NINE.minus(Duration.ofDays(400));
        ClassSession past = new ClassSession(11, 1, 1, longAgo, longAgo.plus(Duration.ofHours(3)), 1, "王老师", null);
        Facts history = new Facts(Sender.HISTORY, trainingClass(true, "L04", ClassStatus.RUNNING), past, true, null,
                null, longAgo, longAgo, true, LAT, LNG, new BigDecimal("0.95"), false);
        assertThat(rules.judge(history).accepted()).isTrue();
        assertThat(refusal(new Facts(Sender.HISTORY, history.trainingClass(), past, true, null, null, longAgo, longAgo,
                true, LAT, LNG, null, false)))
            .isEqualTo(CheckInRefusal.FACE_REQUIRED);
        assertThat(refusal(new Facts(Sender.HISTORY, history.trainingClass(), past, true, null, null,
                longAgo.minus(Duration.ofHours(2)), longAgo, true, LAT, LNG, new BigDecimal("0.95"), false)))
            .isEqualTo(CheckInRefusal.OUTSIDE_WINDOW);
    }

    @Test
    void theSecondCheckInOfTheSessionIsADuplicateAndAClosedClassTakesNone() {
        Facts f = fromTerminal();
        assertThat(refusal(new Facts(f.sender(), f.trainingClass(), f.session(), true, "T-1", f.terminal(), f.time(),
                f.receivedAt(), true, LAT, LNG, f.faceScore(), true)))
            .isEqualTo(CheckInRefusal.DUPLICATE);
        assertThat(refusal(new Facts(f.sender(), trainingClass(true, "L04", ClassStatus.COMPLETED), f.session(), true,
                "T-1", f.terminal(), f.time(), f.receivedAt(), true, LAT, LNG, f.faceScore(), false)))
            .isEqualTo(CheckInRefusal.CLASS_NOT_OPEN);
        assertThat(refusal(new Facts(f.sender(), f.trainingClass(), f.session(), true, "T-1", f.terminal(), f.time(),
                f.receivedAt(), false, LAT, LNG, f.faceScore(), false)))
            .isEqualTo(CheckInRefusal.NOT_ENROLLED);
    }

    @Test
    void theFaceRequiredLinesOnlyAddToTheClassesOwnFlag() {
        assertThat(settings.faceRequired(true, "L04")).isTrue();
        assertThat(settings.faceRequired(false, "L01")).isTrue();
        assertThat(settings.faceRequired(false, "L04")).isFalse();
        assertThat(new AttendanceProperties(null, null, null, null, null, null, null).faceRequired(true, "L04"))
            .isTrue();
    }

}
