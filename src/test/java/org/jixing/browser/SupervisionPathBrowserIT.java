package org.jixing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asStaff;
import static org.jixing.RunningAs.asTrainee;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.jixing.IntegrationTest;
import org.jixing.demo.Planted;
import org.jixing.demo.PlantedFraud;
import org.jixing.provider.FilingStatus;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.web.NumberFormats;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.ClaimFiling;
import org.jixing.subsidy.ClaimHolds;
import org.jixing.subsidy.PaymentFixtures;
import org.jixing.subsidy.RuleSet;
import org.jixing.supervision.Alert;
import org.jixing.supervision.AlertFilter;
import org.jixing.supervision.Alerts;
import org.jixing.supervision.Confirmation;
import org.jixing.supervision.Confirmations;
import org.jixing.supervision.Hit;
import org.jixing.supervision.RiskRules;
import org.jixing.supervision.RiskScans;
import org.jixing.supervision.RuleMeasure;
import org.jixing.supervision.RuleMeasures;
import org.jixing.supervision.RuleVersion;
import org.jixing.supervision.ScanWindow;
import org.jixing.supervision.SubjectKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18's path as the people walk it: the inspector finds the planted ghost class on
 * the desk with its evidence; its claim is held and the city officer cannot approve it;
 * an inspector opens a case on a paid claim's provider, records the finding, confirms
 * fake training and in one step the provider is blacklisted and a recovery order opens; a
 * dismissed alert lowers its rule's precision on the rules page; a trainee's denial holds
 * a claim; a month's sample is drawn and verified to give the same classes.
 */
class SupervisionPathBrowserIT extends IntegrationTest implements PaymentFixtures {

    @Autowired
    PlantedFraud planted;

    @Autowired
    RiskScans scans;

    @Autowired
    RiskRules rules;

    @Autowired
    RuleMeasures measures;

    @Autowired
    Alerts alerts;

    @Autowired
    ClaimHolds holds;

    @Autowired
    ClaimFiling filing;

    @Autowired
    Confirmations confirmations;

    @Autowired
    Filings filings;

    @Autowired
    NumberFormats format;

    @Autowired
    JdbcClient jdbc;

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

    void scan() {
        Instant now = clock.instant();
        try {
            scans.run(null, ScanWindow.between(now.minus(Duration.ofDays(60)), now.plusSeconds(60)));
        }
        catch (RuntimeException raced) {
            // the engine's own run on an event raised the same alert a moment before
            scans.run(null, ScanWindow.between(now.minus(Duration.ofDays(60)), now.plusSeconds(60)));
        }
    }

    /** An alert of a real rule raised by the engine's own entry point. */
    Alert raise(String rule, SubjectKind kind, long id, Long providerId, String label, List<Hit.Target> targets) {
        RuleVersion v = asAdmin(() -> rules.get(rule).inForce());
        alerts.raise(v, new Hit(kind, id, label, JINAN, "L06", providerId, null, 80,
                Map.of("note", label + " " + clock.instant()), targets));
        return asAdmin(() -> alerts.search(new AlertFilter(null, null, rule, null, null, kind, null), 0, 200)).items()
            .stream()
            .filter(a -> a.subjectId() == id)
            .findFirst()
            .orElseThrow();
    }

