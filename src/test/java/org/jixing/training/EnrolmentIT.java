package org.jixing.training;

import static org.jixing.TestIdNumbers.adultIdNumber;
import static org.jixing.TestIdNumbers.idNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

class EnrolmentIT extends IntegrationTest implements TrainingFixtures {

    @Autowired
    JdbcClient jdbc;

    String enrolment(String idNumber, boolean selfFunded) {
        return """
                {"idNumber":"%s","name":"测试学员","phone":"13912345678","selfFundedIfIneligible":%s}""".formatted(idNumber,
                selfFunded);
    }

    @Test
    void aNewPersonIsRegisteredAndEnrolledAndTheRosterShowsTheIdNumberMasked() throws Exception {
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        Provider p = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        long c = approvedClass(programme, p, 1, 9, start());
        String id = adultIdNumber();
        postJson("/api/v1/classes/" + c + "/enrolments", p.staff(), enrolment(id.toLowerCase(), false))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.subsidised").value(true))
            .andExpect(jsonPath("$.idNumberMasked").value(id.substring(0, 6) + "********" + id.substring(14)));
        String roster = mvc.perform(get("/api/v1/classes/" + c + "/enrolments").cookie(p.staff()))
            .andExpect(jsonPath("$.total").value(1))
            .andExpect(jsonPath("$.items.length()").value(1))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(roster).doesNotContain(id);
        // Stored encrypted: the full number is nowhere in the person table.
        assertThat(jdbc.sql("select count(*) from person where id_number_cipher like :v or id_number_masked = :v")
            .param("v", "%" + id + "%")
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void badIdNumbersAreRefusedWithTheirReason() throws Exception {
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        Provider p = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        long c = approvedClass(programme, p, 1, 9, start());
        String valid = adultIdNumber();
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        postJson("/api/v1/classes/" + c + "/enrolments", p.staff(), enrolment(valid.substring(0, 17) + wrong, false))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message").value("身份证号的校验码不对，请核对每一位。"));
        postJson("/api/v1/classes/" + c + "/enrolments?lang=en", p.staff(), enrolment("37010220300101123X", false))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message")
                .value("The birth date in the ID number is not a real date or lies in the future."));
    }

    /**
     * Early next year: always in the future, and a run of days that stays in one year.
     */
    final LocalDate nextMarch = LocalDate.of(start().getYear() + 1, 3, 2);

    /** Classes of distinct occupations on distinct days, each with its own provider. */
    record Classes(List<Long> ids, List<Cookie> staff) {
    }

    Classes classesOfDistinctOccupations(String... occupations) throws Exception {
        List<Long> ids = new ArrayList<>();
        List<Cookie> staff = new ArrayList<>();
        for (int i = 0; i < occupations.length; i++) {
            Provider p = provider(jinan(), "370100", occupations[i], "JUNIOR");
            ids.add(approvedClass(programme(occupations[i], "JUNIOR", 3, "L04-1"), p, 1, 8,
                    nextMarch.plusDays(2L * i)));
            staff.add(p.staff());
        }
        return new Classes(ids, staff);
    }

    @Test
    void aFourthSubsidisedTrainingInAYearIsRefusedButMayBeSelfFunded() throws Exception {
        Classes c = classesOfDistinctOccupations("ELDERLY_CARE_WORKER", "HOUSEKEEPING_WORKER", "CHINESE_COOK",
                "WELDER");
        String id = adultIdNumber();
        for (int i = 0; i < 3; i++) {
            postJson("/api/v1/classes/" + c.ids().get(i) + "/enrolments", c.staff().get(i), enrolment(id, false))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.subsidised").value(true));
        }
        postJson("/api/v1/classes/" + c.ids().get(3) + "/enrolments", c.staff().get(3), enrolment(id, false))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message").value(nextMarch.getYear() + " 年已享受 3 次补贴性培训。"));
        postJson("/api/v1/classes/" + c.ids().get(3) + "/enrolments", c.staff().get(3), enrolment(id, true))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.subsidised").value(false));
        // Withdrawing from a subsidised class frees its place for the year.
        var roster = body(
                mvc.perform(get("/api/v1/classes/" + c.ids().get(0) + "/enrolments").cookie(c.staff().get(0))))
            .get("items");
        postJson(
                "/api/v1/classes/" + c.ids().get(0) + "/enrolments/" + roster.get(0).get("id").asLong() + "/withdrawal",
                c.staff().get(0), """
                        {"version":%d,"reason":"本人申请退学"}""".formatted(roster.get(0).get("version").asInt()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("WITHDRAWN"));
        assertThat(jdbc
            .sql("select count(*) from subsidy_slot s join enrolment e on e.id = s.enrolment_id "
                    + "where e.class_id in (:c)")
            .param("c", c.ids())
            .query(Long.class)
            .single()).isEqualTo(2);
    }

    @Test
    void theSameOccupationAndLevelIsSubsidisedOnce() throws Exception {
        Provider p = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        long first = approvedClass(programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1"), p, 1, 9, start());
        long second = approvedClass(programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1"), p, 1, 9,
                start().plusDays(2));
        String id = adultIdNumber();
        postJson("/api/v1/classes/" + first + "/enrolments", p.staff(), enrolment(id, false))
            .andExpect(status().isCreated());
        String firstNo = body(mvc.perform(get("/api/v1/classes/" + first).cookie(p.staff()))).get("classNo").asString();
        postJson("/api/v1/classes/" + second + "/enrolments", p.staff(), enrolment(id, false))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message").value("同一职业（工种）同一等级已在培训班 " + firstNo + " 享受过补贴。"));
        // The provider may still take them, self-funded, with the reason on record.
        postJson("/api/v1/classes/" + second + "/enrolments", p.staff(), enrolment(id, true))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.subsidised").value(false))
            .andExpect(jsonPath("$.ineligibleReasons").value("同一职业（工种）同一等级已在培训班 " + firstNo + " 享受过补贴。"));
    }

    @Test
    void ageOverlapAndTheLinesGroupRuleAreEachNamed() throws Exception {
        Provider p = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        long care = approvedClass(programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1"), p, 1, 9, start());
        long rural = approvedClass(programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L02-3"), p, 1, 14, start());
        String young = idNumber(start().minusYears(15));
        postJson("/api/v1/classes/" + care + "/enrolments", p.staff(), enrolment(young, true))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message").value("开班时未满 16 周岁。"));

        String adult = adultIdNumber();
        postJson("/api/v1/classes/" + rural + "/eligibility-checks?lang=en", p.staff(),
                "{\"idNumber\":\"" + adult + "\"}")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].rule").value("training.error.check.nameRequired"));
        postJson("/api/v1/classes/" + care + "/enrolments", p.staff(), enrolment(adult, false))
            .andExpect(status().isCreated());
        postJson("/api/v1/classes/" + rural + "/eligibility-checks?lang=en", p.staff(),
                "{\"idNumber\":\"" + adult + "\",\"name\":\"测试学员\"}")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.eligibleForSubsidy").value(false))
            .andExpect(jsonPath("$.subsidy[?(@.rule == 'training.error.enrol.group')].message").value(
                    "This line subsidises high-quality farmers and rural migrant labour; the person belongs to none of these groups on the class's first day."));

        // Same day, overlapping hours: refused whatever the funding.
        long clash = approvedClass(programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1"),
                provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR"), 1, 10, start());
        String careNo = body(mvc.perform(get("/api/v1/classes/" + care).cookie(jinan()))).get("classNo").asString();
        Cookie otherStaff = SignedIn.as(
                mvc, "staff-"
                        + body(mvc.perform(get("/api/v1/classes/" + clash).cookie(jinan()))).get("providerId").asLong(),
                "staff-password-123");
        postJson("/api/v1/classes/" + clash + "/enrolments", otherStaff, enrolment(adult, true))
            .andExpect(status().isUnprocessableContent())
            // Another provider's class is not named to this one.
            .andExpect(jsonPath("$.errors[0].message").value("与其在其他培训机构参加的培训班上课时间重叠。"))
            .andExpect(content().string(not(containsString(careNo))));
    }

    @Test
    void twoConcurrentEnrolmentsCannotBothTakeTheLastSubsidisedPlaceOfTheYear() throws Exception {
        Classes c = classesOfDistinctOccupations("ELDERLY_CARE_WORKER", "HOUSEKEEPING_WORKER", "CHINESE_COOK", "WELDER",
                "ELECTRICIAN");
        String id = adultIdNumber();
        List<Long> classes = c.ids();
        List<Cookie> staff = c.staff();
        for (int i = 0; i < 2; i++) {
            postJson("/api/v1/classes/" + classes.get(i) + "/enrolments", staff.get(i), enrolment(id, false))
                .andExpect(status().isCreated());
        }
        var pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 2; i < 5; i++) {
            int n = i;
            results
                .add(pool.submit((Callable<Integer>) () -> postJson("/api/v1/classes/" + classes.get(n) + "/enrolments",
                        staff.get(n), enrolment(id, false))
                    .andReturn()
                    .getResponse()
                    .getStatus()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 422);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(jdbc
            .sql("select count(*) from subsidy_slot s join enrolment e on e.id = s.enrolment_id "
                    + "where s.training_year = :y and e.class_id in (:c)")
            .param("y", nextMarch.getYear())
            .param("c", classes)
            .query(Long.class)
            .single()).isEqualTo(3);
    }

    @Test
    void theProviderEnrolsOnTheClassPageAndTheRosterShowsMaskedNumbers() throws Exception {
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        Provider p = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        long c = approvedClass(programme, p, 1, 9, start());
        String id = adultIdNumber();
        mvc.perform(MockMvcRequestBuilders.post("/classes/" + c + "/enrolments")
            .with(SecurityMockMvcRequestPostProcessors.csrf())
            .cookie(p.staff())
            .param("idNumber", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'))
            .param("name", "页面学员")
            .param("phone", "13900001111"))
            .andExpect(status().isOk())
            .andExpect(MockMvcResultMatchers.content().string(Matchers.containsString("身份证号的校验码不对")));
        mvc.perform(MockMvcRequestBuilders.post("/classes/" + c + "/enrolments")
            .with(SecurityMockMvcRequestPostProcessors.csrf())
            .cookie(p.staff())
            .param("idNumber", id)
            .param("name", "页面学员")
            .param("phone", "13900001111")).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/classes/" + c).cookie(jinan())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("页面学员")
            .contains(id.substring(0, 6) + "********" + id.substring(14))
            .doesNotContain(id);
    }

}
