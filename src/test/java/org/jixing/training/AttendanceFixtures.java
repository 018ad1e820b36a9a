package org.jixing.training;

import static org.jixing.TestIdNumbers.adultIdNumber;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Fixtures for attendance: an approved, subsidised class of one provider with one morning
 * session (09:00-12:00 on {@link #start}, at 36.651, 117.12), two trainees on its roster,
 * and a check-in terminal registered at the venue; events as terminals send them. The
 * test makes the class ({@link #attendanceClass}) before each test and answers
 * {@link #attendance} with it.
 */
public interface AttendanceFixtures extends TrainingFixtures {

    ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * The class, its first session, two trainees' ID numbers and the venue's terminal.
     */
    record AttendanceClass(Provider provider, long classId, long session, String alice, String bob, String terminal) {
    }

    /** The class the test made before it began. */
    AttendanceClass attendance();

    default AttendanceClass attendanceClass() throws Exception {
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        Provider p = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        long classId = approvedClass(programme, p, 1, 9, start());
        String alice = adultIdNumber();
        String bob = adultIdNumber();
        for (String id : new String[] { alice, bob }) {
            postJson("/api/v1/classes/" + classId + "/enrolments", p.staff(), """
                    {"idNumber":"%s","name":"学员","phone":"13900002222"}""".formatted(id))
                .andExpect(status().isCreated());
        }
        long session = body(mvc().perform(get("/api/v1/classes/" + classId + "/sessions").cookie(p.staff()))).get(0)
            .get("id")
            .asLong();
        String terminal = registerTerminal(p.staff(), "36.6512", "117.1201");
        return new AttendanceClass(p, classId, session, alice, bob, terminal);
    }

    /** A time of the class's first day, China time. */
    default Instant at(int hour, int minute) {
        return at(start(), hour, minute);
    }

    default Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(CHINA).toInstant();
    }

    /** An event as a terminal sends it, at the venue with a good face match. */
    default String event(String key, long sessionId, String idNumber, String kind, Instant time, String device) {
        return event(key, sessionId, idNumber, kind, time, device, "36.651", "117.12", "0.93");
    }

    default String event(String key, long sessionId, String idNumber, String kind, Instant time, String device,
            String lat, String lng, String face) {
        return """
                {"clientKey":"%s","sessionId":%d,"idNumber":"%s","kind":"%s","time":"%s","deviceId":%s,
                 "latitude":%s,"longitude":%s,"faceScore":%s}""".formatted(key, sessionId, idNumber, kind, time,
                device == null ? "null" : "\"" + device + "\"", lat, lng, face);
    }

    default String key() {
        return UUID.randomUUID().toString();
    }

    /** Sends one check-in as the provider's terminal, answered in English. */
    default JsonNode send(String json) throws Exception {
        return body(postJson("/api/v1/attendance/check-ins?lang=en", attendance().provider().staff(), json));
    }

    /**
     * Sends one check-in the moment after the time it names, as a terminal online does.
     */
    default JsonNode sendLive(String json, Instant time) throws Exception {
        clock().moveTo(time.plusSeconds(1));
        return send(json);
    }

    /** A batch of events, as a terminal uploads its buffer, answered in English. */
    default JsonNode batch(Cookie as, List<String> events) throws Exception {
        return body(postJson("/api/v1/attendance/check-ins/batch?lang=en", as,
                "{\"events\":[" + String.join(",", events) + "]}"));
    }

    default List<String> list(String... events) {
        return new ArrayList<>(List.of(events));
    }

    /** How many events the database holds under a client key. */
    default long stored(String clientKey) {
        return bean(JdbcClient.class).sql("select count(*) from attendance_event where client_key = :k")
            .param("k", clientKey)
            .query(Long.class)
            .single();
    }

}
