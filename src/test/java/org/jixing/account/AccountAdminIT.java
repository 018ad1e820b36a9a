package org.jixing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class AccountAdminIT extends IntegrationTest {

    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @BeforeEach
    void signIn() throws Exception {
    }

    MockHttpServletRequestBuilder newUser(String username, String password, String role, String kind, String ref,
            String region) {
        return post("/admin/users").with(csrf())
            .param("username", username)
            .param("displayName", "测试用户")
            .param("password", password)
            .param("role", role)
            .param("scopeKind", kind)
            .param("scopeRef", ref)
            .param("regionCode", region);
    }

    long idOf(String username) {
        return accounts.findByUsername(username).orElseThrow().id();
    }

    @Test
    void theAdministratorCreatesAUserWhoCanThenSignIn() throws Exception {
        String username = "weifang-" + SEQ.incrementAndGet();
        mvc.perform(
                newUser(username, "a-long-password-1", "CITY_OFFICER", "REGION", "370700", "370700").cookie(admin()))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("notice", "account.created"));
        mvc.perform(formLogin().user(username).password("a-long-password-1")).andExpect(authenticated());
        mvc.perform(get("/admin/users").param("q", username).cookie(admin()))
            .andExpect(content().string(containsString(username)));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'account.create' and after_json like :u")
            .param("u", "%" + username + "%")
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithEachReasonAndCreatesNobody() throws Exception {
        mvc.perform(newUser("x", "short", "LINE_DEPARTMENT", "DEPARTMENT", "NO_SUCH", "370000").cookie(admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("用户名须为 2—64 位")))
            .andExpect(content().string(containsString("密码至少 12 个字符。")))
            .andExpect(content().string(containsString("部门 NO_SUCH 不存在。")));
        mvc.perform(newUser("jinan", "a-long-password-1", "CITY_OFFICER", "REGION", "370100", "370100").cookie(admin())
            .param("lang", "en")).andExpect(content().string(containsString("This username is already taken.")));
        assertThat(accounts.findByUsername("x")).isEmpty();
    }

    @Test
    void aResetPasswordReplacesTheOldOneAndDisablingStopsSignIn() throws Exception {
        String username = "reset-" + SEQ.incrementAndGet();
        mvc.perform(newUser(username, "first-password-1", "PROVIDER_STAFF", "PROVIDER", "1", "370100").cookie(admin()));
        long id = idOf(username);
        mvc.perform(post("/admin/users/" + id + "/password").with(csrf()).cookie(admin()).param("password", "short"))
            .andExpect(flash().attribute("problems", Matchers.hasSize(1)));
        mvc.perform(post("/admin/users/" + id + "/password").with(csrf())
            .cookie(admin())
            .param("password", "second-password-2")).andExpect(flash().attribute("notice", "account.saved"));
        mvc.perform(formLogin().user(username).password("first-password-1")).andExpect(unauthenticated());
        mvc.perform(formLogin().user(username).password("second-password-2")).andExpect(authenticated());
        int version = accounts.findByUsername(username).orElseThrow().version();
        mvc.perform(post("/admin/users/" + id + "/disable").with(csrf())
            .cookie(admin())
            .param("version", String.valueOf(version))).andExpect(flash().attribute("notice", "account.saved"));
        mvc.perform(formLogin().user(username).password("second-password-2"))
            .andExpect(unauthenticated())
            .andExpect(redirectedUrl("/login?error=disabled"));
    }

    @Test
    void qingdaoCannotOpenAJinanAccountByPageOrApiAndNeverListsOne() throws Exception {
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        long jinanProvider = idOf("provider");
        mvc.perform(get("/admin/users/" + jinanProvider).cookie(qingdao)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/accounts/" + jinanProvider).cookie(qingdao))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.title").value("未找到"));
        mvc.perform(get("/admin/users").param("size", "200").cookie(qingdao))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString(">jinan<"))))
            .andExpect(content().string(not(containsString(">provider<"))))
            .andExpect(content().string(containsString(">qingdao<")));
        mvc.perform(get("/api/v1/accounts").param("size", "200").cookie(qingdao))
            .andExpect(jsonPath("$.items[?(@.regionCode == '370100')]").isEmpty());
        // The attempt leaves a trace.
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'scope.refused' and actor = 'qingdao'")
            .query(Long.class)
            .single()).isPositive();
    }

    @Test
    void aCityOfficerManagesOnlyProviderEnterpriseAndTraineeAccountsOfTheCity() throws Exception {
        Cookie jinan = SignedIn.as(mvc, "jinan");
        mvc.perform(newUser("officer-" + SEQ.incrementAndGet(), "a-long-password-1", "CITY_OFFICER", "REGION", "370100",
                "370100")
            .cookie(jinan)).andExpect(content().string(containsString("您只能管理本辖区的培训机构、用人单位和学员账号。")));
        mvc.perform(newUser("staff-q-" + SEQ.incrementAndGet(), "a-long-password-1", "PROVIDER_STAFF", "PROVIDER", "1",
                "370200")
            .cookie(jinan)).andExpect(content().string(containsString("您只能管理本辖区")));
        mvc.perform(newUser("staff-j-" + SEQ.incrementAndGet(), "a-long-password-1", "PROVIDER_STAFF", "PROVIDER", "1",
                "370100")
            .cookie(jinan)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/users").cookie(SignedIn.as(mvc, "provider"))).andExpect(status().isForbidden());
    }

    @Test
    void anAuditorChangesNothingButTheirOwnPassword() throws Exception {
        Cookie auditor = SignedIn.as(mvc, "auditor");
        mvc.perform(newUser("by-auditor", "a-long-password-1", "TRAINEE", "PERSON", "1", "370100").cookie(auditor))
            .andExpect(status().isForbidden());
        mvc.perform(post("/account/password").with(csrf())
            .cookie(auditor)
            .param("currentPassword", "wrong-password-x")
            .param("newPassword", "another-password-1"))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("problems", Matchers.hasSize(1)));
    }

    @Test
    void anApiTokenWorksUntilItIsRevokedOrExpires() throws Exception {
        Cookie jinan = SignedIn.as(mvc, "jinan");
        String token = (String) mvc
            .perform(post("/account/tokens").with(csrf()).cookie(jinan).param("name", "统计系统").param("days", "30"))
            .andReturn()
            .getFlashMap()
            .get("newToken");
        assertThat(token).startsWith("jx_");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.username").value("jinan"));
        // Bearer requests need no CSRF token, and keep their scope.
        mvc.perform(get("/api/v1/accounts/" + idOf("qingdao")).header("Authorization", "Bearer " + token))
            .andExpect(status().isNotFound());
        long tokenId = jdbc.sql("select id from api_token where token_hash = :h")
            .param("h", ApiTokens.hash(token))
            .query(Long.class)
            .single();
        mvc.perform(post("/account/tokens/" + tokenId + "/revoke").with(csrf()).cookie(jinan))
            .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token).param("lang", "en"))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.title").value("Sign-in required"));

        String second = (String) mvc
            .perform(post("/account/tokens").with(csrf()).cookie(jinan).param("name", "短期").param("days", "1"))
            .andReturn()
            .getFlashMap()
            .get("newToken");
        jdbc.sql("update api_token set expires_at = created_at where token_hash = :h")
            .param("h", ApiTokens.hash(second))
            .update();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + second)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer jx_made-up"))
            .andExpect(status().isUnauthorized());
    }

}
