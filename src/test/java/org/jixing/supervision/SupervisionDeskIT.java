package org.jixing.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.Cookie;
import org.jixing.IntegrationTest;
import org.jixing.RunningAs;
import org.jixing.SignedIn;
import org.jixing.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The desk as its users meet it: alerts raised by the engine merge per rule and subject,
 * a city inspector sees the city's alerts only, a decision needs a reason, and evidence
 * already decided on does not raise again.
 */
class SupervisionDeskIT extends IntegrationTest {

    static final AtomicLong SUBJECT = new AtomicLong(900_000_000L);

    @Autowired
    Alerts alerts;

    static RuleVersion version(String code) {
        return new RuleVersion(0, code, 1, Severity.HIGH, true, true, Map.of("minutes", BigDecimal.TEN), "测试规则",
                "A test rule", true, "system", Instant.EPOCH, "test");
    }

    static Hit hit(long subject, String region, String label, int score, Object evidence) {
        return new Hit(SubjectKind.CLASS, subject, label, region, null, null, null, score,
                Map.of("checkIns", evidence, "window", "10 s"),
                List.of(new Hit.Target(SubjectKind.ENROLMENT, subject + 1)));
    }

    long raise(String region, String label) {
        long subject = SUBJECT.incrementAndGet();
        alerts.raise(version("DESK_TEST"),
                hit(subject, region, label, 70, List.of(Map.of("person", "张*", "at", "08:00:01"))));
        return RunningAs
            .asAdmin(() -> alerts.search(new AlertFilter(null, null, "DESK_TEST", null, null, null, null), 0, 200)
                .items()
                .stream()
                .filter(a -> a.subjectId() == subject)
                .findFirst()
                .orElseThrow()
                .id());
    }

    @Test
    void a_second_hit_on_the_same_subject_merges_and_the_same_evidence_only_counts_as_seen() {
        long subject = SUBJECT.incrementAndGet();
        RuleVersion v = version("MERGE_TEST");
        assertThat(alerts.raise(v, hit(subject, "370102", "班级A", 60, List.of(Map.of("person", "a")))))
            .isEqualTo(Alerts.Raised.NEW);
        assertThat(alerts.raise(v, hit(subject, "370102", "班级A", 80, List.of(Map.of("person", "b")))))
            .isEqualTo(Alerts.Raised.MERGED);
        assertThat(alerts.raise(v, hit(subject, "370102", "班级A", 80, List.of(Map.of("person", "b")))))
            .isEqualTo(Alerts.Raised.SEEN);
        List<Alert> found = RunningAs
            .asAdmin(() -> alerts.search(new AlertFilter(null, null, "MERGE_TEST", null, null, null, null), 0, 50)
                .items()
                .stream()
                .filter(a -> a.subjectId() == subject)
                .toList());
        assertThat(found).hasSize(1);
        Alert a = RunningAs.asAdmin(() -> alerts.get(found.get(0).id()));
        assertThat(a.hits()).isEqualTo(2);
        assertThat(a.score()).isEqualTo(80);
        assertThat(a.evidence()).containsEntry("window", "10 s");
        assertThat(a.targets()).containsExactly(new Hit.Target(SubjectKind.ENROLMENT, subject + 1));
        assertThat(a.alertNo()).matches("YJ\\d{8}");
        assertThat(a.locks()).isTrue();
    }

