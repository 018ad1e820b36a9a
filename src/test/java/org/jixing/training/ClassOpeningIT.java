package org.jixing.training;

import static org.jixing.TestIdNumbers.adultIdNumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

class ClassOpeningIT extends IntegrationTest implements TrainingFixtures {

    @Autowired
    ClassWalk walk;

    /** A moment of a day as the refusals name it, in Chinese and in English. */
    static String zh(LocalDate day, String time) {
        return day + " " + time;
    }

    static String en(LocalDate day, String time) {
        return day.getDayOfMonth() + " " + day.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + day.getYear() + " " + time;
    }

    @Test
    void aClassGoesFromApplicationThroughApprovalToClosingWithItsHistory() throws Exception {
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 12, "L04-1");
        Provider p = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        JsonNode c = body(postJson("/api/v1/classes", p.staff(),
                application(programme, sessions(p.teacher(), 4, 9), start().plusDays(5)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("SUBMITTED"))
            .andExpect(jsonPath("$.lineCode").value("L04"))
            .andExpect(jsonPath("$.regionCode").value("370100")));
        long id = c.get("id").asLong();
        assertThat(c.get("classNo").asString()).matches("370100-\\d{4}-\\d{6}");
        mvc.perform(get("/api/v1/classes/" + id + "/sessions").cookie(p.staff()))
            .andExpect(jsonPath("$.length()").value(4));
        postJson("/api/v1/classes/" + id + "/decisions", jinan(), """
                {"verb":"approve","version":%d}""".formatted(c.get("version").asInt())).andExpect(status().isOk());

        // The class starts with its first session, 09:00 on its first day.
        int version = start(id, p.staff());
        // Completing goes through the completion, which decides each trainee's outcome.
        postJson("/api/v1/classes/" + id + "/decisions", p.staff(), """
                {"verb":"complete","version":%d}""".formatted(version)).andExpect(status().isUnprocessableContent());
        complete(id, p.staff(), List.of());
        postJson("/api/v1/classes/" + id + "/decisions", jinan(), """
                {"verb":"close","version":%d}""".formatted(version(id, jinan()))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/classes/" + id + "/history").cookie(jinan()))
            .andExpect(jsonPath("$.length()").value(5))
            .andExpect(jsonPath("$[4].status").value("CLOSED"));
    }

    @Test
    void aClassOpenedForLaterCannotStartOrCompleteBeforeItsTimeAndEachRefusalSaysWhenItCan() throws Exception {
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 12, "L04-1");
        Provider p = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        // Four mornings, 09:00 to 12:00, from the first day.
        long id = approvedClass(programme, p, 4, 9, start());
        String decisions = "/api/v1/classes/" + id + "/decisions";
        String startNow = """
                {"verb":"start","version":%d}""".formatted(version(id, p.staff()));
        postJson(decisions, p.staff(), startNow).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].rule").value("training.error.notYet.start"))
            .andExpect(
                    jsonPath("$.errors[0].message").value("还不能开始培训：可于 " + zh(start(), "08:30") + " 开始（首次课签到时段开放时）。"));
        postJson(decisions + "?lang=en", p.staff(), startNow).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message").value("Not yet: the class can start from " + en(start(), "08:30")
                    + ", when its first session's check-in window opens."));
        mvc.perform(get("/api/v1/classes/" + id + "/calendar").cookie(p.staff()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.startsFrom").value(walk.calendar(id).startsFrom().toString()))
            .andExpect(jsonPath("$.waitingFor.start").exists())
            .andExpect(jsonPath("$.sessions.length()").value(4));

        // A minute before the first session's check-in window opens: still not.
        clock.moveTo(walk.calendar(id).startsFrom().minusSeconds(60));
        postJson(decisions, p.staff(), startNow).andExpect(status().isUnprocessableContent());
        int version = start(id, p.staff());

        // The last session ends at 12:00 on the fourth day; check-outs count until 12:30
        // and an offline terminal may upload them for 48 hours after that.
        String completion = "/api/v1/classes/" + id + "/completion";
        LocalDate lastDay = start().plusDays(3);
        for (int session : new int[] { 1, 4 }) {
            walk.pastSession(id, session);
            postJson(completion + "?lang=en", p.staff(), "{\"version\":%d}".formatted(version))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].rule").value("training.error.notYet.complete"))
                .andExpect(jsonPath("$.errors[0].message")
                    .value("Not yet: the class can complete from " + en(lastDay.plusDays(2), "12:30")
                            + ", once its last session has ended and offline terminals can no longer upload late."));
        }
        postJson(completion, p.staff(), "{\"version\":%d}".formatted(version)).andExpect(jsonPath("$.errors[0].message")
            .value("还不能结业：最后一次课结束且离线终端补传期已过后，可于 " + zh(lastDay.plusDays(2), "12:30") + " 结业。"));
        mvc.perform(get("/api/v1/classes/" + id).cookie(p.staff())).andExpect(jsonPath("$.status").value("RUNNING"));
        // The subsidy simulator names the same moment.
        mvc.perform(get("/api/v1/subsidies/simulation?lang=en&classId=" + id).cookie(p.staff()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.explanation").value(Matchers.hasItem(Matchers.containsString(
                    "The class has not completed (it can complete from " + en(lastDay.plusDays(2), "12:30")))));
        complete(id, p.staff(), List.of());
        mvc.perform(get("/api/v1/classes/" + id).cookie(p.staff())).andExpect(jsonPath("$.status").value("COMPLETED"));
        mvc.perform(get("/api/v1/classes/" + id + "/calendar").cookie(p.staff()))
            .andExpect(jsonPath("$.waitingFor").isEmpty());
    }

    @Test
    void theClassPageAndTheSessionSheetSayWhenEachStepBecomesPossible() throws Exception {
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 6, "L04-1");
        Provider p = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        long id = approvedClass(programme, p, 2, 9, start());
        postJson("/api/v1/classes/" + id + "/enrolments", p.staff(), """
                {"idNumber":"%s","name":"学员","phone":"13900002222"}""".formatted(adultIdNumber()))
            .andExpect(status().isCreated());
        long first = walk.session(id, 1).id();
        String sheet = "/classes/" + id + "/sessions/" + first;
        // Before the class: the start button is there but disabled, with its time.
        mvc.perform(get("/classes/" + id).cookie(p.staff()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("可于 " + zh(start(), "08:30") + " 开始")))
            .andExpect(content().string(containsString("disabled=\"disabled\"")))
            .andExpect(content().string(containsString("id=\"start-waits\"")));
        mvc.perform(get(sheet).cookie(p.staff()).param("lang", "en"))
            .andExpect(content().string(containsString(
                    "Check-ins and check-outs count from " + en(start(), "08:30") + " to " + en(start(), "12:30"))))
            .andExpect(content().string(containsString("once the session has ended (" + en(start(), "12:00") + ")")))
            .andExpect(content().string(Matchers.not(containsString("name=\"present\""))));

        // At the first session it starts from the page; completion says when it can.
        walk.toFirstSession(id);
        mvc.perform(get("/classes/" + id).cookie(p.staff()))
            .andExpect(content().string(Matchers.not(containsString("id=\"start-waits\""))));
        mvc.perform(post("/classes/" + id + "/start").with(csrf())
            .cookie(p.staff())
            .param("version", String.valueOf(version(id, p.staff())))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/classes/" + id).cookie(p.staff()))
            .andExpect(content().string(containsString("可于 " + zh(start().plusDays(3), "12:30") + " 结业")))
            .andExpect(content().string(Matchers.not(containsString("id=\"completion-form\""))));
        // Once the session has ended its attendance can be marked.
        walk.pastSession(id, 1);
        mvc.perform(get(sheet).cookie(p.staff()))
            .andExpect(content().string(containsString("name=\"present\"")))
            .andExpect(content().string(Matchers.not(containsString("id=\"correction-waits\""))));
        walk.toCompletion(id);
        mvc.perform(get("/classes/" + id).cookie(p.staff()))
            .andExpect(content().string(containsString("id=\"completion-form\"")));
    }

    @Test
    void everyBrokenRuleOfAnApplicationIsListed() throws Exception {
        long programme = programme("HOUSEKEEPING_WORKER", "JUNIOR", 40, "L04-3");
        Provider p = provider(jinan(), "370100", "HOUSEKEEPING_WORKER", "JUNIOR");
        Provider other = provider(jinan(), "370100", "HOUSEKEEPING_WORKER", "JUNIOR");
        // Two sessions of 3 hours: short of 40; the second after the end date; a teacher
        // of
        // another provider.
        String sessions = """
                [{"startsAt":"%sT09:00:00","endsAt":"%sT12:00:00","teacherId":%d},
                 {"startsAt":"%sT09:00:00","endsAt":"%sT12:00:00","teacherId":%d}]""".formatted(start(), start(),
                p.teacher(), start().plusDays(3), start().plusDays(3), other.teacher());
        postJson("/api/v1/classes?lang=en", p.staff(), application(programme, sessions, start().plusDays(1)))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[?(@.message == 'Session 2 is outside the class dates.')]").exists())
            .andExpect(jsonPath(
                    "$.errors[?(@.message == \"Session 2's teacher is not one of your provider's teachers.\")]")
                .exists())
            .andExpect(jsonPath(
                    "$.errors[?(@.message == \"The sessions add up to 6 hours, fewer than the programme's 40.\")]")
                .exists());

        long notPermitted = programme("WELDER", "SENIOR", 3, "L07-1");
        postJson("/api/v1/classes", p.staff(), application(notPermitted, sessions(p.teacher(), 1, 9), start()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message").value("本机构未备案该职业（工种）和等级，不能开设此项目。"));
    }

    @Test
    void aTeacherCannotTeachTwoOverlappingSessionsAnywhere() throws Exception {
        long programme = programme("ELDERLY_CARE_WORKER", "INTERMEDIATE", 3, "L04-1");
        Provider p = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "INTERMEDIATE");
        String first = body(
                postJson("/api/v1/classes", p.staff(), application(programme, sessions(p.teacher(), 1, 8), start()))
                    .andExpect(status().isCreated()))
            .get("classNo")
            .asString();
        postJson("/api/v1/classes?lang=en", p.staff(), application(programme, sessions(p.teacher(), 1, 10), start()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message")
                .value("Session 1: teacher 王老师 teaches class " + first + " at the same time."));
        // Back to back is fine.
        postJson("/api/v1/classes", p.staff(), application(programme, sessions(p.teacher(), 1, 11), start()))
            .andExpect(status().isCreated());
    }

    @Test
    void aSuspendedProviderCannotOpenClasses() throws Exception {
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        Provider p = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        int version = body(mvc.perform(get("/api/v1/providers/" + p.id()).cookie(jinan()))).get("version").asInt();
        postJson("/api/v1/providers/" + p.id() + "/decisions", jinan(), """
                {"verb":"suspend","version":%d,"reason":"考勤造假调查中"}""".formatted(version)).andExpect(status().isOk());
        postJson("/api/v1/classes", p.staff(), application(programme, sessions(p.teacher(), 1, 9), start()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].rule").value("training.error.provider.notActive"));
    }

    @Test
    void classesStayInsideEachUsersScope() throws Exception {
        long rural = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L02-3");
        long care = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        Provider p = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        Provider other = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        long ruralClass = body(
                postJson("/api/v1/classes", p.staff(), application(rural, sessions(p.teacher(), 1, 14), start())))
            .get("id")
            .asLong();
        long careClass = body(
                postJson("/api/v1/classes", p.staff(), application(care, sessions(p.teacher(), 1, 18), start())))
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
        Provider p = provider(jinan(), "370100", "HOUSEKEEPING_WORKER", "INTERMEDIATE");
        mvc.perform(get("/classes/new").cookie(p.staff()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("王老师")));
        // Mornings of three hours over a week of weekdays: 5 sessions, 15 hours.
        LocalDate monday = start().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
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
        mvc.perform(get(location).cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("项目要求 12 学时，已安排 15 小时")))
            .andExpect(content().string(containsString("济南家政服务有限公司")))
            .andExpect(content().string(containsString("批准开班")));
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post(location + "/reject").with(csrf()).cookie(jinan()).param("version", "0").param("reason", ""))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("请填写原因")));
        mvc.perform(post(location + "/approve").with(csrf()).cookie(jinan()).param("version", "0"))
            .andExpect(status().is3xxRedirection());
        mvc.perform(get("/classes").cookie(jinan()).param("lang", "en").param("status", "APPROVED"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(
                    body(mvc.perform(get("/api/v1/classes/" + id).cookie(jinan()))).get("classNo").asString())));
    }

    @Test
    void theOpeningFormShowsEveryProblemBesideItsField() throws Exception {
        long programme = programme("HOUSEKEEPING_WORKER", "SENIOR", 40, "L04-3");
        Provider p = provider(jinan(), "370100", "HOUSEKEEPING_WORKER", "SENIOR");
        mvc.perform(post("/classes").with(csrf())
            .cookie(p.staff())
            .param("programmeId", String.valueOf(programme))
            .param("classType", "DIRECTED")
            .param("venueAddress", "")
            .param("venueLat", "10")
            .param("venueLng", "10")
            .param("startDate", start().toString())
            .param("endDate", start().toString())
            .param("capacity", "500")
            .param("weekdays", start().getDayOfWeek().name())
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
        Provider p = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        String classNo = body(
                postJson("/api/v1/classes", p.staff(), application(programme, sessions(p.teacher(), 1, 9), start()))
                    .andExpect(status().isCreated()))
            .get("classNo")
            .asString();
        mvc.perform(get("/").cookie(jinan()))
            .andExpect(content().string(containsString("待您办理")))
            .andExpect(content().string(containsString(classNo)));
        mvc.perform(get("/").cookie(p.staff())).andExpect(content().string(containsString(classNo)));
        mvc.perform(get("/").cookie(SignedIn.as(mvc, "qingdao")))
            .andExpect(content().string(Matchers.not(containsString(classNo))));
        var numbers = new ArrayList<String>();
        body(mvc.perform(get("/api/v1/classes").param("sort", "no").param("size", "200").cookie(jinan()))).get("items")
            .forEach(c -> numbers.add(c.get("classNo").asString()));
        assertThat(numbers).isSorted().contains(classNo);
    }

}
