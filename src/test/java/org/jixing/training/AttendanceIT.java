package org.jixing.training;

import static org.jixing.TestIdNumbers.adultIdNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.account.Accounts;
import org.jixing.account.NewAccount;
import org.jixing.person.People;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.shared.scope.ScopeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import tools.jackson.databind.JsonNode;

@RecordApplicationEvents
class AttendanceIT extends IntegrationTest implements AttendanceFixtures {

    private AttendanceClass attendance;

    private Provider p;

    private long classId;

    private long session;

    private String alice;

    private String bob;

    /** The provider's terminal at the venue. */
    private String terminal;

    @BeforeEach
    void classWithTwoTraineesAndATerminal() throws Exception {
        attendance = attendanceClass();
        p = attendance.provider();
        classId = attendance.classId();
        session = attendance.session();
        alice = attendance.alice();
        bob = attendance.bob();
        terminal = attendance.terminal();
    }

    @Override
    public AttendanceClass attendance() {
        return attendance;
    }

    @Autowired
    Accounts accounts;

    @Autowired
    ClassWalk walk;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    People peopleService;

    @Test
    void acceptedCheckInAndCheckOutMakeASessionAttendedAndRejectionsAreKeptWithTheirReason() throws Exception {
        assertThat(sendLive(event(key(), session, alice, "CHECK_IN", at(8, 55), terminal), at(8, 55)).get("accepted")
            .asBoolean()).isTrue();
        assertThat(sendLive(event(key(), session, alice, "CHECK_OUT", at(12, 2), terminal), at(12, 2)).get("accepted")
            .asBoolean()).isTrue();

        clock.moveTo(at(12, 5));
        JsonNode far = send(event(key(), session, bob, "CHECK_IN", at(9, 0), terminal, "36.70", "117.12", "0.93"));
        assertThat(far.get("accepted").asBoolean()).isFalse();
        assertThat(far.get("reason").asString()).isEqualTo("OUTSIDE_RADIUS");
        assertThat(far.get("message").asString()).isEqualTo("Not within 500 metres of the venue.");
        JsonNode early = send(event(key(), session, bob, "CHECK_IN", at(7, 0), terminal));
        assertThat(early.get("reason").asString()).isEqualTo("OUTSIDE_WINDOW");
        // The refusal names the window it missed, in the province's time.
        assertThat(early.get("message").asString()).matches(
                "Outside the session's window: check-ins and check-outs count from \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d "
                        + "to \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d \\(\\d+ minutes around the session\\)\\.");
        assertThat(
                send(event(key(), session, adultIdNumber(), "CHECK_IN", at(9, 0), terminal)).get("reason").asString())
            .isEqualTo("NOT_ENROLLED");
        assertThat(send(event(key(), session, alice, "CHECK_IN", at(9, 5), terminal)).get("reason").asString())
            .isEqualTo("DUPLICATE");
        assertThat(send(event(key(), session, bob, "CHECK_IN", at(9, 5), terminal, "36.651", "117.12", "0.41"))
            .get("reason")
            .asString()).isEqualTo("LOW_FACE_MATCH");
        assertThat(send(event(key(), 999_999_999L, bob, "CHECK_IN", at(9, 5), terminal)).get("reason").asString())
            .isEqualTo("UNKNOWN_SESSION");

        mvc.perform(get("/api/v1/classes/" + classId + "/sessions/" + session + "/attendance").cookie(p.staff()))
            .andExpect(jsonPath("$[?(@.attended == true)]").value(Matchers.hasSize(1)))
            .andExpect(jsonPath("$[?(@.checkInLate == true)]").isEmpty());
        mvc.perform(get("/api/v1/classes/" + classId + "/sessions/" + session + "/attendance-events").cookie(jinan()))
            .andExpect(jsonPath("$[?(@.accepted == false)]").value(Matchers.hasSize(5)));
    }

