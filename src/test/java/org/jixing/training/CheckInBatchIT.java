package org.jixing.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Batches as face terminals upload them, and the bad input of issue 16: events dated in
 * the future, from unregistered devices, for another provider's session, without a face
 * result, a batch of 1,001, the same client key twice, a bad event among good ones; each
 * answered per event with its reason in the caller's language, nothing half-stored.
 */
class CheckInBatchIT extends IntegrationTest implements AttendanceFixtures {

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
    JdbcClient jdbc;

    @Test
    void aTerminalUploadsYesterdaysBufferedEventsInOneBatchAndTheSheetMarksThemLate() throws Exception {
        // The terminal was offline during the session and comes back the next morning.
        clock.moveTo(at(start().plusDays(1), 8, 0));
        List<String> events = list(event(key(), session, alice, "CHECK_IN", at(8, 52), terminal),
                event(key(), session, bob, "CHECK_IN", at(8, 57), terminal),
                event(key(), session, alice, "CHECK_OUT", at(12, 3), terminal),
                event(key(), session, bob, "CHECK_OUT", at(12, 4), terminal));
        JsonNode answer = batch(p.staff(), events);
        assertThat(answer.get("received").asInt()).isEqualTo(4);
        assertThat(answer.get("stored").asInt()).isEqualTo(4);
        assertThat(answer.get("accepted").asInt()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            JsonNode a = answer.get("results").get(i);
            assertThat(a.get("index").asInt()).isEqualTo(i);
            assertThat(a.get("accepted").asBoolean()).isTrue();
            assertThat(a.get("message").asString()).isEqualTo("Check-in accepted.");
            assertThat(a.get("replay").asBoolean()).isFalse();
        }

        mvc.perform(get("/api/v1/classes/" + classId + "/sessions/" + session + "/attendance").cookie(p.staff()))
            .andExpect(jsonPath("$[?(@.attended == true)]").value(Matchers.hasSize(2)))
            .andExpect(jsonPath("$[?(@.checkInLate == true && @.checkOutLate == true)]").value(Matchers.hasSize(2)));
        mvc.perform(get("/classes/" + classId + "/sessions/" + session).cookie(p.staff()))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("补传")))
            .andExpect(content().string(Matchers.containsString("离线缓存后补传，服务器收到于 " + start().plusDays(1) + " 08:0")));
        // Both times in the download: the time the event names and the time it arrived.
        String csv = mvc.perform(get("/classes/" + classId + "/attendance.csv?lang=en").cookie(p.staff()))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
        List<String> header = records.get(0).toList();
        List<CSVRecord> rows = records.subList(1, records.size());
        assertThat(rows).hasSize(4).allSatisfy(r -> {
            assertThat(r.get(header.indexOf("Received at"))).startsWith(start().plusDays(1) + " 08:0");
            assertThat(r.get(header.indexOf("Uploaded late"))).isEqualTo("Yes");
            assertThat(r.get(header.indexOf("Device kind"))).isEqualTo("Check-in terminal");
        });
        assertThat(rows).extracting(r -> r.get(header.indexOf("Occurred at"))).contains(start() + " 08:52:00");
    }

    @Test
    void eachBadEventIsAnsweredWithItsReasonAndTheGoodOnesAreStored() throws Exception {
        Provider other = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        long theirClass = approvedClass(programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1"), other, 1, 9, start());
        long theirSession = body(mvc.perform(get("/api/v1/classes/" + theirClass + "/sessions").cookie(other.staff())))
            .get(0)
            .get("id")
            .asLong();
        clock.moveTo(at(9, 10));
        String good = key();
        String repeated = key();
        List<String> events = list(
                // 0: good
                event(good, session, alice, "CHECK_IN", at(9, 0), terminal),
                // 1: dated tomorrow
                event(key(), session, bob, "CHECK_IN", at(9, 0).plus(Duration.ofDays(1)), terminal),
                // 2: an unregistered device
                event(key(), session, bob, "CHECK_IN", at(9, 1), "T-UNKNOWN"),
                // 3: another provider's session
                event(key(), theirSession, bob, "CHECK_IN", at(9, 1), terminal),
                // 4: no face result on a subsidised class
                event(key(), session, bob, "CHECK_IN", at(9, 2), terminal, "36.651", "117.12", "null"),
                // 5: malformed: no time, no client key
                """
                        {"sessionId":%d,"idNumber":"%s","deviceId":"%s"}""".formatted(session, bob, terminal),
                // 6: good, and 7: the same client key again
                event(repeated, session, bob, "CHECK_IN", at(9, 3), terminal),
                event(repeated, session, bob, "CHECK_OUT", at(9, 4), terminal),
                // 8: a second check-in of alice in the same batch
                event(key(), session, alice, "CHECK_IN", at(9, 5), terminal));
        JsonNode answer = batch(p.staff(), events);
        JsonNode r = answer.get("results");
        assertThat(r.size()).isEqualTo(9);
        assertThat(r.get(0).get("accepted").asBoolean()).isTrue();
        assertThat(r.get(0).get("clientKey").asString()).isEqualTo(good);
        assertThat(r.get(1).get("reason").asString()).isEqualTo("DATED_IN_FUTURE");
        assertThat(r.get(2).get("reason").asString()).isEqualTo("UNREGISTERED_DEVICE");
        assertThat(r.get(2).get("message").asString())
            .isEqualTo("The device is not a check-in terminal registered by your provider.");
        assertThat(r.get(3).get("reason").asString()).isEqualTo("OTHER_PROVIDER");
        assertThat(r.get(4).get("reason").asString()).isEqualTo("FACE_REQUIRED");
        assertThat(r.get(5).get("reason").asString()).isEqualTo("INVALID_INPUT");
        assertThat(r.get(5).get("errors").findValuesAsString("field")).contains("events[5].clientKey",
                "events[5].time");
        assertThat(r.get(5).get("message").asString())
            .isEqualTo("The event is incomplete or malformed and was not stored (see errors).");
        assertThat(r.get(6).get("accepted").asBoolean()).isTrue();
        assertThat(r.get(6).get("replay").asBoolean()).isFalse();
        assertThat(r.get(7).get("replay").asBoolean()).isTrue();
        assertThat(r.get(7).get("sameAs").asInt()).isEqualTo(6);
        assertThat(r.get(7).get("accepted").asBoolean()).isTrue();
        assertThat(r.get(8).get("reason").asString()).isEqualTo("DUPLICATE");
        assertThat(answer.get("stored").asInt()).isEqualTo(7);
        assertThat(answer.get("invalid").asInt()).isEqualTo(1);
        assertThat(answer.get("replayed").asInt()).isEqualTo(1);
        assertThat(answer.get("accepted").asInt()).isEqualTo(3);
        assertThat(answer.get("rejected").asInt()).isEqualTo(5);

        // Stored each on its own merits, once: 7 events, the repeated key once.
        assertThat(stored(repeated)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from attendance_event where recorded_by = :u")
            .param("u", "staff-" + p.id())
            .query(Long.class)
            .single()).isEqualTo(7);
        // In Chinese without asking for English.
        JsonNode zh = body(postJson("/api/v1/attendance/check-ins/batch", p.staff(), "{\"events\":["
                + event(key(), session, bob, "CHECK_IN", at(9, 0).plus(Duration.ofDays(1)), terminal) + "]}"));
        assertThat(zh.get("results").get(0).get("message").asString()).isEqualTo("记录时间晚于服务器收到它的时间（超出允许的 120 秒时钟误差）。");
    }

    @Test
    void anEventWithAValueOfTheWrongTypeIsAnsweredOnItsOwnAndTheRestIsStored() throws Exception {
        clock.moveTo(at(9, 10));
        String good = key();
        JsonNode answer = batch(p.staff(),
                list(event(key(), session, alice, "SOMETIMES", at(9, 0), terminal),
                        event(key(), session, alice, "CHECK_IN", at(9, 0), terminal, "36.651", "117.12", "7"),
                        """
                                {"clientKey":"%s","sessionId":%d,"idNumber":"%s","time":"yesterday","deviceId":"%s"}"""
                            .formatted(key(), session, alice, terminal),
                        event(key(), session, alice, "CHECK_IN", at(9, 0), terminal, "360.651", "117.12", "0.9"), "42",
                        event(good, session, alice, "CHECK_IN", at(9, 0), terminal)));
        JsonNode r = answer.get("results");
        assertThat(r.size()).isEqualTo(6);
        for (int i = 0; i < 5; i++) {
            assertThat(r.get(i).get("reason").asString()).as("event %d", i).isEqualTo("INVALID_INPUT");
        }
        assertThat(r.get(0).get("errors").get(0).get("message").asString()).startsWith("The event could not be read");
        assertThat(r.get(1).get("errors").get(0).get("field").asString()).isEqualTo("events[1].faceScore");
        assertThat(r.get(3).get("errors").get(0).get("field").asString()).isEqualTo("events[3].latitude");
        assertThat(r.get(5).get("accepted").asBoolean()).isTrue();
        assertThat(answer.get("stored").asInt()).isEqualTo(1);
        assertThat(stored(good)).isEqualTo(1);
    }

    @Test
    void theSameBatchUploadedAgainStoresNothingNewAndAnswersTheSame() throws Exception {
        clock.moveTo(at(9, 10));
        List<String> events = list(event(key(), session, alice, "CHECK_IN", at(9, 0), terminal),
                event(key(), session, bob, "CHECK_IN", at(9, 1), terminal, "36.70", "117.12", "0.93"));
        JsonNode first = batch(p.staff(), events);
        clock.advance(Duration.ofHours(30));
        JsonNode again = batch(p.staff(), events);
        assertThat(again.get("stored").asInt()).isZero();
        assertThat(again.get("replayed").asInt()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertThat(again.get("results").get(i).get("accepted").asBoolean())
                .isEqualTo(first.get("results").get(i).get("accepted").asBoolean());
            assertThat(again.get("results").get(i).get("replay").asBoolean()).isTrue();
        }
        assertThat(again.get("results").get(1).get("reason").asString()).isEqualTo("OUTSIDE_RADIUS");
    }

    @Test
    void aBatchOfOneThousandAndOneIsRefusedWholeAndOneThousandAreTaken() throws Exception {
        clock.moveTo(at(9, 10));
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            events.add(event("k1001-" + session + "-" + i, session, i % 2 == 0 ? alice : bob, "CHECK_IN",
                    at(9, 0).plusSeconds(i), terminal));
        }
        postJson("/api/v1/attendance/check-ins/batch?lang=en", p.staff(),
                "{\"events\":[" + String.join(",", events) + "]}")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("events"))
            .andExpect(jsonPath("$.errors[0].message")
                .value("A batch holds at most 1,000 events and this one has 1,001: upload it in parts."));
        assertThat(jdbc.sql("select count(*) from attendance_event where session_id = :s")
            .param("s", session)
            .query(Long.class)
            .single()).isZero();
        JsonNode taken = batch(p.staff(), events.subList(0, 1000));
        assertThat(taken.get("stored").asInt()).isEqualTo(1000);
        // Two trainees: one check-in each, the other 998 duplicates.
        assertThat(taken.get("accepted").asInt()).isEqualTo(2);
        assertThat(taken.get("rejected").asInt()).isEqualTo(998);
        postJson("/api/v1/attendance/check-ins/batch?lang=en", p.staff(), "{\"events\":[]}")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message").value("Send at least one event in events."));
    }

    @Test
    void racingUploadsOfTheSameBatchStoreEachEventOnce() throws Exception {
        clock.moveTo(at(9, 10));
        List<String> events = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String k = key();
            keys.add(k);
            events.add(event(k, session, i % 2 == 0 ? alice : bob, i < 100 ? "CHECK_IN" : "CHECK_OUT",
                    at(9, 0).plusSeconds(i), terminal));
        }
        CyclicBarrier together = new CyclicBarrier(3);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Callable<JsonNode> upload = () -> {
                    together.await();
                    return batch(p.staff(), events);
                };
                answers.add(pool.submit(upload));
            }
            int stored = 0;
            for (Future<JsonNode> a : answers) {
                JsonNode answer = a.get();
                assertThat(answer.get("results").size()).isEqualTo(200);
                stored += answer.get("stored").asInt();
            }
            assertThat(stored).isEqualTo(200);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from attendance_event where client_key in (:k)")
            .param("k", keys)
            .query(Long.class)
            .single()).isEqualTo(200);
    }

    @Test
    void onlyTerminalsAndTraineesSendBatches() throws Exception {
        Instant now = at(9, 10);
        clock.moveTo(now);
        postJson("/api/v1/attendance/check-ins/batch", jinan(),
                "{\"events\":[" + event(key(), session, alice, "CHECK_IN", at(9, 0), terminal) + "]}")
            .andExpect(status().isForbidden());
    }

}
