package org.jixing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * An administrator binds accounts only to providers, people and enterprises of their
 * region.
 */
class AccountScopeIT extends IntegrationTest {

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

    private long first(String sql) {
        return jdbc.sql(sql).query(Long.class).list().get(0);
    }

    private String enterpriseIn(String prefix) {
        return jdbc.sql("select credit_code from enterprise where region_code like :p order by credit_code")
            .param("p", prefix + "%")
            .query(String.class)
            .list()
            .get(0);
    }

    private ResultActions create(Cookie who, String role, String kind, String ref, String region) throws Exception {
        String username = "scoped-" + SEQ.incrementAndGet();
        return mvc.perform(post("/api/v1/accounts").with(csrf())
            .cookie(who)
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"username":"%s","displayName":"测试","password":"a-long-password-1","role":"%s",
                     "scopeKind":"%s","scopeRef":"%s","regionCode":"%s"}""".formatted(username, role, kind, ref,
                    region)));
    }

    @Test
    void jinanCannotBindAnAccountToAQingdaoProviderPersonOrEnterpriseNorToOneThatDoesNotExist() throws Exception {
        long qingdaoProvider = first(
                "select id from filed_body where registry = 'PROVIDER' and region_code like '3702%' order by id");
        long qingdaoPerson = first("select id from person where region_code like '3702%' order by id");
        String qingdaoEnterprise = enterpriseIn("3702");
        String unknownEnterprise = "91370100MA3C99990".substring(0, 17);
        unknownEnterprise += UnifiedSocialCreditCode.checkCharacter(unknownEnterprise);
        long before = jdbc.sql("select count(*) from app_user").query(Long.class).single();

        create(jinan(), "PROVIDER_STAFF", "PROVIDER", String.valueOf(qingdaoProvider), "370100")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("scopeRef"))
            .andExpect(jsonPath("$.errors[0].message").value("您管辖的地区内没有编号为 " + qingdaoProvider + " 的已备案培训机构。"));
        create(jinan(), "PROVIDER_STAFF", "PROVIDER", "99999999", "370100").andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].rule").value("account.scope.notInRegion.PROVIDER"));
        create(jinan(), "TRAINEE", "PERSON", String.valueOf(qingdaoPerson), "370100")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].rule").value("account.scope.notInRegion.PERSON"));
        create(jinan(), "TRAINEE", "PERSON", "99999999", "370100").andExpect(status().isUnprocessableContent());
        create(jinan(), "ENTERPRISE", "ENTERPRISE", qingdaoEnterprise, "370100")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].rule").value("account.scope.notInRegion.ENTERPRISE"));
        create(jinan(), "ENTERPRISE", "ENTERPRISE", unknownEnterprise, "370100")
            .andExpect(status().isUnprocessableContent());
        create(jinan(), "ENTERPRISE", "ENTERPRISE", "not-a-credit-code", "370100")
            .andExpect(status().isUnprocessableContent());

        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(before);
        assertThat(
                jdbc.sql("select count(*) from audit_entry where action = 'account.create.refused' and actor = 'jinan'")
                    .query(Long.class)
                    .single())
            .isGreaterThanOrEqualTo(7);
    }

    @Test
    void jinanBindsAccountsToItsOwnProviderPersonAndEnterprise() throws Exception {
        long jinanProvider = first(
                "select id from filed_body where registry = 'PROVIDER' and region_code like '3701%' order by id");
        long jinanPerson = first("select id from person where region_code like '3701%' order by id");
        create(jinan(), "PROVIDER_STAFF", "PROVIDER", String.valueOf(jinanProvider), "370100")
            .andExpect(status().isCreated());
        create(jinan(), "TRAINEE", "PERSON", String.valueOf(jinanPerson), "370100").andExpect(status().isCreated());
        // A credit code typed in small letters binds the registry's code.
        create(jinan(), "ENTERPRISE", "ENTERPRISE", enterpriseIn("3701").toLowerCase(Locale.ROOT), "370100")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.scopeRef").value(enterpriseIn("3701")));
    }

    @Test
    void theProvinceBindsAnywhereButTheAccountsRegionMustContainTheRecord() throws Exception {
        Cookie admin = SignedIn.as(mvc, "admin");
        long qingdaoProvider = first(
                "select id from filed_body where registry = 'PROVIDER' and region_code like '3702%' order by id");
        create(admin, "PROVIDER_STAFF", "PROVIDER", String.valueOf(qingdaoProvider), "370100")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].rule").value("account.scope.regionMismatch"));
        create(admin, "PROVIDER_STAFF", "PROVIDER", String.valueOf(qingdaoProvider), "370200")
            .andExpect(status().isCreated());
    }

    @Test
    void aChangeOfScopeIsCheckedLikeACreationOnThePage() throws Exception {
        Account staff = accounts.findByUsername("provider").orElseThrow();
        long qingdaoProvider = first(
                "select id from filed_body where registry = 'PROVIDER' and region_code like '3702%' order by id");
        mvc.perform(post("/admin/users/" + staff.id()).with(csrf())
            .cookie(jinan())
            .param("version", String.valueOf(staff.version()))
            .param("displayName", staff.displayName())
            .param("role", "PROVIDER_STAFF")
            .param("scopeKind", "PROVIDER")
            .param("scopeRef", String.valueOf(qingdaoProvider))
            .param("regionCode", "370100")).andExpect(status().is3xxRedirection());
        assertThat(accounts.findByUsername("provider").orElseThrow().scopeRef()).isEqualTo(staff.scopeRef());
        mvc.perform(MockMvcRequestBuilders.get("/admin/users/new").cookie(jinan())).andExpect(status().isOk());
        mvc.perform(post("/admin/users").with(csrf())
            .cookie(jinan())
            .param("username", "scoped-page-" + SEQ.incrementAndGet())
            .param("displayName", "测试")
            .param("password", "a-long-password-1")
            .param("role", "PROVIDER_STAFF")
            .param("scopeKind", "PROVIDER")
            .param("scopeRef", String.valueOf(qingdaoProvider))
            .param("regionCode", "370100"))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("您管辖的地区内没有编号为 " + qingdaoProvider + " 的已备案培训机构。")));
    }

}
