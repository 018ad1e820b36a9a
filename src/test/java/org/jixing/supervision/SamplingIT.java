package org.jixing.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.TestIdNumbers;
import org.jixing.training.TrainingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import tools.jackson.databind.JsonNode;

/**
 * The monthly inspection sample and visits as inspectors use them: a Jinan inspector
 * draws Jinan's month, weighted by the live alerts; a second draw is refused with the
 * reason and changes nothing; the draw verifies from its stored seed and candidates; a
 * visit to a drawn class marks it visited; a Qingdao sample is not found by the Jinan
 * inspector; a visit is recorded from the phone form with a photo; a visit of "no class
 * held" opens a case on the provider in the same step.
 */
class SamplingIT extends IntegrationTest implements TrainingFixtures {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

    @Autowired
    JdbcClient jdbc;

    /**
     * A month of its own for each test: the database is shared by every test of the run.
     */
    YearMonth month(int monthsAhead) {
        return YearMonth.from(today()).plusMonths(monthsAhead);
    }

    /**
     * Classes of one 3-hour session on the given days of a month, of one new provider.
     */
    List<Long> classes(Provider p, long programme, YearMonth m, int... days) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int d : days) {
            ids.add(approvedClass(programme, p, 1, 9, m.atDay(d)));
        }
        return ids;
    }

    long enrol(long classId, Provider p, String name) throws Exception {
        return body(postJson("/api/v1/classes/" + classId + "/enrolments", p.staff(), """
                {"idNumber":"%s","name":"%s","phone":"13900002222"}""".formatted(TestIdNumbers.adultIdNumber(), name))
            .andExpect(status().isCreated())).get("id").asLong();
    }

    void liveAlertOn(long classId, String severity) {
        String key = "TEST|CLASS|" + classId;
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into risk_alert (alert_no, rule_code, rule_version, subject_kind, subject_id, subject_label,
                  severity, blocking, score, region_code, status, open_key, evidence, evidence_hash, hits,
                  first_seen_at, last_seen_at, version)
                values (:no, 'TEST', 1, 'CLASS', :id, 'test', :sev, FALSE, 50, '370100', 'OPEN', :key, '{}', 'h', 1,
                  :now, :now, 0)""")
            .param("no", "TEST-" + classId)
            .param("id", classId)
            .param("sev", severity)
            .param("key", key)
            .param("now", now)
            .update();
    }

    JsonNode draw(Cookie as, String region, YearMonth m, int expected) throws Exception {
        return body(postJson("/api/v1/supervision/samples?lang=en", as, """
                {"regionCode":"%s","month":"%s"}""".formatted(region, m)).andExpect(status().is(expected)));
    }

    @Test
    void a_jinan_inspector_draws_the_month_once_weighted_by_alerts_verifies_it_and_a_visit_marks_it() throws Exception {
        YearMonth m = month(3);
        Provider p = provider(jinan(), JINAN, "ELDERLY_CARE_WORKER", "JUNIOR");
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        List<Long> ids = classes(p, programme, m, 3, 4, 5);
        liveAlertOn(ids.get(0), "HIGH");
        Cookie inspector = SignedIn.as(mvc, "inspector-jinan");

        JsonNode sample = draw(inspector, JINAN, m, 201);
        long id = sample.get("id").asLong();
        assertThat(sample.get("regionCode").asText()).isEqualTo(JINAN);
        assertThat(sample.get("month").asText()).isEqualTo(m.toString());
        int candidates = sample.get("candidates").asInt();
        assertThat(candidates).isGreaterThanOrEqualTo(3);
        assertThat(sample.get("sampleSize").asInt()).isEqualTo(Math.max(1, (candidates * 5 + 99) / 100));
        Map<Long, JsonNode> byClass = new HashMap<>();
        sample.get("classes").forEach(c -> byClass.put(c.get("classId").asLong(), c));
        assertThat(byClass.keySet()).containsAll(ids);
        assertThat(byClass.get(ids.get(0)).get("weight").asInt()).isEqualTo(4);
        assertThat(byClass.get(ids.get(0)).get("classPoints").asInt()).isEqualTo(3);
        assertThat(byClass.get(ids.get(1)).get("weight").asInt()).isEqualTo(1);
        long drawn = 0;
        for (JsonNode c : sample.get("classes")) {
            drawn += c.get("selected").asBoolean() ? 1 : 0;
        }
        assertThat(drawn).isEqualTo(sample.get("sampleSize").asLong());

        // Drawn again: refused with the reason, nothing changed.
        String before = mvc.perform(get("/api/v1/supervision/samples/" + id).cookie(inspector))
            .andReturn()
            .getResponse()
            .getContentAsString();
        JsonNode refused = draw(SignedIn.as(mvc, "inspector"), JINAN, m, 422);
        assertThat(refused.toString()).contains("already drawn").contains(sample.get("sampleNo").asText());
        assertThat(mvc.perform(get("/api/v1/supervision/samples/" + id).cookie(inspector))
            .andReturn()
            .getResponse()
            .getContentAsString()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from inspection_sample where region_code = '370100' and sample_month = ?")
            .param(m.toString())
            .query(Long.class)
            .single()).isEqualTo(1);

        // Verified from the stored seed and candidates.
        JsonNode verification = body(
                mvc.perform(get("/api/v1/supervision/samples/" + id + "/verification").cookie(inspector))
                    .andExpect(status().isOk()));
        assertThat(verification.get("matches").asBoolean()).isTrue();
        assertThat(mvc.perform(get("/supervision/samples/" + id + "/verify?lang=en").cookie(inspector))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8)).contains("Verified");
        // Another salt than the stored one does not give the stored seed: found out.
        jdbc.sql("update inspection_sample set salt = salt + 1 where id = ?").param(id).update();
        assertThat(body(mvc.perform(get("/api/v1/supervision/samples/" + id + "/verification").cookie(inspector)))
            .get("matches")
            .asBoolean()).isFalse();
        jdbc.sql("update inspection_sample set salt = salt - 1 where id = ?").param(id).update();

        // The month's page lists it; a visit in the month to a drawn class marks it.
        assertThat(mvc.perform(get("/supervision/samples?month=" + m).cookie(inspector))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8)).contains(sample.get("sampleNo").asText());
        long visitedClass = 0;
        for (JsonNode c : sample.get("classes")) {
            if (c.get("selected").asBoolean()) {
                visitedClass = c.get("classId").asLong();
                break;
            }
        }
        clock.moveTo(m.atDay(10).atTime(10, 0).atZone(CHINA).toInstant());
        JsonNode visit = body(postJson("/api/v1/supervision/visits", inspector, """
                {"classId":%d,"presentEnrolmentIds":[],"unknownPresent":0,"remarks":"","verdict":"AS_EXPECTED"}"""
            .formatted(visitedClass)).andExpect(status().isCreated()));
        assertThat(visit.get("sampleId").asLong()).isEqualTo(id);
        JsonNode after = body(mvc.perform(get("/api/v1/supervision/samples/" + id).cookie(inspector)));
        assertThat(after.get("visited").asInt()).isEqualTo(1);
        for (JsonNode c : after.get("classes")) {
            if (c.get("classId").asLong() == visitedClass) {
                assertThat(c.get("visitId").asLong()).isEqualTo(visit.get("id").asLong());
            }
        }
    }

    @Test
    void a_qingdao_sample_is_not_found_by_the_jinan_inspector_who_cannot_draw_qingdao() throws Exception {
        YearMonth m = month(4);
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        Provider p = provider(qingdao, QINGDAO, "ELDERLY_CARE_WORKER", "JUNIOR");
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        LocalDate day = m.atDay(6);
        JsonNode c = body(postJson("/api/v1/classes", p.staff(),
                """
                        {"programmeId":%d,"classType":"REGULAR","subsidised":true,"venueAddress":"市南区培训楼",
                         "venueLat":36.07,"venueLng":120.38,"startDate":"%s","endDate":"%s","capacity":30,"sessions":%s}"""
                    .formatted(programme, day, day.plusDays(1), sessions(p.teacher(), 1, 9, day)))
            .andExpect(status().isCreated()));
        postJson("/api/v1/classes/" + c.get("id").asLong() + "/decisions", qingdao, """
                {"verb":"approve","version":%d}""".formatted(c.get("version").asInt())).andExpect(status().isOk());
        Cookie jinanInspector = SignedIn.as(mvc, "inspector-jinan");
        assertThat(draw(jinanInspector, QINGDAO, m, 422).toString()).contains("regionCode");

        JsonNode sample = draw(SignedIn.as(mvc, "inspector"), QINGDAO, m, 201);
        long id = sample.get("id").asLong();
        mvc.perform(get("/api/v1/supervision/samples/" + id).cookie(jinanInspector)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/supervision/samples/" + id + "/verification").cookie(jinanInspector))
            .andExpect(status().isNotFound());
        mvc.perform(get("/supervision/samples/" + id).cookie(jinanInspector)).andExpect(status().isNotFound());
        assertThat(body(mvc.perform(get("/api/v1/supervision/samples?month=" + m).cookie(jinanInspector)))).isEmpty();
        assertThat(body(mvc.perform(get("/api/v1/supervision/samples?month=" + m).cookie(admin()))).toString())
            .contains(sample.get("sampleNo").asText());
        // The Jinan inspector cannot visit the Qingdao class either, through the API or
        // the phone form: 404 and nothing written.
        long qingdaoClass = c.get("id").asLong();
        postJson("/api/v1/supervision/visits", jinanInspector, """
                {"classId":%d,"verdict":"AS_EXPECTED"}""".formatted(qingdaoClass)).andExpect(status().isNotFound());
        mvc.perform(get("/supervision/visits/new?classId=" + qingdaoClass).cookie(jinanInspector))
            .andExpect(status().isNotFound());
        mvc.perform(multipart("/supervision/visits").param("classId", String.valueOf(qingdaoClass))
            .param("verdict", "AS_EXPECTED")
            .cookie(jinanInspector)
            .with(csrf())).andExpect(status().isNotFound());
        assertThat(bean(org.springframework.jdbc.core.simple.JdbcClient.class)
            .sql("select count(*) from inspection_visit where class_id = :c")
            .param("c", qingdaoClass)
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void a_visit_is_recorded_from_the_phone_form_with_a_photo() throws Exception {
        Provider p = provider(jinan(), JINAN, "ELDERLY_CARE_WORKER", "JUNIOR");
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        long classId = approvedClass(programme, p, 1, 9, start());
        long alice = enrol(classId, p, "王小花");
        enrol(classId, p, "李大壮");
        Cookie inspector = SignedIn.as(mvc, "inspector-jinan");

        String form = mvc.perform(get("/supervision/visits/new?classId=" + classId).cookie(inspector))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("王小花").contains("李大壮").contains("name=\"present\"").contains("name=\"photos\"");

        // A file that is not an image is refused, nothing written.
        mvc.perform(multipart("/supervision/visits")
            .file(new MockMultipartFile("photos", "x.png", "image/png",
                    "not an image".getBytes(StandardCharsets.UTF_8)))
            .param("classId", String.valueOf(classId))
            .param("present", String.valueOf(alice))
            .param("verdict", "DISCREPANCIES")
            .param("remarks", "一人缺席")
            .cookie(inspector)
            .with(csrf())).andExpect(status().isOk());
        assertThat(visitsOf(classId)).isZero();

        String location = mvc
            .perform(multipart("/supervision/visits")
                .file(new MockMultipartFile("photos", "classroom.png", "image/png", PNG))
                .param("classId", String.valueOf(classId))
                .param("present", String.valueOf(alice))
                .param("unknownPresent", "2")
                .param("verdict", "DISCREPANCIES")
                .param("remarks", "花名册2人，到场1人，另有2人不在花名册上")
                .cookie(inspector)
                .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        assertThat(location).startsWith("/supervision/visits/");
        long visitId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(visitsOf(classId)).isEqualTo(1);

        JsonNode visit = body(
                mvc.perform(get("/api/v1/supervision/visits/" + visitId).cookie(inspector)).andExpect(status().isOk()));
        assertThat(visit.get("verdict").asText()).isEqualTo("DISCREPANCIES");
        assertThat(visit.get("rosterSize").asInt()).isEqualTo(2);
        assertThat(visit.get("presentCount").asInt()).isEqualTo(1);
        assertThat(visit.get("unknownPresent").asInt()).isEqualTo(2);
        assertThat(visit.get("caseId").isNull()).isTrue();
        assertThat(visit.get("photos")).hasSize(1);
        long photo = visit.get("photos").get(0).get("id").asLong();
        assertThat(mvc.perform(get("/supervision/visits/" + visitId + "/photos/" + photo).cookie(inspector))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray()).isEqualTo(PNG);
        assertThat(mvc.perform(get("/supervision/visits/" + visitId + "?lang=en").cookie(inspector))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8)).contains("Discrepancies").contains("王小花");
        // The provider's staff see nothing of it.
        mvc.perform(get("/api/v1/supervision/visits/" + visitId).cookie(p.staff())).andExpect(status().isForbidden());
    }

    @Test
    void a_visit_of_no_class_held_opens_a_case_on_the_provider_in_the_same_step() throws Exception {
        Provider p = provider(jinan(), JINAN, "ELDERLY_CARE_WORKER", "JUNIOR");
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        long classId = approvedClass(programme, p, 1, 9, start());
        enrol(classId, p, "张三");
        Cookie inspector = SignedIn.as(mvc, "inspector-jinan");

        // As expected, no case may be opened: refused, nothing written.
        postJson("/api/v1/supervision/visits", inspector, """
                {"classId":%d,"verdict":"AS_EXPECTED","openCase":true}""".formatted(classId))
            .andExpect(status().isUnprocessableEntity());
        assertThat(visitsOf(classId)).isZero();

        JsonNode visit = body(postJson("/api/v1/supervision/visits", inspector, """
                {"classId":%d,"presentEnrolmentIds":[],"unknownPresent":0,"remarks":"教室上锁，无人上课",
                 "verdict":"NO_CLASS_HELD","openCase":true}""".formatted(classId)).andExpect(status().isCreated()));
        assertThat(visit.get("caseRequested").asBoolean()).isTrue();
        long caseId = visit.get("caseId").asLong();
        assertThat(visit.get("caseNo").asText()).isNotBlank();
        Map<String, Object> opened = jdbc
            .sql("select subject_kind, subject_id, origin, origin_ref from supervision_case where id = ?")
            .param(caseId)
            .query()
            .singleRow();
        assertThat(opened.get("subject_kind")).isEqualTo("PROVIDER");
        assertThat(((Number) opened.get("subject_id")).longValue()).isEqualTo(p.id());
        assertThat(opened.get("origin")).isEqualTo("VISIT");
        assertThat(((Number) opened.get("origin_ref")).longValue()).isEqualTo(visit.get("id").asLong());
        assertThat(mvc.perform(get("/supervision/visits/" + visit.get("id").asLong()).cookie(inspector))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8)).contains(visit.get("caseNo").asText());
    }

    long visitsOf(long classId) {
        return jdbc.sql("select count(*) from inspection_visit where class_id = ?")
            .param(classId)
            .query(Long.class)
            .single();
    }

}
