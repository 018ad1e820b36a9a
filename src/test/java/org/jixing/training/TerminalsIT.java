package org.jixing.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** A provider registers its check-in terminals and retires them; officers read them. */
class TerminalsIT extends IntegrationTest implements TrainingFixtures {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aProviderRegistersATerminalOnItsPageAndRetiresItWithAReason() throws Exception {
        Provider p = provider(jinan(), "370100", "WELDER", "JUNIOR");
        String device = "FACE-" + p.id();
        mvc.perform(post("/terminals").with(csrf())
            .cookie(p.staff())
            .param("deviceId", device)
            .param("name", "二楼考勤机")
            .param("venueAddress", "历下区培训楼 2 层")
            .param("venueLat", "36.651")
            .param("venueLng", "117.12")).andExpect(redirectedUrl("/terminals"));
        mvc.perform(get("/terminals").cookie(p.staff()))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString(device)))
            .andExpect(content().string(Matchers.containsString("二楼考勤机")))
            .andExpect(content().string(Matchers.containsString("在用")));
        mvc.perform(get("/terminals?lang=en").cookie(p.staff()))
            .andExpect(content().string(Matchers.containsString("Register a terminal")));
        assertThat(
                jdbc.sql("select count(*) from audit_entry where action = 'terminal.register' and after_json like :d")
                    .param("d", "%" + device + "%")
                    .query(Long.class)
                    .single())
            .isEqualTo(1);

        // The same device cannot be registered twice while in use; the form says why.
        mvc.perform(post("/terminals").with(csrf())
            .cookie(p.staff())
            .param("deviceId", device)
            .param("name", "重复")
            .param("venueAddress", "历下区")
            .param("venueLat", "36.651")
            .param("venueLng", "abc"))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("该设备已登记为在用的签到终端。")))
            .andExpect(content().string(Matchers.containsString("纬度")));

        long id = jdbc.sql("select id from check_in_terminal where device_id = :d")
            .param("d", device)
            .query(Long.class)
            .single();
        mvc.perform(post("/terminals/" + id + "/retirement").with(csrf()).cookie(p.staff()).param("reason", ""))
            .andExpect(redirectedUrl("/terminals"));
        assertThat(jdbc.sql("select retired_at from check_in_terminal where id = :id")
            .param("id", id)
            .query(Timestamp.class)
            .optional()).isEmpty();
        mvc.perform(post("/terminals/" + id + "/retirement").with(csrf()).cookie(p.staff()).param("reason", "设备报废"))
            .andExpect(redirectedUrl("/terminals"));
        mvc.perform(get("/terminals").cookie(p.staff()))
            .andExpect(content().string(Matchers.containsString("停用：设备报废")));
        // Retired, the device may be registered again (a new registration).
        postJson("/api/v1/attendance/terminals", p.staff(), """
                {"deviceId":"%s","name":"修好了","venueAddress":"历下区培训楼 2 层","venueLat":36.651,"venueLng":117.12}"""
            .formatted(device)).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/attendance/terminals?retired=true").cookie(p.staff()))
            .andExpect(jsonPath("$.length()").value(2))
            .andExpect(jsonPath("$[0].name").value("修好了"))
            .andExpect(jsonPath("$[1].retireReason").value("设备报废"));
    }

    @Test
    void badRegistrationsAreRefusedNamingTheFieldInTheCallersLanguage() throws Exception {
        Provider p = provider(jinan(), "370100", "WELDER", "JUNIOR");
        postJson("/api/v1/attendance/terminals?lang=en", p.staff(), """
                {"deviceId":"bad id!","name":"","venueAddress":"","venueLat":10.0,"venueLng":10.0}""")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[?(@.field == 'deviceId')].message")
                .value("A device id is 1 to 64 letters, digits or . _ : -, starting with a letter or digit."))
            .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
            .andExpect(jsonPath("$.errors[?(@.field == 'venueAddress')]").exists())
            .andExpect(jsonPath("$.errors[?(@.field == 'venueLat')]").exists());
        assertThat(jdbc.sql("select count(*) from check_in_terminal where provider_id = :p")
            .param("p", p.id())
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void terminalsStayInsideTheirProviderAndRegion() throws Exception {
        Provider jinanProvider = provider(jinan(), "370100", "WELDER", "JUNIOR");
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        Provider qingdaoProvider = provider(qingdao, "370200", "WELDER", "JUNIOR");
        JsonNode t = body(postJson("/api/v1/attendance/terminals", jinanProvider.staff(), """
                {"deviceId":"JN-%d","name":"大厅","venueAddress":"历下区","venueLat":36.651,"venueLng":117.12}"""
            .formatted(jinanProvider.id())).andExpect(status().isCreated()));
        long id = t.get("id").asLong();
        assertThat(t.get("regionCode").asString()).isEqualTo("370100");
        // Another provider can neither see nor retire it.
        mvc.perform(get("/api/v1/attendance/terminals/" + id).cookie(qingdaoProvider.staff()))
            .andExpect(status().isNotFound());
        postJson("/api/v1/attendance/terminals/" + id + "/retirement", qingdaoProvider.staff(), """
                {"reason":"不是我的"}""").andExpect(status().isNotFound());
        // Officers read their region's terminals; another city's officer does not.
        mvc.perform(get("/api/v1/attendance/terminals?providerId=" + jinanProvider.id()).cookie(jinan()))
            .andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(get("/api/v1/attendance/terminals?providerId=" + jinanProvider.id()).cookie(qingdao))
            .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/attendance/terminals/" + id).cookie(qingdao)).andExpect(status().isNotFound());
        // Officers do not register terminals; trainees and enterprises do not read them.
        postJson("/api/v1/attendance/terminals", jinan(), """
                {"deviceId":"X-1","name":"大厅","venueAddress":"历下区","venueLat":36.651,"venueLng":117.12}""")
            .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/attendance/terminals").cookie(SignedIn.as(mvc, "trainee")))
            .andExpect(status().isForbidden());
    }

    @Test
    void theApiDocumentNamesTheBatchAndTheTerminalRegistry() throws Exception {
        mvc.perform(get("/v3/api-docs"))
            .andExpect(jsonPath("$.paths['/api/v1/attendance/check-ins/batch'].post").exists())
            .andExpect(jsonPath("$.paths['/api/v1/attendance/terminals'].post").exists())
            .andExpect(jsonPath("$.paths['/api/v1/attendance/terminals/{id}/retirement'].post").exists());
    }

}
