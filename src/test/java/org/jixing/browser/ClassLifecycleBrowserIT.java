package org.jixing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.servlet.http.Cookie;
import org.jixing.SignedIn;
import org.jixing.account.NewAccount;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.junit.jupiter.api.Test;

/**
 * The path of issue 3 as people walk it: a provider applies to open a class, the city
 * officer approves it, the provider enrols trainees (one refused, with its reason shown),
 * terminals check trainees in (one rejected for distance), the provider completes the
 * class and the completions show.
 */
class ClassLifecycleBrowserIT extends BrowserTestSupport {

    static String idNumber(LocalDate birth) {
        String first17 = "370102" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("9%02d", ThreadLocalRandom.current().nextInt(100));
        return first17 + ResidentIdNumbers.checkCharacter(first17);
    }

    @Test
    void aClassFromApplicationToCompletion() throws Exception {
        Cookie admin = SignedIn.as(mvc, "admin");
        Cookie jinan = SignedIn.as(mvc, "jinan");
        String code = "BR-" + ThreadLocalRandom.current().nextInt(1_000_000);
        long programme = json.readTree(send(admin, "/api/v1/programmes", """
                {"code":"%s","nameZh":"家政服务员（中级）","occupationCode":"HOUSEKEEPING_WORKER","levelCode":"INTERMEDIATE",
                 "hours":6,"deliveryMode":"IN_PERSON","subTargetCode":"L04-3"}""".formatted(code))).get("id").asLong();
        String first17 = String.format("913701%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        var provider = json.readTree(send(jinan, "/api/v1/providers", """
                {"kind":"PRIVATE_INSTITUTION","name":"浏览器测试家政学校","creditCode":"%s","regionCode":"370100",
                 "address":"历下区","legalRepresentative":"张","contactName":"李","contactPhone":"13800000000",
                 "capacity":30,"permits":[{"occupationCode":"HOUSEKEEPING_WORKER","levelCode":"INTERMEDIATE"}]}"""
            .formatted(first17 + UnifiedSocialCreditCode.checkCharacter(first17))));
        long providerId = provider.get("id").asLong();
        send(jinan, "/api/v1/providers/" + providerId + "/decisions", """
                {"verb":"approve","version":%d,"filingNo":"BR-%d","validFrom":"2025-01-01","validUntil":"2030-12-31"}"""
            .formatted(provider.get("version").asInt(), providerId));
        String staff = "staff-br-" + providerId;
        accounts.create(new NewAccount(staff, "测试员", DEMO_PASSWORD, Role.PROVIDER_STAFF, ScopeKind.PROVIDER,
                String.valueOf(providerId), "370100"));
        send(SignedIn.as(mvc, staff), "/api/v1/teachers", """
                {"name":"孙老师","qualificationNo":"BR%d"}""".formatted(providerId));

        LocalDate monday = LocalDate.now(ZoneId.of("Asia/Shanghai")).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        try (BrowserContext providerBrowser = newContext(); BrowserContext officerBrowser = newContext()) {
            // The provider applies: mornings, Monday and Tuesday, 6 hours.
            Page p = signIn(providerBrowser, staff);
            p.navigate(url("/classes/new"));
            p.selectOption("#programmeId", String.valueOf(programme));
            p.fill("#venueAddress", "历下区培训楼");
            p.fill("#venueLat", "36.651");
            p.fill("#venueLng", "117.12");
            p.fill("#startDate", monday.toString());
            p.fill("#endDate", monday.plusDays(1).toString());
            p.fill("#capacity", "20");
            for (String day : new String[] { "WEDNESDAY", "THURSDAY", "FRIDAY" }) {
                p.uncheck("input[name=weekdays][value=" + day + "]");
            }
            p.click("#submit");
            assertThat(p.locator("#status")).hasText("待审批");
            String classUrl = p.url();
            screenshot(p, "class-submitted");

            // The city officer approves.
            Page o = signIn(officerBrowser, "jinan");
            o.navigate(classUrl);
            o.click("#approve-form button");
            assertThat(o.locator("#status")).hasText("已批准");

            // The provider enrols a trainee, and one who is too young is refused with the
            // reason.
            p.navigate(classUrl);
            String adult = idNumber(LocalDate.of(1988, 5, 17));
            p.fill("#idNumber", adult);
            p.fill("#name", "刘芳");
            p.fill("#phone", "13900003333");
            p.click("#enrol-form button");
            assertThat(p.locator("#notice")).hasText("已报名（补贴性培训）。");
            p.fill("#idNumber", idNumber(monday.minusYears(15)));
            p.fill("#name", "小明");
            p.fill("#phone", "13900004444");
            p.click("#enrol-form button");
            assertThat(p.locator("#problems")).containsText("开班时未满 16 周岁。");
            screenshot(p, "class-enrolment-refused");

            // The provider's registered terminal checks in, each event as it happens: the
            // trainee at the venue; someone 5 km away is rejected.
            Cookie terminal = SignedIn.as(mvc, staff);
            send(terminal, "/api/v1/attendance/terminals", """
                    {"deviceId":"T-%d","name":"大厅","venueAddress":"历下区培训楼","venueLat":36.651,"venueLng":117.12}"""
                .formatted(providerId));
            var sessions = json
                .readTree(mvc
                    .perform(get("/api/v1/classes/" + classUrl.substring(classUrl.lastIndexOf('/') + 1) + "/sessions")
                        .cookie(terminal))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            for (var s : sessions) {
                for (String kind : new String[] { "CHECK_IN", "CHECK_OUT" }) {
                    String time = kind.equals("CHECK_IN") ? s.get("startsAt").asString() : s.get("endsAt").asString();
                    clock.moveTo(java.time.Instant.parse(time).plusSeconds(5));
                    send(terminal, "/api/v1/attendance/check-ins", """
                            {"clientKey":"%s","sessionId":%d,"idNumber":"%s","kind":"%s","time":"%s",
                             "deviceId":"T-%d","latitude":36.651,"longitude":117.12,"faceScore":0.93}"""
                        .formatted(java.util.UUID.randomUUID(), s.get("id").asLong(), adult, kind, time, providerId));
                }
            }
            String far = send(terminal, "/api/v1/attendance/check-ins", """
                    {"clientKey":"%s","sessionId":%d,"idNumber":"%s","time":"%s","deviceId":"T-%d",
                     "latitude":36.70,"longitude":117.12,"faceScore":0.93}""".formatted(java.util.UUID.randomUUID(),
                    sessions.get(0).get("id").asLong(), adult, sessions.get(0).get("startsAt").asString(), providerId));
            org.assertj.core.api.Assertions.assertThat(far).contains("OUTSIDE_RADIUS");
            p.navigate(classUrl + "/sessions/" + sessions.get(0).get("id").asLong());
            assertThat(p.locator("#events")).containsText("不在培训地点 500 米范围内。");
            screenshot(p, "attendance-sheet");

            // The provider starts and completes the class; the completion shows.
            p.navigate(classUrl);
            p.click("#start-form button");
            assertThat(p.locator("#status")).hasText("培训中");
            p.click("#complete");
            assertThat(p.locator("#status")).hasText("已结业");
            assertThat(p.locator("#roster")).containsText("已结业");
            assertThat(p.locator("#roster")).containsText("2/2（100%）");
            screenshot(p, "class-completed");
        }
    }

}
