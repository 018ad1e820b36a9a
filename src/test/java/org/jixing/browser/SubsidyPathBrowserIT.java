package org.jixing.browser;

import org.jixing.subsidy.ClaimPreviews;

import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asStaff;
import org.jixing.IntegrationTest;
import org.jixing.subsidy.FundLedger;
import org.jixing.subsidy.PaymentFixtures;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.ClaimLine;
import org.jixing.subsidy.ClaimPreview;
import org.jixing.subsidy.Claims;
import org.jixing.subsidy.RuleSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The path of issue 5 as people walk it: a provider files a claim for a completed class
 * and sees each amount explained and the absent trainee left out with the reason; the
 * city officer approves; a payment order gathers it, the bank file downloads and the
 * bank's result file uploads; a trainee is later found improper and the recovery is
 * recorded with the provider suspended. The fund ledger reconciles after every step, and
 * the administrator's check page says so.
 */
class SubsidyPathBrowserIT extends IntegrationTest implements PaymentFixtures {

    @Autowired
    ClaimPreviews claimPreviews;

    @Autowired
    Claims claims;

    @Autowired
    FundLedger ledger;

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

    void reconciles() {
        assertThat(asAdmin(() -> ledger.check()).problems()).isEmpty();
    }

    @Test
    void aClaimFromFilingThroughPaymentToRecovery() throws Exception {
        RuleSet r = rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", List.of(new Trainee("VETERAN", true),
                new Trainee("REGISTERED_UNEMPLOYED", true), new Trainee("REGISTERED_UNEMPLOYED", false)));
        fund(r, "L06", "20000");
        ClaimPreview preview = asStaff(f.provider().id(), () -> claimPreviews.preview(f.classId()));
        reconciles();

        try (BrowserContext providerBrowser = Chromium.newContext("zh-CN");
                BrowserContext officerBrowser = Chromium.newContext("zh-CN")) {
            // The provider prepares the claim from the list of classes it may claim for.
            Page p = Chromium.signIn(providerBrowser, url(""), "staff-" + f.provider().id(), "staff-password-123");
            p.navigate(url("/subsidies/claims"));
            p.click("#claim-" + f.classId());
            assertThat(p.locator("#total")).containsText(preview.total().toYuanString());
            assertThat(p.locator("#lines tbody tr")).hasCount(2);
            assertThat(p.locator("#lines")).containsText("退役军人");
            assertThat(p.locator("#exclusions")).containsText("未结业");
            Chromium.screenshot(p, "subsidy-claim-preview");
            p.click("#file-claim");
            assertThat(p.locator("#status")).hasText("待市级审核");
            String claimUrl = p.url();
            long claimId = Long.parseLong(claimUrl.substring(claimUrl.lastIndexOf('/') + 1));
            reconciles();

            // The city officer approves with a comment.
            Page o = Chromium.signIn(officerBrowser, url(""), "jinan", DEMO_PASSWORD);
            o.navigate(claimUrl);
            o.fill("#comment", "材料齐全，同意。");
            o.click("#approve");
            assertThat(o.locator("#status")).hasText("已批准待拨付");
            Claim approved = asAdmin(() -> claims.get(claimId));
            reconciles();

            // A payment order gathers it; the bank file downloads; the bank's answer
            // uploads.
            o.navigate(url("/subsidies/payments"));
            o.selectOption("#regionCode", JINAN);
            o.selectOption("#fundSourceCode", approved.fundSourceCode());
            o.click("#open-order button");
            assertThat(o.locator("#lines")).containsText(approved.claimNo());
            Download download = o.waitForDownload(() -> o.click("#download"));
            String bankFile = Files.readString(download.path(), StandardCharsets.UTF_8).replace("\uFEFF", "");
            assertThat(bankFile).contains(approved.claimNo()).contains(approved.payeeAccount());
            Path result = Files.createTempFile("bank-result", ".csv");
            Files.writeString(result, resultOf(bankFile));
            o.setInputFiles("#file", result);
            o.click("#upload button");
            assertThat(o.locator("#status")).hasText("已结清");
            Chromium.screenshot(o, "subsidy-payment-settled");
            o.navigate(claimUrl);
            assertThat(o.locator("#status")).hasText("已拨付");
            reconciles();

            // The first trainee's training turns out fake: the officer recovers that line
            // and
            // suspends the provider.
            ClaimLine fake = asAdmin(() -> claims.lines(claimId)).get(0);
            o.click("#recover summary");
            o.check("#line-" + fake.id());
            o.selectOption("#reason", "FAKE_TRAINING");
            o.fill("#details", "签到照片与本人不符。");
            o.fill("#dueOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString());
            o.check("#sanction-suspend");
            o.click("#open-recovery");
            assertThat(o.locator("main")).containsText("追回单已开具");
            assertThat(o.locator("main")).containsText("虚假培训");
            assertThat(o.locator("main")).containsText(fake.amount().toYuanString());
            Chromium.screenshot(o, "subsidy-recovery");
            reconciles();

            // The administrator's check page agrees.
            try (BrowserContext adminBrowser = Chromium.newContext("zh-CN")) {
                Page a = Chromium.signIn(adminBrowser, url(""), "admin", DEMO_PASSWORD);
                a.navigate(url("/subsidies/funds/check"));
                assertThat(a.locator("#reconciles")).isVisible();
                Chromium.screenshot(a, "subsidy-fund-check");
            }
        }
    }

    /** The bank's answer to a bank file: every line paid as sent. */
    static String resultOf(String bankFile) {
        List<String> rows = new ArrayList<>();
        rows.add(RESULT_HEADER);
        List<String> lines = bankFile.lines().filter(l -> !l.isBlank()).toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            rows.add(String.join(",", c[1], c[3], c[5], "SUCCESS", "BK" + c[1], ""));
        }
        return String.join("\r\n", rows) + "\r\n";
    }

}
