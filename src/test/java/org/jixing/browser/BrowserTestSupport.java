package org.jixing.browser;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.account.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import tools.jackson.databind.json.JsonMapper;

/**
 * Browser tests drive Debian's Chromium ({@link Chromium}) against the running test
 * server, one browser per test class.
 */
abstract class BrowserTestSupport extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JsonMapper json;

    /**
     * Sets the scene through the API (JSON, as the given session), for the browser to
     * walk.
     */
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
