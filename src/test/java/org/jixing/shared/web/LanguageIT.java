package org.jixing.shared.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class LanguageIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void pagesAreChineseEvenWhenTheBrowserAsksForEnglish() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "en-US,en;q=0.9"))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.matchesPattern("(?s).*<html[^>]* lang=\"zh-CN\".*")));
    }

    @Test
    void theLanguageSwitchTurnsPagesEnglish() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.matchesPattern("(?s).*<html[^>]* lang=\"en\".*")));
    }

    @Test
    void apiErrorsFollowAcceptLanguage() throws Exception {
        mvc.perform(get("/api/v1/reference/plan").header("Accept-Language", "en"))
            .andExpect(status().isUnauthorized())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.title").value("Sign-in required"));
        mvc.perform(get("/api/v1/reference/plan"))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.title").value("需要登录"));
    }

}
