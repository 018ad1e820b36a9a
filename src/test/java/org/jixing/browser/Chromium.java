package org.jixing.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven through Playwright, one browser per test class. Without
 * Chromium the tests are skipped, unless {@code jixing.browser.required=true} (CI), where
 * a missing browser fails them. Test classes that extend another base than
 * {@link BrowserTestSupport} call {@link #launch()} and {@link #close()} themselves.
 */
final class Chromium {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static Playwright playwright;

    private static Browser browser;

    private Chromium() {
    }

    static void launch() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("jixing.browser.skip"), "browser tests skipped on request");
        if (!Files.isExecutable(EXECUTABLE)) {
            if (Boolean.getBoolean("jixing.browser.required")) {
                throw new IllegalStateException("Chromium is required but " + EXECUTABLE + " is missing");
            }
            Assumptions.abort("no Chromium at " + EXECUTABLE);
        }
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright
            .create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium()
            .launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    static void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    /** A fresh browser context (its own cookies) with an English-speaking browser. */
    static BrowserContext newContext() {
        return newContext("en-US");
    }

    /** A fresh browser context speaking the given language, that accepts downloads. */
    static BrowserContext newContext(String locale) {
        return browser.newContext(
                new Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 900).setAcceptDownloads(true));
    }

    static Page signIn(BrowserContext context, String baseUrl, String username, String password) {
        Page page = context.newPage();
        page.navigate(baseUrl + "/login");
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#sign-in");
        page.waitForLoadState();
        return page;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

}
