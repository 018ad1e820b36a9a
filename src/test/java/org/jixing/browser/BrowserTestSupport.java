package org.jixing.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.jixing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser tests drive Debian's Chromium ({@link Chromium}) against the running test
 * server, one browser per test class.
 */
abstract class BrowserTestSupport extends IntegrationTest {

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
        Chromium.launch();
    }

    @AfterAll
    static void close() {
        Chromium.close();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A fresh browser context (its own cookies) with an English-speaking browser. */
    BrowserContext newContext() {
        return Chromium.newContext();
    }

    Page signIn(BrowserContext context, String username) {
        return Chromium.signIn(context, url(""), username, DEMO_PASSWORD);
    }

    static void screenshot(Page page, String name) {
        Chromium.screenshot(page, name);
    }

}
