package org.jixing.browser;

import static org.jixing.RunningAs.asStaff;
import static org.jixing.TestIdNumbers.idNumber;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.assertj.core.api.Assertions;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.subsidy.Payees;
import org.jixing.subsidy.SubsidyFixtures;
import org.jixing.training.ClassWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;

/**
 * The path of a class as people walk it, with time passing as it would (the test moves
 * the application's clock): a provider applies to open a class for next week, the city
 * officer approves it, the provider enrols trainees (one refused, with its reason shown).
 * Before the first session the class page offers no start, only when it can start, and
 * the claim page says when a claim becomes possible. At the first session the class
 * starts and the terminal's check-ins are accepted (one rejected for distance); after the
 * last session the page says when it can complete; once the late-upload window has closed
 * it completes and the claim is filed.
 */
class ClassLifecycleBrowserIT extends IntegrationTest implements SubsidyFixtures {

    @Autowired
    Payees payees;

    @Autowired
    ClassWalk walk;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launch() throws Exception {
        Chromium.launch();
    }

    @AfterAll
    static void close() {
        Chromium.close();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aClassOpenedForNextWeekWaitsForItsCalendarFromStartToClaim() throws Exception {
        rulesInForce();
        long programme = programme("HOUSEKEEPING_WORKER", "INTERMEDIATE", 6, "L04-3");
        Provider provider = provider(jinan(), JINAN, "HOUSEKEEPING_WORKER", "INTERMEDIATE");
        payee(provider);
        String staff = "staff-" + provider.id();

        LocalDate monday = LocalDate.now(ZoneId.of("Asia/Shanghai")).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        try (BrowserContext providerBrowser = Chromium.newContext("zh-CN");
                BrowserContext officerBrowser = Chromium.newContext("zh-CN")) {
            // The provider applies: mornings, Monday and Tuesday, 6 hours.
            Page p = Chromium.signIn(providerBrowser, url(""), staff, "staff-password-123");
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
            long classId = Long.parseLong(classUrl.substring(classUrl.lastIndexOf('/') + 1));
            Chromium.screenshot(p, "class-submitted");

            // The city officer approves.
            Page o = Chromium.signIn(officerBrowser, url(""), "jinan", DEMO_PASSWORD);
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

            // This week the class cannot start: the button is disabled and says when.
            assertThat(p.locator("#start-form button")).isDisabled();
            assertThat(p.locator("#start-waits")).hasText("可于 " + monday + " 08:30 开始");
            Chromium.screenshot(p, "class-waits-to-start");
            // Nor can it be claimed for: the claim page says from when, and offers no
            // button.
            p.navigate(url("/subsidies/claims/new?classId=" + classId));
            assertThat(p.locator("#problems")).containsText("可于 " + monday.plusDays(3) + " 12:30 结业，结业后即可申领");
            assertThat(p.locator("#file-claim")).hasCount(0);

            // Monday, 09:00: the first session. The class starts; the terminal checks the
            // trainee in at the venue, and someone 5 km away is rejected.
            walk.toFirstSession(classId);
            p.navigate(classUrl);
            assertThat(p.locator("#start-waits")).hasCount(0);
            p.click("#start-form button");
            assertThat(p.locator("#status")).hasText("培训中");
            // The provider's registered terminal in the hall.
            Cookie terminal = SignedIn.as(mvc, staff, "staff-password-123");
            String device = registerTerminal(terminal, "36.651", "117.12");
            long first = walk.session(classId, 1).id();
            JsonNode in = checkInNow(terminal, device, first, adult, "CHECK_IN");
            Assertions.assertThat(in.get("accepted").asBoolean()).isTrue();
            String far = send(terminal, "/api/v1/attendance/check-ins", """
                    {"clientKey":"%s","sessionId":%d,"idNumber":"%s","time":"%s","deviceId":"%s",
                     "latitude":36.70,"longitude":117.12,"faceScore":0.93}""".formatted(UUID.randomUUID(), first, adult,
                    clock.instant(), device));
            Assertions.assertThat(far).contains("OUTSIDE_RADIUS");
            p.navigate(classUrl + "/sessions/" + first);
            assertThat(p.locator("#check-in-window")).hasText("签到、签退时段：" + monday + " 08:30 至 " + monday + " 12:30");
            assertThat(p.locator("#events")).containsText("不在培训地点 500 米范围内。");
            assertThat(p.locator("#correction-waits")).containsText(monday + " 12:00");
            Chromium.screenshot(p, "attendance-sheet");

            // The rest of the class: check-outs at the end of each session, Tuesday's
            // check-in at its start.
            clock.moveTo(walk.session(classId, 1).endsAt());
            checkInNow(terminal, device, first, adult, "CHECK_OUT");
            walk.toSession(classId, 2);
            long second = walk.session(classId, 2).id();
            checkInNow(terminal, device, second, adult, "CHECK_IN");
            clock.moveTo(walk.session(classId, 2).endsAt());
            Assertions.assertThat(checkInNow(terminal, device, second, adult, "CHECK_OUT").get("accepted").asBoolean())
                .isTrue();

            // The last session is over, but offline terminals may still upload: the page
            // says when the class can complete, in place of the button.
            p.navigate(classUrl);
            assertThat(p.locator("#completion-waits")).containsText("可于 " + monday.plusDays(3) + " 12:30 结业");
            assertThat(p.locator("#complete")).hasCount(0);
            Chromium.screenshot(p, "class-waits-to-complete");

            // Thursday, 12:30: it completes.
            walk.toCompletion(classId);
            p.navigate(classUrl);
            p.click("#complete");
            assertThat(p.locator("#status")).hasText("已结业");
            assertThat(p.locator("#roster")).containsText("已结业");
            assertThat(p.locator("#roster")).containsText("2/2（100%）");
            Chromium.screenshot(p, "class-completed");

            // And now the claim can be filed.
            p.navigate(url("/subsidies/claims"));
            p.click("#claim-" + classId);
            assertThat(p.locator("#lines tbody tr")).hasCount(1);
            p.click("#file-claim");
            assertThat(p.locator("#status")).hasText("待市级审核");
            Chromium.screenshot(p, "class-claimed");
        }
    }

    String send(Cookie as, String path, String body) throws Exception {
        return mvc
            .perform(MockMvcRequestBuilders.post(path)
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .cookie(as)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

}
