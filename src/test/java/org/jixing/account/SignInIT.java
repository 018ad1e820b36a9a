package org.jixing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

class SignInIT extends IntegrationTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    /** The login form posted from a client address. */
    private static MockHttpServletRequestBuilder login(String username, String password, String address) {
        RequestPostProcessor from = request -> {
            request.setRemoteAddr(address);
            return request;
        };
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from);
    }

    private String newOfficer(String password) {
        String username = "signin-" + SEQ.incrementAndGet();
        accounts.create(
                new NewAccount(username, "Sign In", password, Role.CITY_OFFICER, ScopeKind.REGION, "370300", "370300"));
        return username;
    }

    @Test
    void aDemoAccountSignsInWithItsPassword() throws Exception {
        mvc.perform(login("admin", DEMO_PASSWORD, "127.0.0.1")).andExpect(authenticated().withUsername("admin"));
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() throws Exception {
        mvc.perform(login("jinan", "not-the-password", "10.9.0.1"))
            .andExpect(unauthenticated())
            .andExpect(redirectedUrl("/login?error=bad"));
    }

    @Test
    void fiveWrongPasswordsFromOneAddressDoNotKeepAdminOutFromAnother() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(login("admin", "guess-" + i, "203.0.113.7")).andExpect(unauthenticated());
        }
        // The guessing address waits, even with the right password ...
        mvc.perform(login("admin", DEMO_PASSWORD, "203.0.113.7"))
            .andExpect(unauthenticated())
            .andExpect(redirectedUrl("/login?error=bad"));
        // ... the owner's does not.
        mvc.perform(login("admin", DEMO_PASSWORD, "198.51.100.20")).andExpect(authenticated().withUsername("admin"));
        // And the guessing address is let in again once a token has come back.
        clock.advance(Duration.ofMinutes(1));
        mvc.perform(login("admin", DEMO_PASSWORD, "203.0.113.7")).andExpect(authenticated().withUsername("admin"));
    }

    @Test
    void wrongPasswordsNeverStopTheAccountsApiTokens() throws Exception {
        String username = newOfficer("a-long-enough-password");
        var session = SignedIn.as(mvc, username, "a-long-enough-password");
        String token = (String) mvc
            .perform(post("/account/tokens").with(csrf()).cookie(session).param("name", "统计").param("days", "30"))
            .andReturn()
            .getFlashMap()
            .get("newToken");
        for (int i = 0; i < 8; i++) {
            mvc.perform(login(username, "wrong-" + i, "203.0.113.99")).andExpect(unauthenticated());
        }
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/me").header("Authorization", "Bearer " + token))
            .andExpect(status().isOk())
            .andExpect(MockMvcResultMatchers.jsonPath("$.username").value(username));
    }

    @Test
    void fourWrongPasswordsLeaveTheFifthTryAndEachAttemptCountsOnce() throws Exception {
        String username = newOfficer("a-long-enough-password");
        for (int i = 0; i < 4; i++) {
            mvc.perform(login(username, "wrong-" + i, "192.0.2.44")).andExpect(unauthenticated());
        }
        mvc.perform(login(username, "a-long-enough-password", "192.0.2.44")).andExpect(authenticated());
        // Success refilled the pair: five more tries.
        for (int i = 0; i < 4; i++) {
            mvc.perform(login(username, "wrong-" + i, "192.0.2.44")).andExpect(unauthenticated());
        }
        mvc.perform(login(username, "a-long-enough-password", "192.0.2.44")).andExpect(authenticated());
    }

    @Test
    void unknownUserWrongPasswordThrottledAndDisabledAnswerTheSameWords() throws Exception {
        String disabled = newOfficer("a-long-enough-password");
        var admin = SignedIn.as(mvc, "admin");
        long id = accounts.findByUsername(disabled).orElseThrow().id();
        int version = accounts.findByUsername(disabled).orElseThrow().version();
        mvc.perform(MockMvcRequestBuilders.post("/admin/users/" + id + "/disable")
            .with(SecurityMockMvcRequestPostProcessors.csrf())
            .cookie(admin)
            .param("version", String.valueOf(version))).andExpect(status().is3xxRedirection());
        String throttled = newOfficer("a-long-enough-password");
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(throttled, "wrong-" + i, "192.0.2.55"));
        }
        List<String> answers = List.of(
                answer(login("nobody-" + SEQ.incrementAndGet(), "whatever-password", "127.0.0.1")),
                answer(login("jinan", "not-the-password", "127.0.0.1")),
                answer(login(disabled, "not-the-password", "127.0.0.1")),
                answer(login(throttled, "a-long-enough-password", "192.0.2.55")));
        assertThat(answers).containsOnly("/login?error=bad");
        // Only the right password learns that the account is disabled.
        assertThat(answer(login(disabled, "a-long-enough-password", "127.0.0.1"))).isEqualTo("/login?error=disabled");
        mvc.perform(MockMvcRequestBuilders.get("/login?error=bad"))
            .andExpect(MockMvcResultMatchers.content().string(Matchers.containsString("id=\"login-error\"")));
    }

    private String answer(MockHttpServletRequestBuilder login) throws Exception {
        return mvc.perform(login).andExpect(unauthenticated()).andReturn().getResponse().getRedirectedUrl();
    }

}