    @Test
    void theInspectorsPathFromThePlantedGhostClassToASanctionAndASample() throws Exception {
        LocalDate today = today();
        CurrentUser admin = asAdmin(CurrentUser::require);
        List<Planted> ghost = planted.plant(today, admin, List.of(JINAN), 1, Set.of("GHOST_CLASS"), 18L);
        long ghostClass = ghost.stream()
            .filter(p -> p.subjectKind() == SubjectKind.CLASS)
            .findFirst()
            .orElseThrow()
            .subjectId();
        long ghostClaim = jdbc.sql("select id from subsidy_claim where class_id = :c")
            .param("c", ghostClass)
            .query(Long.class)
            .single();
        scan();

        try (BrowserContext inspectorBrowser = Chromium.newContext("zh-CN");
                BrowserContext officerBrowser = Chromium.newContext("zh-CN");
                BrowserContext traineeBrowser = Chromium.newContext("zh-CN")) {
            // The inspector finds the ghost class among the alerts, with its evidence.
            Page i = Chromium.signIn(inspectorBrowser, url(""), "inspector", DEMO_PASSWORD);
            i.navigate(url("/supervision?rule=CLASS_WITHIN_SECONDS"));
            assertThat(i.locator("#desk-counts")).containsText("CLASS_WITHIN_SECONDS");
            Chromium.screenshot(i, "supervision-desk");
            i.locator("#alerts tbody tr")
                .filter(new Locator.FilterOptions()
                    .setHasText(jdbc.sql("select class_no from training_class where id = :c")
                        .param("c", ghostClass)
                        .query(String.class)
                        .single()))
                .locator("a")
                .first()
                .click();
            assertThat(i.locator("#alert-locks")).isVisible();
            assertThat(i.locator(".evidence-table").first()).isVisible();
            Chromium.screenshot(i, "supervision-alert-evidence");

            // Its claim is held: the city officer sees the hold and no approve button.
            Page o = Chromium.signIn(officerBrowser, url(""), "jinan", DEMO_PASSWORD);
            o.navigate(url("/subsidies/claims/" + ghostClaim));
            assertThat(o.locator("#holds")).isVisible();
            assertThat(o.locator("#approve")).hasCount(0);
            assertThat(o.locator("#risk")).isVisible();
            Chromium.screenshot(o, "supervision-claim-held");

            // A paid claim's class turns out fake: the inspector opens a case from the
            // alert, records what was found, confirms, and blacklists with a recovery.
            Claim paid = paidClaim();
            Alert onPaid = raise("CLASS_WITHIN_SECONDS", SubjectKind.CLASS, paid.classId(), paid.providerId(),
                    paid.classNo(), List.of(new Hit.Target(SubjectKind.CLASS, paid.classId())));
            i.navigate(url("/supervision/alerts/" + onPaid.id()));
            i.fill("#summary", "全班签到集中在数秒之内，需现场核查。");
            i.click("#open-case");
            assertThat(i.locator("#status")).isVisible();
            i.fill("#finding-details", "现场核查：培训地点当日无人上课，学员电话回访均称未参训。");
            i.click("#add-finding button[type=submit]");
            i.check("#result-confirmed");
            i.check("#step-BLACKLIST");
            i.check("#step-RECOVERY");
            i.fill("#claimIds", String.valueOf(paid.id()));
            i.fill("#dueOn", today.plusDays(30).toString());
            i.fill("#reason", "虚假培训属实。");
            i.click("#outcome-form button[type=submit]");
            assertThat(i.locator("#recoveries")).containsText("ZH" + paid.claimNo());
            Chromium.screenshot(i, "supervision-case-sanctioned");
            assertThat(asAdmin(() -> filings.get(Registry.PROVIDER, paid.providerId())).status())
                .isEqualTo(FilingStatus.BLACKLISTED);

            // A false alert is dismissed: its rule's precision drops on the rules page.
            Claim other = approvedClaim();
            Alert falseAlarm = raise("PERFECT_ATTENDANCE", SubjectKind.CLASS, other.classId(), other.providerId(),
                    other.classNo(), List.of());
            i.navigate(url("/supervision/alerts/" + falseAlarm.id()));
            i.selectOption("#to", "DISMISSED");
            i.fill("#reason", "回访确认全勤属实，非异常。");
            i.click("#decision-form button[type=submit]");
            assertThat(i.locator("#alert-status")).hasText("已排除（误报）");
            RuleMeasure m = asAdmin(() -> measures.all()).stream()
                .filter(x -> x.ruleCode().equals("PERFECT_ATTENDANCE"))
                .findFirst()
                .orElseThrow();
            assertThat(m.dismissed()).isPositive();
            assertThat(m.precision()).isLessThan(1.0);
            i.navigate(url("/supervision/rules"));
            assertThat(i.locator("#rule-PERFECT_ATTENDANCE .precision")).hasText(format.percent(m.precision(), 0));
            Chromium.screenshot(i, "supervision-rules");
            // A scan on demand says what it found.
            i.fill("#from", today.minusDays(7).toString());
            i.fill("#to", today.toString());
            i.click("#scan-form button[type=submit]");
            // A week of the records of every earlier test: give it time.
            assertThat(i.locator("#scan-result"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
            assertThat(i.locator("#scans tr")).not().hasCount(1);

            // A trainee denies having attended: the claim is held.
            RuleSet r = rulesInForce();
            PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1",
                    List.of(new Trainee("VETERAN", true), new Trainee("REGISTERED_UNEMPLOYED", true)));
            fund(r, "L06", "20000");
            Claim filed = asStaff(f.provider().id(), () -> filing.file(f.classId()));
            long person = f.personIds().get(0);
            Confirmation mine = asTrainee(person, () -> confirmations.mine()).get(0);
            String code = confirmations.reissue(mine.id());
            Page t = traineeBrowser.newPage();
            t.navigate(url("/confirm/" + code));
            assertThat(t.locator("#question")).containsText(mine.classNo());
            t.click("#no");
            assertThat(t.locator("#answered")).isVisible();
            Chromium.screenshot(t, "supervision-trainee-denies");
            for (int n = 0; n < 100 && asAdmin(() -> holds.of(filed.id())).isEmpty(); n++) {
                Thread.sleep(100);
            }
            assertThat(asAdmin(() -> holds.of(filed.id()))).isNotEmpty();
            o.navigate(url("/subsidies/claims/" + filed.id()));
            assertThat(o.locator("#holds")).isVisible();

            // The month's sample of 济南: drawn once, verified to give the same classes.
            i.navigate(url("/supervision/samples"));
            i.click("#draw-" + JINAN);
            assertThat(i.locator("#sample-classes")).isVisible();
            i.click("#verify");
            assertThat(i.locator("#verification")).hasClass(Pattern.compile(".*alert-success.*"));
            Chromium.screenshot(i, "supervision-sample");
        }
    }

}
