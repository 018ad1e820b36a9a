package org.jixing.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import tools.jackson.databind.JsonNode;

@RecordApplicationEvents
class AttendanceIT extends TrainingTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    Provider p;

    @org.springframework.beans.factory.annotation.Autowired
    org.jixing.person.People peopleService;

    long classId;

    long session;

    String alice;

    String bob;

    @BeforeEach
    void classWithTwoTrainees() throws Exception {
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        p = provider(jinan, "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        classId = approvedClass(programme, p, 1, 9, start);
        alice = adultIdNumber();
        bob = adultIdNumber();
        for (String id : new String[] { alice, bob }) {
            postJson("/api/v1/classes/" + classId + "/enrolments", p.staff(), """
                    {"idNumber":"%s","name":"学员","phone":"13900002222"}""".formatted(id))
                .andExpect(status().isCreated());
        }
        session = body(mvc.perform(get("/api/v1/classes/" + classId + "/sessions").cookie(p.staff()))).get(0)
            .get("id")
            .asLong();
    }

    /**
     * A check-in at the venue (36.651, 117.12) at the given time of the class's first
     * day.
     */
    String checkIn(String key, long sessionId, String idNumber, String kind, int hour, int minute, double lat,
            double lng, Double face) {
        var time = LocalDateTime.of(start.getYear(), start.getMonth(), start.getDayOfMonth(), hour, minute)
            .atZone(ZoneId.of("Asia/Shanghai"))
            .toInstant();
        return """
                {"clientKey":"%s","sessionId":%d,"idNumber":"%s","kind":"%s","time":"%s","deviceId":"T-1",
                 "latitude":%s,"longitude":%s,"faceScore":%s}""".formatted(key, sessionId, idNumber, kind, time, lat,
                lng, face == null ? "null" : face.toString());
    }

    JsonNode send(String json) throws Exception {
        return body(postJson("/api/v1/attendance/check-ins?lang=en", p.staff(), json));
    }

    @Test
    void acceptedCheckInAndCheckOutMakeASessionAttendedAndRejectionsAreKeptWithTheirReason() throws Exception {
        assertThat(
                send(checkIn(UUID.randomUUID().toString(), session, alice, "CHECK_IN", 8, 55, 36.6511, 117.1201, 0.93))
                    .get("accepted")
                    .asBoolean())
            .isTrue();
        assertThat(send(checkIn(UUID.randomUUID().toString(), session, alice, "CHECK_OUT", 12, 2, 36.651, 117.12, null))
            .get("accepted")
            .asBoolean()).isTrue();

        JsonNode far = send(checkIn(UUID.randomUUID().toString(), session, bob, "CHECK_IN", 9, 0, 36.70, 117.12, null));
        assertThat(far.get("accepted").asBoolean()).isFalse();
        assertThat(far.get("reason").asString()).isEqualTo("OUTSIDE_RADIUS");
        assertThat(far.get("message").asString()).isEqualTo("Not within 500 metres of the venue.");
        assertThat(send(checkIn(UUID.randomUUID().toString(), session, bob, "CHECK_IN", 7, 0, 36.651, 117.12, null))
            .get("reason")
            .asString()).isEqualTo("OUTSIDE_WINDOW");
        assertThat(send(
                checkIn(UUID.randomUUID().toString(), session, adultIdNumber(), "CHECK_IN", 9, 0, 36.651, 117.12, null))
            .get("reason")
            .asString()).isEqualTo("NOT_ENROLLED");
        assertThat(send(checkIn(UUID.randomUUID().toString(), session, alice, "CHECK_IN", 9, 5, 36.651, 117.12, null))
            .get("reason")
            .asString()).isEqualTo("DUPLICATE");
        assertThat(send(checkIn(UUID.randomUUID().toString(), session, bob, "CHECK_IN", 9, 5, 36.651, 117.12, 0.41))
            .get("reason")
            .asString()).isEqualTo("LOW_FACE_MATCH");
        assertThat(
                send(checkIn(UUID.randomUUID().toString(), 999_999_999L, bob, "CHECK_IN", 9, 5, 36.651, 117.12, null))
                    .get("reason")
                    .asString())
            .isEqualTo("UNKNOWN_SESSION");

        mvc.perform(get("/api/v1/classes/" + classId + "/sessions/" + session + "/attendance").cookie(p.staff()))
            .andExpect(jsonPath("$[?(@.attended == true)]").value(org.hamcrest.Matchers.hasSize(1)));
        mvc.perform(get("/api/v1/classes/" + classId + "/sessions/" + session + "/attendance-events").cookie(jinan))
            .andExpect(jsonPath("$[?(@.accepted == false)]").value(org.hamcrest.Matchers.hasSize(5)));
    }

    @Test
    void aRetryWithTheSameClientKeyIsTheSameEvent() throws Exception {
        String key = UUID.randomUUID().toString();
        String json = checkIn(key, session, alice, "CHECK_IN", 9, 0, 36.651, 117.12, null);
        long first = body(postJson("/api/v1/attendance/check-ins", p.staff(), json).andExpect(status().isCreated()))
            .get("eventId")
            .asLong();
        JsonNode again = body(postJson("/api/v1/attendance/check-ins", p.staff(), json).andExpect(status().isOk()));
        assertThat(again.get("eventId").asLong()).isEqualTo(first);
        assertThat(again.get("replay").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from attendance_event where client_key = :k")
            .param("k", key)
            .query(Long.class)
            .single()).isEqualTo(1);
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
        postJson("/api/v1/attendance/check-ins", jinan,
                checkIn(UUID.randomUUID().toString(), session, alice, "CHECK_IN", 9, 0, 36.651, 117.12, null))
            .andExpect(status().isForbidden());
    }

    @Test
    void theProviderCorrectsWithAReasonAndCompletionFollowsAttendanceAndAssessment() throws Exception {
        send(checkIn(UUID.randomUUID().toString(), session, alice, "CHECK_IN", 9, 0, 36.651, 117.12, null));
        send(checkIn(UUID.randomUUID().toString(), session, alice, "CHECK_OUT", 12, 0, 36.651, 117.12, null));
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

        int version = body(mvc.perform(get("/api/v1/classes/" + classId).cookie(p.staff()))).get("version").asInt();
        version = body(postJson("/api/v1/classes/" + classId + "/decisions", p.staff(), """
                {"verb":"start","version":%d}""".formatted(version))).get("version").asInt();
        // Alice has been a veteran since before the class: her completion records it.
        org.jixing.shared.scope.RunAs.user(new org.jixing.shared.scope.CurrentUser(1, "admin", "admin",
                org.jixing.shared.scope.Role.PROVINCE_ADMIN, org.jixing.shared.scope.DataScope.province("370000")),
                () -> peopleService.addGroup(peopleService.findByIdNumber(alice).orElseThrow().id(), "VETERAN", "退役证",
                        start.minusYears(1), null));
        events.clear();
        JsonNode outcome = body(postJson("/api/v1/classes/" + classId + "/completion", p.staff(), """
                {"version":%d,"failedAssessment":[%d]}""".formatted(version, bobEnrolment)).andExpect(status().isOk()));
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
    }

}
