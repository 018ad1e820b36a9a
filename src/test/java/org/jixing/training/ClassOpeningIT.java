package org.jixing.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.account.Accounts;
import org.jixing.account.NewAccount;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ClassOpeningIT extends TrainingTestBase {

    @Test
    void aClassGoesFromApplicationThroughApprovalToClosingWithItsHistory() throws Exception {
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 12, "L04-1");
        Provider p = provider(jinan, "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        JsonNode c = body(postJson("/api/v1/classes", p.staff(),
                application(programme, sessions(p.teacher(), 4, 9), start.plusDays(5)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("SUBMITTED"))
            .andExpect(jsonPath("$.lineCode").value("L04"))
            .andExpect(jsonPath("$.regionCode").value("370100")));
        long id = c.get("id").asLong();
        assertThat(c.get("classNo").asString()).matches("370100-\\d{4}-\\d{6}");
        mvc.perform(get("/api/v1/classes/" + id + "/sessions").cookie(p.staff()))
            .andExpect(jsonPath("$.length()").value(4));

        int version = c.get("version").asInt();
        for (var step : List.of(List.of("approve", jinan), List.of("start", p.staff()))) {
            version = body(postJson("/api/v1/classes/" + id + "/decisions", (Cookie) step.get(1), """
                    {"verb":"%s","version":%d}""".formatted(step.get(0), version)).andExpect(status().isOk()))
                .get("version")
                .asInt();
        }
        // Completing goes through the completion, which decides each trainee's outcome.
        postJson("/api/v1/classes/" + id + "/decisions", p.staff(), """
                {"verb":"complete","version":%d}""".formatted(version)).andExpect(status().isUnprocessableContent());
        postJson("/api/v1/classes/" + id + "/completion", p.staff(), """
                {"version":%d}""".formatted(version)).andExpect(status().isOk());
        version = body(mvc.perform(get("/api/v1/classes/" + id).cookie(jinan))).get("version").asInt();
        postJson("/api/v1/classes/" + id + "/decisions", jinan, """
                {"verb":"close","version":%d}""".formatted(version)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/classes/" + id + "/history").cookie(jinan))
            .andExpect(jsonPath("$.length()").value(5))
            .andExpect(jsonPath("$[4].status").value("CLOSED"));
    }

    @Test
    void everyBrokenRuleOfAnApplicationIsListed() throws Exception {
        long programme = programme("HOUSEKEEPING_WORKER", "JUNIOR", 40, "L04-3");
        Provider p = provider(jinan, "370100", "HOUSEKEEPING_WORKER", "JUNIOR");
        Provider other = provider(jinan, "370100", "HOUSEKEEPING_WORKER", "JUNIOR");
        // Two sessions of 3 hours: short of 40; the second after the end date; a teacher
        // of
        // another provider.
        String sessions = """
                [{"startsAt":"%sT09:00:00","endsAt":"%sT12:00:00","teacherId":%d},
                 {"startsAt":"%sT09:00:00","endsAt":"%sT12:00:00","teacherId":%d}]""".formatted(start, start,
                p.teacher(), start.plusDays(3), start.plusDays(3), other.teacher());
        postJson("/api/v1/classes?lang=en", p.staff(), application(programme, sessions, start.plusDays(1)))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[?(@.message == 'Session 2 is outside the class dates.')]").exists())
            .andExpect(jsonPath(
                    "$.errors[?(@.message == \"Session 2's teacher is not one of your provider's teachers.\")]")
                .exists())
            .andExpect(jsonPath(
                    "$.errors[?(@.message == \"The sessions add up to 6 hours, fewer than the programme's 40.\")]")
                .exists());

        long notPermitted = programme("WELDER", "SENIOR", 3, "L07-1");
        postJson("/api/v1/classes", p.staff(), application(notPermitted, sessions(p.teacher(), 1, 9), start))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message").value("本机构未备案该职业（工种）和等级，不能开设此项目。"));
    }

    @Test
    void aTeacherCannotTeachTwoOverlappingSessionsAnywhere() throws Exception {
        long programme = programme("ELDERLY_CARE_WORKER", "INTERMEDIATE", 3, "L04-1");
        Provider p = provider(jinan, "370100", "ELDERLY_CARE_WORKER", "INTERMEDIATE");
        String first = body(
                postJson("/api/v1/classes", p.staff(), application(programme, sessions(p.teacher(), 1, 8), start))
                    .andExpect(status().isCreated()))
            .get("classNo")
            .asString();
        postJson("/api/v1/classes?lang=en", p.staff(), application(programme, sessions(p.teacher(), 1, 10), start))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message")
                .value("Session 1: teacher 王老师 teaches class " + first + " at the same time."));
        // Back to back is fine.
        postJson("/api/v1/classes", p.staff(), application(programme, sessions(p.teacher(), 1, 11), start))
            .andExpect(status().isCreated());
    }

    @Test
    void aSuspendedProviderCannotOpenClasses() throws Exception {
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        Provider p = provider(jinan, "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        int version = body(mvc.perform(get("/api/v1/providers/" + p.id()).cookie(jinan))).get("version").asInt();
        postJson("/api/v1/providers/" + p.id() + "/decisions", jinan, """
                {"verb":"suspend","version":%d,"reason":"考勤造假调查中"}""".formatted(version)).andExpect(status().isOk());
        postJson("/api/v1/classes", p.staff(), application(programme, sessions(p.teacher(), 1, 9), start))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].rule").value("training.error.provider.notActive"));
    }

    @Test
    void classesStayInsideEachUsersScope() throws Exception {
        long rural = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L02-3");
        long care = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        Provider p = provider(jinan, "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        Provider other = provider(jinan, "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        long ruralClass = body(
                postJson("/api/v1/classes", p.staff(), application(rural, sessions(p.teacher(), 1, 14), start)))
            .get("id")
            .asLong();
        long careClass = body(
                postJson("/api/v1/classes", p.staff(), application(care, sessions(p.teacher(), 1, 18), start)))
            .get("id")
            .asLong();

        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        mvc.perform(get("/api/v1/classes/" + ruralClass).cookie(qingdao)).andExpect(status().isNotFound());
        // The agriculture department leads line 2 (rural revitalisation), not line 4.
        Cookie agri = SignedIn.as(mvc, "agri");
        mvc.perform(get("/api/v1/classes/" + ruralClass).cookie(agri)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/classes/" + careClass).cookie(agri)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/classes/" + careClass).cookie(other.staff())).andExpect(status().isNotFound());
        // Staff cannot approve their own class.
        postJson("/api/v1/classes/" + careClass + "/decisions", p.staff(), """
                {"verb":"approve","version":0}""").andExpect(status().isForbidden());
    }

    @Test
    void aProviderAppliesThroughTheFormAndTheCityApprovesOnTheClassPage() throws Exception {
        long programme = programme("HOUSEKEEPING_WORKER", "INTERMEDIATE", 12, "L04-3");
        Provider p = provider(jinan, "370100", "HOUSEKEEPING_WORKER", "INTERMEDIATE");
        mvc.perform(get("/classes/new").cookie(p.staff()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("王老师")));
        // Mornings of three hours over a week of weekdays: 5 sessions, 15 hours.
        LocalDate monday = start.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        String location = mvc
            .perform(post("/classes").with(csrf())
                .cookie(p.staff())
                .param("programmeId", String.valueOf(programme))
                .param("classType", "ORDER")
                .param("employerName", "济南家政服务有限公司")
                .param("employerCreditCode", "91110000600037341L")
                .param("subsidised", "true")
                .param("venueAddress", "历下区培训楼")
                .param("venueLat", "36.65")
                .param("venueLng", "117.12")
                .param("startDate", monday.toString())
                .param("endDate", monday.plusDays(6).toString())
                .param("capacity", "30")
                .param("weekdays", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
                .param("morningFrom", "09:00")
                .param("morningTo", "12:00")
                .param("teacherId", String.valueOf(p.teacher())))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        mvc.perform(get(location).cookie(jinan))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("项目要求 12 学时，已安排 15 小时")))
            .andExpect(content().string(containsString("济南家政服务有限公司")))
            .andExpect(content().string(containsString("批准开班")));
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post(location + "/reject").with(csrf()).cookie(jinan).param("version", "0").param("reason", ""))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("请填写原因")));
        mvc.perform(post(location + "/approve").with(csrf()).cookie(jinan).param("version", "0"))
            .andExpect(status().is3xxRedirection());
        mvc.perform(get("/classes").cookie(jinan).param("lang", "en").param("status", "APPROVED"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(
                    body(mvc.perform(get("/api/v1/classes/" + id).cookie(jinan))).get("classNo").asString())));
    }

    @Test
    void theOpeningFormShowsEveryProblemBesideItsField() throws Exception {
        long programme = programme("HOUSEKEEPING_WORKER", "SENIOR", 40, "L04-3");
        Provider p = provider(jinan, "370100", "HOUSEKEEPING_WORKER", "SENIOR");
        mvc.perform(post("/classes").with(csrf())
            .cookie(p.staff())
            .param("programmeId", String.valueOf(programme))
            .param("classType", "DIRECTED")
            .param("venueAddress", "")
            .param("venueLat", "10")
            .param("venueLng", "10")
            .param("startDate", start.toString())
            .param("endDate", start.toString())
            .param("capacity", "500")
            .param("weekdays", start.getDayOfWeek().name())
            .param("teacherId", String.valueOf(p.teacher())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("订单、定岗、定向培训须填写用人单位。")))
            .andExpect(content().string(containsString("培训地点坐标不在中国境内。")))
            .andExpect(content().string(containsString("班额不能超过本机构的培训能力（40 人）。")))
            .andExpect(content().string(containsString("少于项目要求的 40 学时")));
    }

    @Test
    void theOfficersQueueAndTheProvidersDashboardShowTheApplicationAndListsSort() throws Exception {
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        Provider p = provider(jinan, "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        String classNo = body(
                postJson("/api/v1/classes", p.staff(), application(programme, sessions(p.teacher(), 1, 9), start))
                    .andExpect(status().isCreated()))
            .get("classNo")
            .asString();
        mvc.perform(get("/").cookie(jinan))
            .andExpect(content().string(containsString("待您办理")))
            .andExpect(content().string(containsString(classNo)));
        mvc.perform(get("/").cookie(p.staff())).andExpect(content().string(containsString(classNo)));
        mvc.perform(get("/").cookie(SignedIn.as(mvc, "qingdao")))
            .andExpect(content().string(org.hamcrest.Matchers.not(containsString(classNo))));
        var numbers = new java.util.ArrayList<String>();
        body(mvc.perform(get("/api/v1/classes").param("sort", "no").param("size", "200").cookie(jinan))).get("items")
            .forEach(c -> numbers.add(c.get("classNo").asString()));
        assertThat(numbers).isSorted().contains(classNo);
    }

}
