package org.jixing.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.shared.scope.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * Issue 17, item 5: when an administrator disables an account, changes its role or scope,
 * or resets its password, and when its owner signs out everywhere, every open session of
 * the account is signed out on its next request, and its API tokens stop at once.
 */
class SessionsEndWithTheAccountIT extends IntegrationTest {

    static final AtomicInteger SEQ = new AtomicInteger();

    static final String PASSWORD = "a-long-enough-password";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnAccount ownAccount;

    /** A city officer of 淄博 with two sessions (two browsers) and an API token. */
    record Subject(Account account, Cookie first, Cookie second, String token) {
    }

    Subject subject() throws Exception {
        Account account = accounts.create(new NewAccount("ended" + SEQ.incrementAndGet(), "会话测试", PASSWORD,
                Role.CITY_OFFICER, ScopeKind.REGION, "370300", "370300"));
        Cookie first = SignedIn.as(mvc, account.username(), PASSWORD);
        Cookie second = SignedIn.as(mvc, account.username(), PASSWORD);
        String token = mvc
            .perform(post("/account/tokens").with(csrf()).cookie(first).param("name", "对接").param("days", "30"))
            .andReturn()
            .getFlashMap()
            .get("newToken")
            .toString();
        // Both sessions work and the token too (so it is in the bearer cache).
        mvc.perform(get("/account").cookie(first)).andExpect(status().isOk());
        mvc.perform(get("/account").cookie(second)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/accounts").param("q", "qingdao").header("Authorization", "Bearer " + token))
            .andExpect(MockMvcResultMatchers.jsonPath("$.total").value(0));
        return new Subject(account, first, second, token);
    }

    void signedOut(Subject s) throws Exception {
        mvc.perform(get("/account").cookie(s.first())).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/account").cookie(s.second())).andExpect(redirectedUrl("/login"));
    }

    void tokenWorks(Subject s, boolean works) throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + s.token()))
            .andExpect(works ? status().isOk() : status().isUnauthorized());
    }

    Account fresh(Account a) {
        return accounts.findByUsername(a.username()).orElseThrow();
    }

    @Test
    void anAccountDisabledByTheAdministratorIsSignedOutOnItsNextClickAndItsTokensStop() throws Exception {
        Subject s = subject();
        Cookie admin = SignedIn.as(mvc, "admin");
        mvc.perform(post("/admin/users/" + s.account().id() + "/disable").with(csrf())
            .cookie(admin)
            .param("version", String.valueOf(fresh(s.account()).version())));
        signedOut(s);
        tokenWorks(s, false);
        // Nor can it sign in again.
        mvc.perform(SecurityMockMvcRequestBuilders.formLogin().user(s.account().username()).password(PASSWORD))
            .andExpect(redirectedUrlPattern("/login?error=*"));
    }

    @Test
    void aChangeOfScopeEndsTheSessionsThatCarryTheOldScope() throws Exception {
        Subject s = subject();
        Cookie admin = SignedIn.as(mvc, "admin");
        mvc.perform(post("/admin/users/" + s.account().id()).with(csrf())
            .cookie(admin)
            .param("version", String.valueOf(fresh(s.account()).version()))
            .param("displayName", "会话测试")
            .param("role", "CITY_OFFICER")
            .param("scopeKind", "REGION")
            .param("scopeRef", "370200")
            .param("regionCode", "370200"));
        signedOut(s);
        // The token is looked up afresh: it now reads with the new scope (青岛's accounts),
        // not the old one it was cached with a moment ago.
        mvc.perform(get("/api/v1/accounts").param("q", "qingdao").header("Authorization", "Bearer " + s.token()))
            .andExpect(status().isOk())
            .andExpect(MockMvcResultMatchers.jsonPath("$.items[0].username").value("qingdao"));
    }

    @Test
    void aChangeOfRoleEndsTheSessions() throws Exception {
        Subject s = subject();
        Cookie admin = SignedIn.as(mvc, "admin");
        mvc.perform(post("/admin/users/" + s.account().id()).with(csrf())
            .cookie(admin)
            .param("version", String.valueOf(fresh(s.account()).version()))
            .param("displayName", "会话测试")
            .param("role", "AUDITOR")
            .param("scopeKind", "PROVINCE")
            .param("scopeRef", "370000")
            .param("regionCode", "370000"));
        signedOut(s);
    }

    @Test
    void aPasswordResetByTheAdministratorEndsTheSessions() throws Exception {
        Subject s = subject();
        Cookie admin = SignedIn.as(mvc, "admin");
        mvc.perform(post("/admin/users/" + s.account().id() + "/password").with(csrf())
            .cookie(admin)
            .param("password", "another-long-password"));
        signedOut(s);
        SignedIn.as(mvc, s.account().username(), "another-long-password");
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheAccountButNotItsTokens() throws Exception {
        Subject s = subject();
        Cookie other = SignedIn.as(mvc, "jinan");
        mvc.perform(post("/account/sign-out-everywhere").with(csrf()).cookie(s.first()))
            .andExpect(redirectedUrlPattern("/login?logout*"));
        signedOut(s);
        tokenWorks(s, true);
        // Another account's session is untouched.
        mvc.perform(get("/account").cookie(other)).andExpect(status().isOk());
    }

    @Test
    void aRevokedTokenStopsAtOnceThoughItWasJustUsed() throws Exception {
        Subject s = subject();
        long tokenId = accountsTokens(s).get(0).id();
        mvc.perform(post("/account/tokens/" + tokenId + "/revoke").with(csrf()).cookie(s.first()));
        tokenWorks(s, false);
    }

    List<ApiToken> accountsTokens(Subject s) {
        return RunAs.user(new CurrentUser(s.account().id(), s.account().username(), s.account().displayName(),
                s.account().role(), DataScope.of(s.account().scopeKind(), s.account().scopeRef())),
                () -> ownAccount.ownTokens());
    }

}
