package org.jixing.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Attendance that arrives after a claim was filed is kept and shown, and never changes
 * the claim: the trainee who missed two sessions stays left out, the lines and the total
 * stay as filed.
 */
class LateAttendanceIT extends IntegrationTest implements SubsidyFixtures {

    @Autowired
    JdbcClient jdbc;

    @Test
    void eventsUploadedAfterTheClaimWasFiledAreKeptAndShownAndTheClaimKeepsItsLines() throws Exception {
        rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1",
                List.of(new Trainee("VETERAN", true), new Trainee("DISABLED", false)));
        JsonNode filed = body(
                postJson("/api/v1/subsidies/claims", f.provider().staff(), "{\"classId\":" + f.classId() + "}")
                    .andExpect(status().isCreated()));
        long claimId = filed.get("claim").get("id").asLong();
        assertThat(filed.get("lines")).hasSize(1);
        assertThat(filed.get("exclusions").findValuesAsString("reasonKey"))
            .containsExactly("subsidy.exclusion.notCompleted");
        JsonNode rates = body(
                mvc.perform(get("/api/v1/classes/" + f.classId() + "/attendance-rates").cookie(f.provider().staff())));

        // The provider's terminal uploads the absent trainee's sessions 2 and 3 now.
        postJson("/api/v1/attendance/terminals", f.provider().staff(), """
                {"deviceId":"LATE-%d","name":"大厅","venueAddress":"历下区培训楼 3 层","venueLat":36.651,"venueLng":117.12}"""
            .formatted(f.provider().id())).andExpect(status().isCreated());
        String token = jdbc.sql("select token from enrolment where class_id = :c and person_id = :p")
            .param("c", f.classId())
            .param("p", f.personIds().get(1))
            .query(String.class)
            .single();
        JsonNode sessions = body(
                mvc.perform(get("/api/v1/classes/" + f.classId() + "/sessions").cookie(f.provider().staff())));
        List<String> events = new ArrayList<>();
        for (int s = 1; s <= 2; s++) {
            for (String kind : new String[] { "CHECK_IN", "CHECK_OUT" }) {
                String time = sessions.get(s).get(kind.equals("CHECK_IN") ? "startsAt" : "endsAt").asString();
                events.add("""
                        {"clientKey":"%s","sessionId":%d,"token":"%s","kind":"%s","time":"%s","deviceId":"LATE-%d",
                         "latitude":36.651,"longitude":117.12,"faceScore":0.95}""".formatted(UUID.randomUUID(),
                        sessions.get(s).get("id").asLong(), token, kind, time, f.provider().id()));
            }
        }
        JsonNode answer = body(postJson("/api/v1/attendance/check-ins/batch?lang=en", f.provider().staff(),
                "{\"events\":[" + String.join(",", events) + "]}")
            .andExpect(status().isOk()));
        assertThat(answer.get("stored").asInt()).isEqualTo(4);
        assertThat(answer.get("results").findValuesAsString("reason")).containsOnly("UPLOADED_TOO_LATE");
        // Each answer names when its own session's upload window closed.
        assertThat(answer.get("results").get(0).get("message").asString()).matches(
                "Uploaded too late: this session's buffered events had to arrive by \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d "
                        + "\\(within 48 hours of the close of its check-out window\\)\\.");

        // Kept and shown on the session's sheet ...
        mvc.perform(get("/api/v1/classes/" + f.classId() + "/sessions/" + sessions.get(1).get("id").asLong()
                + "/attendance-events")
            .cookie(jinan())).andExpect(jsonPath("$[?(@.reason == 'UPLOADED_TOO_LATE')]").value(Matchers.hasSize(2)));
        // ... and the claim, its lines, its left-out trainees and the attendance stand.
        JsonNode now = body(mvc.perform(get("/api/v1/subsidies/claims/" + claimId).cookie(f.provider().staff())));
        assertThat(now.get("lines")).isEqualTo(filed.get("lines"));
        assertThat(now.get("exclusions")).isEqualTo(filed.get("exclusions"));
        assertThat(now.get("claim").get("amount")).isEqualTo(filed.get("claim").get("amount"));
        assertThat(now.get("claim").get("trainees")).isEqualTo(filed.get("claim").get("trainees"));
        assertThat(body(
                mvc.perform(get("/api/v1/classes/" + f.classId() + "/attendance-rates").cookie(f.provider().staff()))))
            .isEqualTo(rates);
        assertThat(jdbc.sql("select count(*) from attendance_event where class_id = :c and received_at > :filed")
            .param("c", f.classId())
            .param("filed", Timestamp.from(Instant.parse(filed.get("claim").get("submittedAt").asString())))
            .query(Long.class)
            .single()).isEqualTo(4);
    }

}
