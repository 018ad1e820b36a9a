package org.jixing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.statistics.Progress;
import org.jixing.statistics.ProgressViews;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

/**
 * The progress dashboard as a new user meets it: the province administrator reads each
 * line's and city's progress with its forecast, goes into a city and down to the classes
 * behind a figure, and downloads the progress report; 青岛's officer sees 青岛 only.
 */
class ProgressBrowserIT extends BrowserTestSupport {

    @Autowired
    Progress progress;

    @Autowired
    ProgressViews views;

    static final CurrentUser ADMIN = new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN,
            DataScope.province("370000"));

    @BeforeEach
    void countedFromTheRecords() {
        progress.reconcile("test");
    }

    @Test
    void theAdministratorReadsProgressGoesDownToTheClassesAndDownloadsTheReport() throws Exception {
        // The year and city with the most completions in the test province.
        ProgressViews.Dashboard d = RunAs.user(ADMIN, () -> views.dashboard(2025, null, null));
        ProgressViews.CityRow busiest = d.cities()
            .stream()
            .max(Comparator.comparingLong(c -> c.figure().done()))
            .orElseThrow();
        Assertions.assertThat(busiest.figure().done()).isPositive();
        String city = busiest.city().code();

        try (BrowserContext context = newContext()) {
            Page page = signIn(context, "admin");
            page.click("nav a[href='/statistics']");
            assertThat(page.locator("#progress-heading")).containsText("年进度");
            // Each line with its pace and forecast; the charts drawn.
            assertThat(page.locator("#lines-progress tr[id^=line-row-]")).hasCount(10);
            assertThat(page.locator("#line-forecast-L01")).not().isEmpty();
            assertThat(page.locator("#plan-card")).containsText("1,500,000");
            assertThat(page.locator("#chart-lines canvas")).hasCount(1);
            assertThat(page.locator("#chart-cities")).hasAttribute("data-rendered", "true");

            page.selectOption("#year", "2025");
            page.click("#progress-filter button[type=submit]");
            assertThat(page.locator("#cities-progress tbody tr")).hasCount(16);
            String done = page.locator("#city-done-" + city).textContent().strip();
            screenshot(page, "progress-province");

            // Into the city: its own figures, then the classes behind them.
            page.click("#city-link-" + city);
            assertThat(page.locator("#progress-breadcrumb")).containsText(busiest.city().nameZh());
            assertThat(page.locator("#cities-progress tbody tr")).hasCount(1);
            assertThat(page.locator("#year-done")).hasText(done);
            page.click("#year-done");
            assertThat(page.locator("#completion-filter")).containsText("2025-01-01");
            Assertions.assertThat(page.url()).contains("region=" + city);
            Assertions.assertThat(page.locator("#classes tbody tr").count()).isPositive();
            screenshot(page, "progress-classes");

            // The progress report for the end of June 2025.
            page.goBack();
            page.fill("#report-date", "2025-06-30");
            Download download = page.waitForDownload(() -> page.click("#report-download"));
            Path file = Files.createTempFile("progress-report", ".xlsx");
            download.saveAs(file);
            Assertions.assertThat(download.suggestedFilename()).isEqualTo("progress-report-2025-06-30.xlsx");
            List<String> sheets = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file); var wb = new ReadableWorkbook(in)) {
                for (Sheet s : wb.getSheets().toList()) {
                    sheets.add(s.getName());
                    Assertions.assertThat(s.read().get(0).getCellText(0)).contains("2025-06-30");
                }
            }
            Assertions.assertThat(sheets).containsExactly("行动", "城市", "部门");
            Files.delete(file);

            page.click("#lang-en");
            assertThat(page.locator("#progress-heading")).containsText("Progress in 2025");
            screenshot(page, "progress-city-en");
        }
    }

    @Test
    void qingdaoSeesQingdaoOnly() {
        try (BrowserContext context = newContext()) {
            Page page = signIn(context, "qingdao");
            page.click("nav a[href='/statistics']");
            assertThat(page.locator("#cities-progress tbody tr")).hasCount(1);
            assertThat(page.locator("#city-row-370200")).containsText("青岛市");
            assertThat(page.locator("#heat-table thead th")).hasCount(2);
            assertThat(page.locator("main")).not().containsText("济南市");
            assertThat(page.locator("#city")).hasCount(0);
            screenshot(page, "progress-qingdao");
            Response other = page.navigate(url("/statistics?city=370100"));
            Assertions.assertThat(other.status()).isEqualTo(404);
        }
    }

}
