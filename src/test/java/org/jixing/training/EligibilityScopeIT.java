package org.jixing.training;

import static org.jixing.TestIdNumbers.adultIdNumber;
import static org.jixing.TestIdNumbers.unregisteredIdNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;

/**
 * An eligibility check tells a provider whether the person may enrol in its class, and
 * why, without naming another provider's or city's class, and without telling an
 * unregistered person from one registered under another name.
 */
class EligibilityScopeIT extends IntegrationTest implements TrainingFixtures {

    private String check(String idNumber, String name) {
        return name == null ? "{\"idNumber\":\"%s\"}".formatted(idNumber)
                : "{\"idNumber\":\"%s\",\"name\":\"%s\"}".formatted(idNumber, name);
    }

    /** A 青岛 class, opened by a 青岛 provider and approved by 青岛. */
    private long qingdaoClass(Provider p, long programme, Cookie qingdao) throws Exception {
        JsonNode c = body(postJson("/api/v1/classes", p.staff(),
                """
                        {"programmeId":%d,"classType":"REGULAR","subsidised":true,"venueAddress":"市南区培训楼 2 层",
                         "venueLat":36.07,"venueLng":120.38,"startDate":"%s","endDate":"%s","capacity":30,"sessions":%s}"""
                    .formatted(programme, start(), start().plusDays(2), sessions(p.teacher(), 2, 9, start())))
            .andExpect(status().isCreated()));
        long id = c.get("id").asLong();
        postJson("/api/v1/classes/" + id + "/decisions", qingdao, """
                {"verb":"approve","version":%d}""".formatted(c.get("version").asInt())).andExpect(status().isOk());
        return id;
    }

    @Test
    void aProviderLearnsOfAnOverlapInQingdaoWithoutItsNumberAndCannotTellWhoIsRegistered() throws Exception {
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        Provider q = provider(qingdao, "370200", "ELDERLY_CARE_WORKER", "JUNIOR");
        long qingdaoClass = qingdaoClass(q, programme, qingdao);
        String qingdaoNo = body(
                mvc.perform(MockMvcRequestBuilders.get("/api/v1/classes/" + qingdaoClass).cookie(qingdao)))
            .get("classNo")
            .asString();
        String person = adultIdNumber();
        postJson("/api/v1/classes/" + qingdaoClass + "/enrolments", q.staff(), """
                {"idNumber":"%s","name":"王青","phone":"13912345678","selfFundedIfIneligible":true}""".formatted(person))
            .andExpect(status().isCreated());

        Provider j = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        long jinanClass = approvedClass(programme, j, 2, 9, start());
        String url = "/api/v1/classes/" + jinanClass + "/eligibility-checks";

        // The right name: the registry's record decides, and the overlap is told without
        // the 青岛 class.
        postJson(url, j.staff(), check(person, "王青")).andExpect(status().isOk())
            .andExpect(jsonPath("$.blocking[0].rule").value("training.error.enrol.overlap.otherProvider"))
            .andExpect(content().string(not(containsString(qingdaoNo))))
            .andExpect(content().string(not(containsString("青岛"))));
        // Without a name the provider is asked for it, registered or not.
        postJson(url, j.staff(), check(person, null)).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].rule").value("training.error.check.nameRequired"));
        postJson(url, j.staff(), check(unregisteredIdNumber(), null)).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].rule").value("training.error.check.nameRequired"));
        // A wrong name and an unregistered number answer alike: as for a newcomer.
        String wrongName = body(postJson(url, j.staff(), check(person, "李四")).andExpect(status().isOk())).toString();
        String unregistered = body(
                postJson(url, j.staff(), check(unregisteredIdNumber(), "李四")).andExpect(status().isOk()))
            .toString();
        assertThat(wrongName).isEqualTo(unregistered).doesNotContain("unknownPerson");

        // The city officer of 济南 does not hold the 青岛 person's record either.
        postJson(url, jinan(), check(person, null)).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].rule").value("training.error.check.nameRequired"));
        // The province knows the whole registry: it is told who is not registered.
        postJson(url, admin(), check(unregisteredIdNumber(), null)).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].rule").value("training.error.enrol.unknownPerson"));
        // ... and, as it may see every class, which one overlaps.
        postJson(url, admin(), check(person, null)).andExpect(status().isOk())
            .andExpect(jsonPath("$.blocking[0].rule").value("training.error.enrol.overlap"))
            .andExpect(content().string(containsString(qingdaoNo)));
    }

    @Test
    void checksAreThrottledPerAccountWithRetryAfter() throws Exception {
        Provider p = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        long c = approvedClass(programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1"), p, 1, 9, start());
        String url = "/api/v1/classes/" + c + "/eligibility-checks";
        for (int i = 0; i < EligibilityChecks.CHECKS.capacity(); i++) {
            postJson(url, p.staff(), check(adultIdNumber(), "张三")).andExpect(status().isOk());
        }
        postJson(url + "?lang=en", p.staff(), check(adultIdNumber(), "张三")).andExpect(status().isTooManyRequests())
            .andExpect(header().string("Retry-After", Matchers.matchesPattern("[1-9][0-9]*")))
            .andExpect(jsonPath("$.detail", containsString("Try again in")));
        // Another account is not held up.
        postJson(url, jinan(), check(adultIdNumber(), "张三")).andExpect(status().isOk());
        clock.advance(EligibilityChecks.CHECKS.refillEvery());
        postJson(url, p.staff(), check(adultIdNumber(), "张三")).andExpect(status().isOk());
    }

}