    @Test
    void aCheckInDatedTomorrowIsRejectedAndKeptWithBothTimes() throws Exception {
        // The day before the session, a trainee's check-in "for tomorrow" arrives.
        clock.moveTo(at(9, 0).minus(Duration.ofDays(1)));
        String key = key();
        JsonNode answer = send(event(key, session, alice, "CHECK_IN", at(9, 0), terminal));
        assertThat(answer.get("accepted").asBoolean()).isFalse();
        assertThat(answer.get("reason").asString()).isEqualTo("DATED_IN_FUTURE");
        assertThat(answer.get("message").asString())
            .isEqualTo("Dated after the server received it (by more than the 120 seconds a clock may be off).");
        var row = jdbc.sql("select occurred_at, received_at from attendance_event where client_key = :k")
            .param("k", key)
            .query((rs, n) -> new Instant[] { rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant() })
            .single();
        assertThat(row[0]).isEqualTo(at(9, 0));
        assertThat(Duration.between(row[1], at(9, 0).minus(Duration.ofDays(1))).abs())
            .isLessThan(Duration.ofMinutes(1));
        // On the day, the same check-in counts; the session is not attended by the first.
        assertThat(sendLive(event(key(), session, alice, "CHECK_IN", at(9, 0), terminal), at(9, 0)).get("accepted")
            .asBoolean()).isTrue();
    }

    @Test
    void anEventWithoutAFaceResultOnASubsidisedClassIsRejectedWithItsReason() throws Exception {
        JsonNode answer = sendLive(
                event(key(), session, alice, "CHECK_IN", at(8, 50), terminal, "36.651", "117.12", "null"), at(8, 50));
        assertThat(answer.get("accepted").asBoolean()).isFalse();
        assertThat(answer.get("reason").asString()).isEqualTo("FACE_REQUIRED");
        assertThat(answer.get("message").asString())
            .isEqualTo("This class needs face verification and the event carries no face result.");
        assertThat(body(postJson("/api/v1/attendance/check-ins", p.staff(),
                event(key(), session, alice, "CHECK_IN", at(8, 51), terminal, "36.651", "117.12", "null")))
            .get("message")
            .asString()).isEqualTo("本班须人脸核验，这条记录没有人脸比对结果。");
    }

