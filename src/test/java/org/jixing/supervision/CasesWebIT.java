package org.jixing.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jixing.RunningAs.asAdmin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.training.TrainingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Cases and complaints as users meet them: the public form, the inspectors' REST calls
 * and pages in both languages, and a city inspector kept out of another city's case.
 */
class CasesWebIT extends IntegrationTest implements TrainingFixtures {

    @Autowired
    Alerts alerts;

    @Autowired
    Complaints complaints;

    long alertAbout(long providerId, String region) {
        String rule = "T_WEB_" + ThreadLocalRandom.current().nextInt(1_000_000);
        RuleVersion v = new RuleVersion(0, rule, 1, Severity.MEDIUM, false, true, Map.of(), "测试规则", "test rule", true,
                "admin", Instant.now(), "test");
        alerts.raise(v, new Hit(SubjectKind.PROVIDER, providerId, "机构" + providerId, region, null, providerId, null, 60,
                Map.of("classes", 1), List.of()));
        return asAdmin(() -> alerts.search(new AlertFilter(null, null, rule, null, providerId, null, null), 0, 10))
            .items()
            .get(0)
            .id();
    }

    @Test
    void aComplaintFromThePublicIsDecidedUpheldAndCountsForTheProvider() throws Exception {
        var p = provider(admin(), JINAN, "CLEANER", "JUNIOR");
        // Anyone may file through the public form; a contact is required.
        mvc.perform(post("/complaints/new").with(csrf())
            .param("providerId", String.valueOf(p.id()))
            .param("details", "该机构让我们签到后就回家，没有上课"))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("请留下联系方式")));
        String page = mvc
            .perform(post("/complaints/new").with(csrf())
                .param("providerId", String.valueOf(p.id()))
                .param("details", "该机构让我们签到后就回家，没有上课")
                .param("contact", "13800000000"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("已收到您的投诉举报");

        Cookie inspector = signIn("inspector-jinan");
        JsonNode list = body(mvc
            .perform(get("/api/v1/supervision/complaints?status=RECEIVED&providerId=" + p.id()).cookie(inspector))
            .andExpect(status().isOk()));
        assertThat(list.get("items")).hasSize(1);
        JsonNode complaint = list.get("items").get(0);
        assertThat(complaint.get("source").asString()).isEqualTo("PUBLIC");
        assertThat(complaint.get("contact").asString()).isEqualTo("13800000000");
        long id = complaint.get("id").asLong();

        postJson("/api/v1/supervision/complaints/" + id + "/decision", inspector, """
                {"version":%d,"status":"UPHELD","reason":""}""".formatted(complaint.get("version").asInt()))
            .andExpect(status().isUnprocessableContent());
        postJson("/api/v1/supervision/complaints/" + id + "/decision", inspector, """
                {"version":%d,"status":"UPHELD","reason":"回访学员证实"}""".formatted(complaint.get("version").asInt()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("UPHELD"));
        ComplaintCounts counts = complaints.counts(p.id());
        assertThat(counts).isEqualTo(new ComplaintCounts(p.id(), 1, 1, 0));

        // A case opened from the complaint is about its provider.
        JsonNode opened = body(postJson("/api/v1/supervision/complaints/" + id + "/case", inspector, """
                {"summary":"投诉属实，立案核查"}""").andExpect(status().isCreated()));
        assertThat(opened.get("origin").asString()).isEqualTo("COMPLAINT");
        assertThat(opened.get("subjectId").asLong()).isEqualTo(p.id());
        mvc.perform(get("/supervision/complaints/" + id).cookie(inspector))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("查看案件")));
    }

    @Test
    void aTraineeFilesAComplaintThroughTheApi() throws Exception {
        var p = provider(admin(), JINAN, "CLEANER", "JUNIOR");
        Cookie trainee = signIn("trainee");
        JsonNode filed = body(postJson("/api/v1/supervision/complaints", trainee, """
                {"providerId":%d,"details":"老师从未到场"}""".formatted(p.id())).andExpect(status().isCreated()));
        assertThat(filed.get("source").asString()).isEqualTo("TRAINEE");
        assertThat(filed.get("personId").isNull()).isFalse();
        // Trainees do not read the inspectors' list.
        mvc.perform(get("/api/v1/supervision/complaints").cookie(trainee)).andExpect(status().isForbidden());
    }

    @Test
    void theCasePagesAndApiKeepACityInspectorToTheirCity() throws Exception {
        var qd = provider(admin(), QINGDAO, "CLEANER", "JUNIOR");
        long alert = alertAbout(qd.id(), QINGDAO);
        Cookie province = signIn("inspector");
        Cookie jinanInspector = signIn("inspector-jinan");
        String open = """
                {"subjectKind":"PROVIDER","subjectId":%d,"alertIds":[%d],"origin":"ALERTS","summary":"青岛核查"}"""
            .formatted(qd.id(), alert);
        postJson("/api/v1/supervision/cases", jinanInspector, open).andExpect(status().isNotFound());
        JsonNode created = body(postJson("/api/v1/supervision/cases", province, open).andExpect(status().isCreated()));
        long caseId = created.get("supervisionCase").get("id").asLong();
        String caseNo = created.get("supervisionCase").get("caseNo").asString();
        assertThat(created.get("alerts").get(0).get("status").asString()).isEqualTo("IN_CASE");

        mvc.perform(get("/api/v1/supervision/cases/" + caseId).cookie(jinanInspector)).andExpect(status().isNotFound());
        mvc.perform(get("/supervision/cases/" + caseId).cookie(jinanInspector)).andExpect(status().isNotFound());
        mvc.perform(get("/supervision/cases").cookie(jinanInspector))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.not(Matchers.containsString(caseNo))));
        postJson("/api/v1/supervision/cases/" + caseId + "/findings", jinanInspector, """
                {"details":"越权"}""").andExpect(status().isNotFound());

        // The province inspector works it on the page, in Chinese and English.
        mvc.perform(get("/supervision/cases?region=" + QINGDAO).cookie(province))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString(caseNo)));
        mvc.perform(get("/supervision/cases/" + caseId).cookie(province))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("列入黑名单")))
            .andExpect(content().string(Matchers.containsString("/supervision/alerts/" + alert)));
        mvc.perform(get("/supervision/cases/" + caseId + "?lang=en").cookie(province))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("Blacklisting")));
        mvc.perform(post("/supervision/cases/" + caseId + "/findings").with(csrf())
            .cookie(province)
            .param("details", "现场无人上课")).andExpect(status().is3xxRedirection());
        JsonNode detail = body(
                mvc.perform(get("/api/v1/supervision/cases/" + caseId).cookie(province)).andExpect(status().isOk()));
        assertThat(detail.get("findings")).hasSize(1);
        // Attachments: a PNG by its content is kept and read back; a text file is
        // refused.
        long findingId = detail.get("findings").get(0).get("id").asLong();
        String attachments = "/api/v1/supervision/cases/" + caseId + "/findings/" + findingId + "/attachments";
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        mvc.perform(multipart(attachments)
            .file(new MockMultipartFile("file", "note.txt", "text/plain",
                    "not a photo".getBytes(StandardCharsets.UTF_8)))
            .with(csrf())
            .cookie(province)).andExpect(status().isUnprocessableContent());
        JsonNode att = body(mvc
            .perform(multipart(attachments).file(new MockMultipartFile("file", "site.png", "image/png", png))
                .with(csrf())
                .cookie(province))
            .andExpect(status().isCreated()));
        assertThat(att.get("contentType").asString()).isEqualTo("image/png");
        mvc.perform(get(attachments + "/" + att.get("id").asLong()).cookie(province))
            .andExpect(status().isOk())
            .andExpect(content().bytes(png));
        mvc.perform(get(attachments + "/" + att.get("id").asLong()).cookie(jinanInspector))
            .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/supervision/sanction-ladder").cookie(province))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].code").value("WARNING"));
        mvc.perform(get("/complaints/new")).andExpect(status().isOk());
    }

}
