package org.jixing.training;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Fixtures for the attendance tests: an approved, subsidised class of one provider with
 * one morning session (09:00-12:00 on {@link #start}, at 36.651, 117.12), two trainees on
 * its roster, and a check-in terminal registered at the venue; events as terminals send
 * them.
 */
public abstract class AttendanceTestBase extends TrainingTestBase {

    protected static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    protected JdbcClient jdbc;

    protected Provider p;

    protected long classId;

    protected long session;

    protected String alice;

    protected String bob;

    /** The provider's terminal at the venue. */
    protected String terminal;

    @BeforeEach
    void classWithTwoTraineesAndATerminal() throws Exception {
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
        session = body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .get("/api/v1/classes/" + classId + "/sessions")
            .cookie(p.staff()))).get(0).get("id").asLong();
        terminal = registerTerminal(p.staff(), "36.6512", "117.1201");
    }

    /** A time of the class's first day, China time. */
    protected Instant at(int hour, int minute) {
        return at(start, hour, minute);
    }

    protected static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(CHINA).toInstant();
    }

    /** An event as a terminal sends it, at the venue with a good face match. */
    protected String event(String key, long sessionId, String idNumber, String kind, Instant time, String device) {
        return event(key, sessionId, idNumber, kind, time, device, "36.651", "117.12", "0.93");
    }

    protected String event(String key, long sessionId, String idNumber, String kind, Instant time, String device,
            String lat, String lng, String face) {
        return """
                {"clientKey":"%s","sessionId":%d,"idNumber":"%s","kind":"%s","time":"%s","deviceId":%s,
                 "latitude":%s,"longitude":%s,"faceScore":%s}""".formatted(key, sessionId, idNumber, kind, time,
                device == null ? "null" : "\"" + device + "\"", lat, lng, face);
    }

    protected static String key() {
        return UUID.randomUUID().toString();
    }

    /** Sends one check-in as the provider's terminal, answered in English. */
    protected JsonNode send(String json) throws Exception {
        return body(postJson("/api/v1/attendance/check-ins?lang=en", p.staff(), json));
    }

    /**
     * Sends one check-in the moment after the time it names, as a terminal online does.
     */
    protected JsonNode sendLive(String json, Instant time) throws Exception {
        clock.moveTo(time.plusSeconds(1));
        return send(json);
    }

    /** A batch of events, as a terminal uploads its buffer, answered in English. */
    protected JsonNode batch(Cookie as, List<String> events) throws Exception {
        return body(postJson("/api/v1/attendance/check-ins/batch?lang=en", as,
                "{\"events\":[" + String.join(",", events) + "]}"));
    }

    protected static List<String> list(String... events) {
        return new ArrayList<>(List.of(events));
    }

    protected long stored(String clientKey) {
        return jdbc.sql("select count(*) from attendance_event where client_key = :k")
            .param("k", clientKey)
            .query(Long.class)
            .single();
    }

}