    @Test
    void anUnregisteredOrRetiredDeviceAndATerminalRegisteredElsewhereAreRefused() throws Exception {
        clock.moveTo(at(8, 50));
        assertThat(send(event(key(), session, alice, "CHECK_IN", at(8, 50), "T-NOBODY")).get("reason").asString())
            .isEqualTo("UNREGISTERED_DEVICE");
        assertThat(send(event(key(), session, alice, "CHECK_IN", at(8, 50), null)).get("reason").asString())
            .isEqualTo("DEVICE_REQUIRED");
        // Registered at the provider's other campus, 5 km north.
        String elsewhere = registerTerminal(p.staff(), "36.70", "117.12");
        JsonNode far = send(event(key(), session, alice, "CHECK_IN", at(8, 50), elsewhere));
        assertThat(far.get("reason").asString()).isEqualTo("TERMINAL_ELSEWHERE");
        assertThat(far.get("message").asString())
            .isEqualTo("The terminal is registered at a place more than 500 metres from the class's venue.");
        // A device of another provider is not this provider's terminal.
        Provider other = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        String theirs = registerTerminal(other.staff(), "36.651", "117.12");
        assertThat(send(event(key(), session, alice, "CHECK_IN", at(8, 50), theirs)).get("reason").asString())
            .isEqualTo("UNREGISTERED_DEVICE");

        long id = jdbc.sql("select id from check_in_terminal where device_id = :d")
            .param("d", terminal)
            .query(Long.class)
            .single();
        postJson("/api/v1/attendance/terminals/" + id + "/retirement", p.staff(), """
                {"reason":"屏幕损坏，送修"}""").andExpect(status().isOk());
        assertThat(send(event(key(), session, alice, "CHECK_IN", at(8, 50), terminal)).get("reason").asString())
            .isEqualTo("RETIRED_DEVICE");
        assertThat(jdbc.sql(
                "select count(*) from attendance_event where session_id = :s and accepted = true and enrolment_id is not null")
            .param("s", session)
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void aTerminalOfOneProviderIsRefusedOnAnotherProvidersSession() throws Exception {
        Provider other = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        String theirs = registerTerminal(other.staff(), "36.651", "117.12");
        clock.moveTo(at(8, 50));
        JsonNode answer = body(postJson("/api/v1/attendance/check-ins?lang=en", other.staff(),
                event(key(), session, alice, "CHECK_IN", at(8, 50), theirs)));
        assertThat(answer.get("accepted").asBoolean()).isFalse();
        assertThat(answer.get("reason").asString()).isEqualTo("OTHER_PROVIDER");
        assertThat(answer.get("message").asString()).isEqualTo(
                "This session belongs to another provider's class: your terminals check in only your own provider's sessions.");
        // Kept, and shown on the session's own sheet, without the class in the other's
        // record.
        mvc.perform(get("/api/v1/classes/" + classId + "/sessions/" + session + "/attendance-events").cookie(p.staff()))
            .andExpect(jsonPath("$[?(@.reason == 'OTHER_PROVIDER')].deviceId").value(theirs));
        assertThat(jdbc.sql("select count(*) from attendance_event where device_id = :d and class_id is null")
            .param("d", theirs)
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    @Test
    void aTraineesPhoneSendsItsOwnDeviceIdAndChecksInOnlyItsOwner() throws Exception {
        long alicePerson = peopleService.findByIdNumber(alice).orElseThrow().id();
        String username = "trainee-" + alicePerson;
        accounts.create(new NewAccount(username, "学员", "trainee-password-123", Role.TRAINEE, ScopeKind.PERSON,
                String.valueOf(alicePerson), "370100"));
        Cookie phone = SignedIn.as(mvc, username, "trainee-password-123");
        String token = jdbc.sql("select token from enrolment where class_id = :c and person_id = :p")
            .param("c", classId)
            .param("p", alicePerson)
            .query(String.class)
            .single();
        String bobToken = jdbc.sql("select e.token from enrolment e where e.class_id = :c and e.person_id <> :p")
            .param("c", classId)
            .param("p", alicePerson)
            .query(String.class)
            .single();
        clock.moveTo(at(8, 52));
        String noDevice = """
                {"clientKey":"%s","sessionId":%d,"token":"%s","time":"%s","latitude":36.651,"longitude":117.12,
                 "faceScore":0.91}""".formatted(key(), session, token, at(8, 52));
        assertThat(body(postJson("/api/v1/attendance/check-ins?lang=en", phone, noDevice)).get("reason").asString())
            .isEqualTo("DEVICE_REQUIRED");
        String forBob = """
                {"clientKey":"%s","sessionId":%d,"token":"%s","time":"%s","deviceId":"phone-A1","latitude":36.651,
                 "longitude":117.12,"faceScore":0.91}""".formatted(key(), session, bobToken, at(8, 52));
        assertThat(body(postJson("/api/v1/attendance/check-ins?lang=en", phone, forBob)).get("reason").asString())
            .isEqualTo("NOT_ENROLLED");
        String own = key();
        assertThat(body(postJson("/api/v1/attendance/check-ins?lang=en", phone, """
                {"clientKey":"%s","sessionId":%d,"token":"%s","time":"%s","deviceId":"phone-A1","latitude":36.651,
                 "longitude":117.12,"faceScore":0.91}""".formatted(own, session, token, at(8, 52)))).get("accepted")
            .asBoolean()).isTrue();
        // The device of every accepted event is kept, and which kind it was.
        assertThat(jdbc.sql("select device_id || '/' || device_kind from attendance_event where client_key = :k")
            .param("k", own)
            .query(String.class)
            .single()).isEqualTo("phone-A1/PHONE");
        String byTerminal = key();
        sendLive(event(byTerminal, session, bob, "CHECK_IN", at(8, 53), terminal), at(8, 53));
        assertThat(jdbc
            .sql("""
                    select a.device_kind || '/' || t.name from attendance_event a join check_in_terminal t on t.id = a.terminal_id
                    where a.client_key = :k and a.accepted = true""")
            .param("k", byTerminal)
            .query(String.class)
            .single()).isEqualTo("TERMINAL/一楼大厅");
    }

    @Test
    void aRetryWithTheSameClientKeyIsTheSameEvent() throws Exception {
        String key = key();
        String json = event(key, session, alice, "CHECK_IN", at(9, 0), terminal);
        clock.moveTo(at(9, 0));
        long first = body(postJson("/api/v1/attendance/check-ins", p.staff(), json).andExpect(status().isCreated()))
            .get("eventId")
            .asLong();
        // Retried a day later: the first answer stands, although it would now be late.
        clock.advance(Duration.ofDays(1));
        JsonNode again = body(postJson("/api/v1/attendance/check-ins", p.staff(), json).andExpect(status().isOk()));
        assertThat(again.get("eventId").asLong()).isEqualTo(first);
        assertThat(again.get("replay").asBoolean()).isTrue();
        assertThat(again.get("accepted").asBoolean()).isTrue();
        assertThat(stored(key)).isEqualTo(1);
    }

    @Test
    void aCheckInWithoutWhoOrWhenIsRefusedNamingTheFields() throws Exception {
        postJson("/api/v1/attendance/check-ins?lang=en", p.staff(), """
                {"clientKey":"","sessionId":%d}""".formatted(session)).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[?(@.field == 'clientKey')]").exists())
            .andExpect(jsonPath("$.errors[?(@.field == 'time')]").exists())
            .andExpect(jsonPath("$.errors[?(@.field == 'idNumber')].message")
                .value("Give the trainee's ID number or token."));
        // Another city's officer is no terminal.
        postJson("/api/v1/attendance/check-ins", jinan(), event(key(), session, alice, "CHECK_IN", at(9, 0), terminal))
            .andExpect(status().isForbidden());
    }

    @Test
    void aSessionThatHasNotEndedCannotBeMarkedByHandAndTheRefusalSaysFromWhen() throws Exception {
        long bobEnrolment = body(mvc.perform(get("/api/v1/classes/" + classId + "/enrolments").cookie(p.staff())))
            .get("items")
            .findValues("id")
            .get(1)
            .asLong();
        String correction = """
                {"enrolmentId":%d,"present":true,"reason":"教师点名确认到课"}""".formatted(bobEnrolment);
        String corrections = "/api/v1/classes/" + classId + "/sessions/" + session + "/attendance/corrections";
        String ends = start() + " 12:00";
        // Before the session, and during it: the refusal names when it ends.
        walk.toFirstSession(classId);
        postJson(corrections, p.staff(), correction).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].rule").value("training.error.attendance.notEnded"))
            .andExpect(jsonPath("$.errors[0].message").value("第 1 次课尚未结束：可于 " + ends + " 起补录或更正考勤。"));
        clock.moveTo(walk.session(classId, 1).endsAt().minusSeconds(60));
        postJson(corrections, p.staff(), correction).andExpect(status().isUnprocessableContent());
        assertThat(jdbc.sql("select count(*) from attendance_event where enrolment_id = :e")
            .param("e", bobEnrolment)
            .query(Long.class)
            .single()).isZero();
        // Once it has ended, the provider marks what happened.
        walk.pastSession(classId, 1);
        postJson(corrections, p.staff(), correction).andExpect(status().isOk());
        mvc.perform(get("/api/v1/classes/" + classId + "/attendance-rates").cookie(p.staff()))
            .andExpect(jsonPath("$['" + bobEnrolment + "'].attended").value(1));
    }

    @Test
    void theProviderCorrectsWithAReasonAndCompletionFollowsAttendanceAndAssessment() throws Exception {
        sendLive(event(key(), session, alice, "CHECK_IN", at(9, 0), terminal), at(9, 0));
        sendLive(event(key(), session, alice, "CHECK_OUT", at(12, 0), terminal), at(12, 0));
        JsonNode roster = body(mvc.perform(get("/api/v1/classes/" + classId + "/enrolments").cookie(p.staff())))
            .get("items");
        long aliceEnrolment = -1;
        long bobEnrolment = -1;
        for (JsonNode e : roster) {
            if (e.get("idNumberMasked").asString().endsWith(alice.substring(14))) {
                aliceEnrolment = e.get("id").asLong();
            }
            else {
                bobEnrolment = e.get("id").asLong();
            }
        }
        postJson("/api/v1/classes/" + classId + "/sessions/" + session + "/attendance/corrections", p.staff(), """
                {"enrolmentId":%d,"present":true,"reason":""}""".formatted(bobEnrolment))
            .andExpect(status().isUnprocessableContent());
        postJson("/api/v1/classes/" + classId + "/sessions/" + session + "/attendance/corrections", p.staff(), """
                {"enrolmentId":%d,"present":true,"reason":"终端故障，教师点名确认到课"}""".formatted(bobEnrolment))
            .andExpect(status().isOk());
        assertThat(
                jdbc.sql("select count(*) from audit_entry where action = 'attendance.correct' and after_json like :r")
                    .param("r", "%终端故障%")
                    .query(Long.class)
                    .single())
            .isEqualTo(1);
        mvc.perform(get("/api/v1/classes/" + classId + "/attendance-rates").cookie(p.staff()))
            .andExpect(jsonPath("$['" + bobEnrolment + "'].attended").value(1));

        start(classId, p.staff());
        // Alice has been a veteran since before the class: her completion records it.
        RunAs.user(new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN, DataScope.province("370000")),
                () -> peopleService.addGroup(peopleService.findByIdNumber(alice).orElseThrow().id(), "VETERAN", "退役证",
                        start().minusYears(1), null));
        events.clear();
        JsonNode outcome = complete(classId, p.staff(), List.of(bobEnrolment));
        for (JsonNode e : outcome) {
            if (e.get("id").asLong() == aliceEnrolment) {
                assertThat(e.get("status").asString()).isEqualTo("COMPLETED");
            }
            else {
                assertThat(e.get("status").asString()).isEqualTo("NOT_COMPLETED");
                assertThat(e.get("completionReason").asString()).isEqualTo("考核未通过");
            }
        }
        assertThat(events.stream(TrainingCompleted.class)).singleElement()
            .satisfies(t -> assertThat(t.lineCode()).isEqualTo("L04"))
            .satisfies(t -> assertThat(t.subsidised()).isTrue())
            .satisfies(t -> assertThat(t.groupCodes()).containsExactly("VETERAN"));
        assertThat(jdbc.sql("select group_code from enrolment_completion_group where enrolment_id = :e")
            .param("e", aliceEnrolment)
            .query(String.class)
            .list()).containsExactly("VETERAN");
        // Attendance of a completed class no longer changes.
        postJson("/api/v1/classes/" + classId + "/sessions/" + session + "/attendance/corrections", p.staff(), """
                {"enrolmentId":%d,"present":false,"reason":"补录"}""".formatted(aliceEnrolment))
            .andExpect(status().isUnprocessableContent());
        // A buffered check-out that arrives now (its upload window closed when the class
        // could complete) is kept and shown, and changes nothing.
        JsonNode late = send(event(key(), session, bob, "CHECK_OUT", at(12, 1), terminal));
        assertThat(late.get("accepted").asBoolean()).isFalse();
        assertThat(late.get("reason").asString()).isEqualTo("UPLOADED_TOO_LATE");
        assertThat(late.get("message").asString())
            .startsWith("Uploaded too late: this session's buffered events had to arrive by ");
        mvc.perform(get("/api/v1/classes/" + classId + "/attendance-rates").cookie(p.staff()))
            .andExpect(jsonPath("$['" + bobEnrolment + "'].attended").value(1))
            .andExpect(jsonPath("$['" + aliceEnrolment + "'].attended").value(1));
    }

}