    @Test
    void a_city_inspector_sees_the_city_s_alerts_and_no_other_and_a_provider_sees_none() throws Exception {
        long jinanAlert = raise("370102", "济南班级甲");
        long qingdaoAlert = raise("370202", "青岛班级乙");
        Cookie inspector = SignedIn.as(mvc, "inspector-jinan");
        mvc.perform(get("/supervision").cookie(inspector).param("rule", "DESK_TEST"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("济南班级甲")))
            .andExpect(content().string(not(containsString("青岛班级乙"))));
        mvc.perform(get("/supervision/alerts/" + jinanAlert).cookie(inspector))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("08:00:01")));
        mvc.perform(get("/supervision/alerts/" + qingdaoAlert).cookie(inspector)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/supervision/alerts/" + qingdaoAlert).cookie(inspector))
            .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/supervision/alerts/" + qingdaoAlert).cookie(admin()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.subjectLabel").value("青岛班级乙"));
        Cookie provider = SignedIn.as(mvc, "provider");
        mvc.perform(get("/supervision").cookie(provider)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/supervision/alerts/" + jinanAlert).cookie(provider)).andExpect(status().isForbidden());
        mvc.perform(get("/supervision/alerts/" + jinanAlert).cookie(inspector).param("lang", "en"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Evidence")));
    }

    @Test
    void a_decision_needs_a_reason_and_evidence_already_dismissed_does_not_raise_again() throws Exception {
        long id = raise("370102", "济南班级丙");
        Alert before = RunningAs.asAdmin(() -> alerts.get(id));
        Cookie inspector = SignedIn.as(mvc, "inspector-jinan");
        mvc.perform(post("/api/v1/supervision/alerts/" + id + "/decision").cookie(inspector)
            .with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"to\":\"DISMISSED\",\"version\":" + before.version() + ",\"reason\":\" \"}"))
            .andExpect(status().isUnprocessableEntity())
            .andExpect(content().string(containsString("reason")));
        assertThat(RunningAs.asAdmin(() -> alerts.get(id)).status()).isEqualTo(AlertStatus.OPEN);
        // The auditor reads but does not decide.
        mvc.perform(post("/api/v1/supervision/alerts/" + id + "/decision").cookie(SignedIn.as(mvc, "auditor"))
            .with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"to\":\"DISMISSED\",\"version\":" + before.version() + ",\"reason\":\"看过\"}"))
            .andExpect(status().isForbidden());
        mvc.perform(post("/supervision/alerts/" + id + "/decision").cookie(inspector)
            .with(csrf())
            .param("to", "DISMISSED")
            .param("version", String.valueOf(before.version()))
            .param("reason", "现场核实：学员当天确实在场，签到集中因统一入场")).andExpect(status().is3xxRedirection());
        Alert after = RunningAs.asAdmin(() -> alerts.get(id));
        assertThat(after.status()).isEqualTo(AlertStatus.DISMISSED);
        assertThat(after.locks()).isFalse();
        assertThat(after.decisionReason()).startsWith("现场核实");
        assertThat(RunningAs.asAdmin(() -> alerts.decisions(id))).singleElement()
            .satisfies(d -> assertThat(d.to()).isEqualTo(AlertStatus.DISMISSED));
        // The same evidence does not come back; new evidence raises a new alert.
        assertThat(alerts.raise(version("DESK_TEST"),
                hit(after.subjectId(), "370102", "济南班级丙", 70, List.of(Map.of("person", "张*", "at", "08:00:01")))))
            .isEqualTo(Alerts.Raised.ALREADY_DECIDED);
        assertThat(alerts.raise(version("DESK_TEST"),
                hit(after.subjectId(), "370102", "济南班级丙", 70, List.of(Map.of("person", "李*", "at", "09:00:01")))))
            .isEqualTo(Alerts.Raised.NEW);
        // A dismissed alert cannot be decided again.
        assertThatThrownBy(() -> RunningAs
            .asAdmin(() -> alerts.decide(id, new AlertDecision(AlertStatus.CONFIRMED, after.version(), "再看"))))
            .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_scan_on_demand_is_recorded_and_a_period_backwards_or_too_long_is_refused() throws Exception {
        Cookie inspector = SignedIn.as(mvc, "inspector");
        java.time.LocalDate today = today();
        mvc.perform(post("/supervision/scans").cookie(inspector)
            .with(csrf())
            .param("from", today.toString())
            .param("to", today.minusDays(1).toString()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"problems\"")));
        mvc.perform(post("/api/v1/supervision/scans").cookie(inspector)
            .with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"from\":\"2024-01-01T00:00:00Z\",\"to\":\"2026-01-01T00:00:00Z\"}"))
            .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/supervision/scans").cookie(inspector)
            .with(csrf())
            .param("from", today.minusDays(1).toString())
            .param("to", today.toString())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/supervision/scans").cookie(inspector))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].kind").value("ON_DEMAND"))
            .andExpect(jsonPath("$[0].startedBy").value("inspector"));
        // The city officer reads the desk but runs no scan.
        mvc.perform(post("/supervision/scans").cookie(jinan())
            .with(csrf())
            .param("from", today.minusDays(1).toString())
            .param("to", today.toString())).andExpect(status().isForbidden());
    }

    @Test
    void a_rule_version_with_an_unknown_or_out_of_range_parameter_is_refused_and_a_good_one_is_in_force()
            throws Exception {
        RiskRules rules = bean(RiskRules.class);
        int before = RunningAs.asAdmin(() -> rules.get("TWO_PLACES").inForce().version());
        Cookie admin = admin();
        mvc.perform(post("/api/v1/supervision/rules/TWO_PLACES/versions").cookie(admin)
            .with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"parameters\":{\"noSuchThing\":\"3\",\"minKm\":\"-5\"},\"reason\":\"试调\"}"))
            .andExpect(status().isUnprocessableEntity())
            .andExpect(content().string(containsString("parameters.noSuchThing")))
            .andExpect(content().string(containsString("parameters.minKm")));
        mvc.perform(post("/api/v1/supervision/rules/TWO_PLACES/versions").cookie(admin)
            .with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"parameters\":{\"minKm\":\"30\"}}"))
            .andExpect(status().isUnprocessableEntity())
            .andExpect(content().string(containsString("reason")));
        assertThat(RunningAs.asAdmin(() -> rules.get("TWO_PLACES").inForce().version())).isEqualTo(before);
        // Only the province publishes.
        mvc.perform(post("/api/v1/supervision/rules/TWO_PLACES/versions").cookie(SignedIn.as(mvc, "inspector"))
            .with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"parameters\":{\"minKm\":\"30\"},\"reason\":\"调参\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/supervision/rules/TWO_PLACES/versions").cookie(admin)
            .with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"parameters\":{\"minKm\":\"30\"},\"reason\":\"城区相距不足30公里的不再预警\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(before + 1));
        RuleVersion now = RunningAs.asAdmin(() -> rules.get("TWO_PLACES").inForce());
        assertThat(now.version()).isEqualTo(before + 1);
        assertThat(now.number("minKm")).isEqualTo(30.0);
        assertThat(RunningAs.asAdmin(() -> rules.versions("TWO_PLACES"))).hasSize(before + 1);
        // Put back what the other tests expect.
        mvc.perform(post("/api/v1/supervision/rules/TWO_PLACES/versions").cookie(admin)
            .with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"parameters\":{\"minKm\":\"20\"},\"reason\":\"恢复\"}")).andExpect(status().isOk());
    }

}
