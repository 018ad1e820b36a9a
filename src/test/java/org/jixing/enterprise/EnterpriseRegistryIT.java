package org.jixing.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

class EnterpriseRegistryIT extends IntegrationTest {

    static final AtomicInteger SEQ = new AtomicInteger(100);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static String code(String regionCode) {
        String first17 = "91" + regionCode + "MA7Q" + String.format("%05d", SEQ.incrementAndGet());
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private String qingdaoEnterprise() {
        return jdbc.sql("select credit_code from enterprise where region_code like '3702%' order by credit_code")
            .query(String.class)
            .list()
            .get(0);
    }

    @Test
    void aCityOfficerSeesAndRegistersOnlyItsOwnCitysEnterprises() throws Exception {
        Cookie jinan = SignedIn.as(mvc, "jinan");
        mvc.perform(get("/api/v1/enterprises").param("size", "200").cookie(jinan))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items[*].regionCode", everyItem(startsWith("3701"))))
            .andExpect(jsonPath("$.total").isNumber());
        mvc.perform(get("/api/v1/enterprises/" + qingdaoEnterprise()).cookie(jinan)).andExpect(status().isNotFound());

        String mine = code("370100");
        mvc.perform(post("/api/v1/enterprises").with(csrf())
            .cookie(jinan)
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"creditCode":"%s","name":"济南测试机械有限公司","regionCode":"370100"}""".formatted(mine)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.creditCode").value(mine));
        mvc.perform(get("/api/v1/enterprises/" + mine).cookie(jinan)).andExpect(jsonPath("$.name").value("济南测试机械有限公司"));
        mvc.perform(post("/api/v1/enterprises").with(csrf())
            .cookie(jinan)
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"creditCode":"%s","name":"青岛测试有限公司","regionCode":"370200"}""".formatted(code("370200"))))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].rule").value("enterprise.error.region.outOfScope"));
        mvc.perform(post("/api/v1/enterprises").with(csrf())
            .cookie(jinan)
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"creditCode":"%s","name":"再次登记","regionCode":"370100"}""".formatted(mine)))
            .andExpect(jsonPath("$.errors[0].rule").value("enterprise.error.creditCode.taken"));
        String wrongCheck = mine.substring(0, 17) + (mine.charAt(17) == '0' ? '1' : '0');
        mvc.perform(post("/api/v1/enterprises").with(csrf())
            .cookie(jinan)
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"creditCode":"%s","name":"校验码错","regionCode":"370100"}""".formatted(wrongCheck)))
            .andExpect(jsonPath("$.errors[0].rule").value("enterprise.error.creditCode.invalid"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'enterprise.register' and record_id = :c")
            .param("c", mine)
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    @Test
    void theEnterpriseAccountSeesItselfInJinanAndOthersHaveNoBusinessHere() throws Exception {
        Cookie enterprise = SignedIn.as(mvc, "enterprise");
        mvc.perform(get("/api/v1/enterprises").cookie(enterprise))
            .andExpect(jsonPath("$.total").value(1))
            .andExpect(jsonPath("$.items[0].regionCode").value("370100"));
        mvc.perform(get("/api/v1/enterprises/" + qingdaoEnterprise()).cookie(enterprise))
            .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/enterprises").with(csrf())
            .cookie(enterprise)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/enterprises").cookie(SignedIn.as(mvc, "provider"))).andExpect(status().isForbidden());
    }

    @Test
    void thePagesListSearchAndRegister() throws Exception {
        Cookie admin = SignedIn.as(mvc, "admin");
        mvc.perform(get("/enterprises").param("q", "青岛").cookie(admin))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("青岛海岸装备有限公司")))
            .andExpect(content().string(Matchers.not(containsString("济南示范制造有限公司"))));
        mvc.perform(get("/enterprises/new").cookie(admin)).andExpect(status().isOk());
        String code = code("370600");
        mvc.perform(post("/enterprises").with(csrf())
            .cookie(admin)
            .param("creditCode", code)
            .param("name", "烟台测试有限公司")
            .param("regionCode", "370600")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/enterprises/" + code).cookie(admin).param("lang", "en"))
            .andExpect(content().string(containsString("烟台测试有限公司")))
            .andExpect(content().string(containsString("Unified social credit code")));
        mvc.perform(post("/enterprises").with(csrf())
            .cookie(admin)
            .param("creditCode", "123")
            .param("name", "")
            .param("regionCode", "370600"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("统一社会信用代码应为 18 位")))
            .andExpect(content().string(containsString("请填写企业名称")));
        mvc.perform(get("/enterprises/new").cookie(SignedIn.as(mvc, "enterprise"))).andExpect(status().isForbidden());
    }

}
