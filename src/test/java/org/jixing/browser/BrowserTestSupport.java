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
import org.jixing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser tests drive Debian's Chromium through Playwright against the running test
 * server. Without Chromium they are skipped, unless {@code jixing.browser.required=true}
 * (CI), where a missing browser fails them. One browser serves a whole test class.
 */
abstract class BrowserTestSupport extends IntegrationTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    static Playwright playwright;

    static Browser browser;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @org.springframework.beans.factory.annotation.Autowired
    org.jixing.account.Accounts accounts;

    @org.springframework.beans.factory.annotation.Autowired
    tools.jackson.databind.json.JsonMapper json;

    /**
     * Sets the scene through the API (JSON, as the given session), for the browser to
     * walk.
     */
    String send(jakarta.servlet.http.Cookie as, String path, String body) throws Exception {
        return mvc
            .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .cookie(as)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(body))
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    @BeforeAll
    static void launch() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("jixing.browser.skip"), "browser tests skipped on request");
        if (!Files.isExecutable(CHROMIUM)) {
            if (Boolean.getBoolean("jixing.browser.required")) {
                throw new IllegalStateException("Chromium is required but " + CHROMIUM + " is missing");
            }
            Assumptions.abort("no Chromium at " + CHROMIUM);
        }
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright
            .create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium()
            .launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
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

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A fresh browser context (its own cookies) with an English-speaking browser. */
    BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 900));
    }

    Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.fill("#username", username);
        page.fill("#password", DEMO_PASSWORD);
        page.click("#sign-in");
        page.waitForLoadState();
        return page;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

}
