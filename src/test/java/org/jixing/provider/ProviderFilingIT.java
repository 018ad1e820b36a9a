package org.jixing.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;

import org.assertj.core.api.Assertions;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.account.Accounts;
import org.jixing.account.NewAccount;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.shared.scope.ScopeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

class ProviderFilingIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    Filings filings;

    Cookie qingdao;

    @BeforeEach
    void signIn() throws Exception {
        qingdao = SignedIn.as(mvc, "qingdao");
    }

    static String newCreditCode() {
        String first17 = String.format("913701%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    MockHttpServletRequestBuilder registration(String name, String creditCode, String region) {
        return post("/providers").with(csrf())
            .param("kind", "PRIVATE_INSTITUTION")
            .param("name", name)
            .param("creditCode", creditCode)
            .param("regionCode", region)
            .param("address", "历下区经十路 1 号")
            .param("legalRepresentative", "张三")
            .param("contactName", "李四")
            .param("contactPhone", "13800000000")
            .param("capacity", "60")
            .param("occupations", "ELDERLY_CARE_WORKER", "HOUSEKEEPING_WORKER")
            .param("levels", "JUNIOR", "INTERMEDIATE");
    }

    long register(Cookie as, String name, String region) throws Exception {
        String location = mvc.perform(registration(name, newCreditCode(), region).cookie(as))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern("/providers/*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    int version(long id) {
        return jdbc.sql("select version from filed_body where id = :id").param("id", id).query(Integer.class).single();
    }

    String statusOf(long id) {
        return jdbc.sql("select status from filed_body where id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void aCityOfficerRegistersAndApprovesAProviderOfTheCityAndTheDecisionIsAudited() throws Exception {
        long id = register(jinan(), "济南康养职业培训学校", "370100");
        assertThat(statusOf(id)).isEqualTo("PENDING");
        mvc.perform(get("/providers/" + id).cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("济南康养职业培训学校")))
            .andExpect(content().string(containsString("待审核")))
            .andExpect(content().string(containsString("养老护理员")));

        mvc.perform(post("/providers/" + id + "/approve").with(csrf())
            .cookie(jinan())
            .param("version", String.valueOf(version(id)))
            .param("filingNo", "JN-" + id)
            .param("validFrom", "2026-01-01")
            .param("validUntil", "2028-12-31")).andExpect(status().is3xxRedirection());

        assertThat(statusOf(id)).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'provider.approve' and record_id = :id")
            .param("id", String.valueOf(id))
            .query(Long.class)
            .single()).isEqualTo(1);
        mvc.perform(get("/providers/" + id).cookie(jinan()).param("lang", "en"))
            .andExpect(content().string(containsString("Active")))
            .andExpect(content().string(containsString("JN-" + id)));
    }

    @Test
    void anotherCitysOfficerCannotSeeTheProviderByPageListOrApi() throws Exception {
        long id = register(jinan(), "济南另一所培训学校", "370100");
        mvc.perform(get("/providers/" + id).cookie(qingdao)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/providers/" + id).cookie(qingdao))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/providers").cookie(qingdao).param("size", "200"))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("济南另一所培训学校"))));
        mvc.perform(get("/api/v1/providers").cookie(qingdao).param("q", "济南另一所"))
            .andExpect(jsonPath("$.total").value(0));
        // Nor can they decide on it.
        mvc.perform(post("/providers/" + id + "/reject").with(csrf())
            .cookie(qingdao)
            .param("version", String.valueOf(version(id)))
            .param("reason", "x")).andExpect(status().isNotFound());
        assertThat(statusOf(id)).isEqualTo("PENDING");
        mvc.perform(get("/api/v1/providers/" + id).cookie(admin())).andExpect(status().isOk());
    }

    @Test
    void aBadCreditCodeIsRefusedWithAMessageAndNothingIsStored() throws Exception {
        long before = jdbc.sql("select count(*) from filed_body").query(Long.class).single();
        mvc.perform(registration("错误代码学校", "91350100M000100Y44", "370100").cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("不是有效的统一社会信用代码")));
        mvc.perform(registration("外市学校", newCreditCode(), "370200").cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("只能登记本辖区的机构")));
        assertThat(jdbc.sql("select count(*) from filed_body").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theSameCreditCodeIsFiledOnce() throws Exception {
        String code = newCreditCode();
        mvc.perform(registration("第一次", code, "370100").cookie(jinan())).andExpect(status().is3xxRedirection());
        mvc.perform(registration("第二次", code.toLowerCase(), "370100").cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("该统一社会信用代码已登记")));
    }

    @Test
    void suspensionNeedsAReasonAndOnlyTheProvinceLiftsABlacklisting() throws Exception {
        long id = register(jinan(), "待处理学校", "370100");
        mvc.perform(post("/providers/" + id + "/approve").with(csrf())
            .cookie(jinan())
            .param("version", String.valueOf(version(id)))
            .param("filingNo", "JN-S-" + id)
            .param("validFrom", "2026-01-01")
            .param("validUntil", "2027-12-31"));
        mvc.perform(post("/providers/" + id + "/suspend").with(csrf())
            .cookie(jinan())
            .param("version", String.valueOf(version(id)))
            .param("reason", " ")).andExpect(status().isOk()).andExpect(content().string(containsString("请填写原因")));
        assertThat(statusOf(id)).isEqualTo("ACTIVE");

        mvc.perform(post("/providers/" + id + "/blacklist").with(csrf())
            .cookie(jinan())
            .param("version", String.valueOf(version(id)))
            .param("reason", "虚假培训，骗取补贴")).andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("BLACKLISTED");

        mvc.perform(post("/providers/" + id + "/reinstate").with(csrf())
            .cookie(jinan())
            .param("version", String.valueOf(version(id)))
            .param("reason", "整改完毕"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("只有省级管理员可以将机构移出黑名单")));
        assertThat(statusOf(id)).isEqualTo("BLACKLISTED");

        mvc.perform(post("/providers/" + id + "/reinstate").with(csrf())
            .cookie(admin())
            .param("version", String.valueOf(version(id)))
            .param("reason", "整改完毕")).andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("ACTIVE");
    }

    @Test
    void aDecisionOnAStaleVersionIsRefused() throws Exception {
        long id = register(jinan(), "并发学校", "370100");
        int seen = version(id);
        mvc.perform(post("/providers/" + id + "/reject").with(csrf())
            .cookie(admin())
            .param("version", String.valueOf(seen))
            .param("reason", "材料不全")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/v1/providers/" + id + "/decisions").with(csrf())
            .cookie(jinan())
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"verb":"reject","version":%d,"reason":"重复"}""".formatted(seen)))
            .andExpect(status().isUnprocessableContent());
        assertThat(statusOf(id)).isEqualTo("REJECTED");
    }

    @Test
    void providerStaffSeeOnlyTheirOwnProvider() throws Exception {
        long mine = register(jinan(), "员工所在学校", "370100");
        long other = register(jinan(), "别家学校", "370100");
        accounts.create(new NewAccount("staff-" + mine, "员工", "staff-password-123", Role.PROVIDER_STAFF,
                ScopeKind.PROVIDER, String.valueOf(mine), "370100"));
        Cookie staff = SignedIn.as(mvc, "staff-" + mine, "staff-password-123");
        mvc.perform(get("/api/v1/providers/" + mine).cookie(staff)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/providers/" + other).cookie(staff)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/providers").cookie(staff))
            .andExpect(jsonPath("$.total").value(1))
            .andExpect(jsonPath("$.items[0].id").value(mine));
        // An evaluation body with the same id is another registry: not theirs.
        mvc.perform(get("/api/v1/evaluation-bodies").cookie(staff)).andExpect(jsonPath("$.total").value(0));
        mvc.perform(registration("员工自己登记", newCreditCode(), "370100").cookie(staff)).andExpect(status().isForbidden());
    }

    @Test
    void theApiRegistersAnEvaluationBodyAndNamesEveryBadFieldInTheCallersLanguage() throws Exception {
        mvc.perform(post("/api/v1/evaluation-bodies").with(csrf())
            .cookie(qingdao)
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"kind":"PRIVATE_INSTITUTION","name":"","creditCode":"123","regionCode":"370200",
                     "address":"市南区","legalRepresentative":"王五","contactName":"赵六","contactPhone":"12345",
                     "capacity":0,"permits":[{"occupationCode":"NO_SUCH","levelCode":"JUNIOR"}]}"""))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[?(@.field == 'kind')].message")
                .value("This type cannot be filed in this registry."))
            .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
            .andExpect(jsonPath("$.errors[?(@.field == 'creditCode')]").exists())
            .andExpect(jsonPath("$.errors[?(@.field == 'contactPhone')]").exists())
            .andExpect(jsonPath("$.errors[?(@.field == 'capacity')]").exists())
            .andExpect(jsonPath("$.errors[?(@.field == 'permits')].message")
                .value("Unknown or inactive occupation code: NO_SUCH."));

        mvc.perform(post("/api/v1/evaluation-bodies").with(csrf())
            .cookie(qingdao)
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"kind":"SOCIAL_EVALUATION_ORGANISATION","name":"青岛技能评价中心","creditCode":"%s",
                     "regionCode":"370200","address":"市南区香港中路 1 号","legalRepresentative":"王五",
                     "contactName":"赵六","contactPhone":"0532-88888888","capacity":200,
                     "permits":[{"occupationCode":"WELDER","levelCode":"SENIOR"}]}""".formatted(newCreditCode())))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("PENDING"))
            .andExpect(jsonPath("$.permits[0].occupationCode").value("WELDER"));
    }

    @Test
    void aPublicTrainingBaseIsOneByItsKindAndNothingMaySayOtherwise() throws Exception {
        String body = """
                {"kind":"%s","name":"青岛公共实训基地%s","creditCode":"%s","regionCode":"370200",
                 "address":"市南区香港中路 2 号","legalRepresentative":"王五","contactName":"赵六",
                 "contactPhone":"0532-88888888","capacity":200,%s
                 "permits":[{"occupationCode":"WELDER","levelCode":"JUNIOR"}]}""";
        // A flag that contradicts the kind is refused, naming the field.
        for (String[] wrong : new String[][] { { "ENTERPRISE", "\"publicTrainingBase\":true," },
                { "PUBLIC_TRAINING_BASE", "\"publicTrainingBase\":false," } }) {
            mvc.perform(post("/api/v1/providers").with(csrf())
                .cookie(qingdao)
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(wrong[0], wrong[0], newCreditCode(), wrong[1])))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field == 'publicTrainingBase')].message")
                    .value("Whether a body is a public training base follows its type: a body of the type \"Public "
                            + "training base\" is one, a body of any other type is not."));
        }
        // Left out, or saying the same, the kind decides.
        mvc.perform(post("/api/v1/providers").with(csrf())
            .cookie(qingdao)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body.formatted("PUBLIC_TRAINING_BASE", "甲", newCreditCode(), "")))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.publicTrainingBase").value(true));
        mvc.perform(post("/api/v1/providers").with(csrf())
            .cookie(qingdao)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body.formatted("ENTERPRISE", "乙", newCreditCode(), "\"publicTrainingBase\":false,")))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.publicTrainingBase").value(false));
        // The form asks only for the kind.
        mvc.perform(get("/providers/new").cookie(qingdao))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("name=\"publicTrainingBase\""))));
        // And the database refuses a row whose flag disagrees with its kind.
        Assertions
            .assertThatThrownBy(() -> jdbc
                .sql("update filed_body set public_training_base = true where kind <> 'PUBLIC_TRAINING_BASE'")
                .update())
            .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc
            .sql("select count(*) from filed_body where public_training_base <> " + "(kind = 'PUBLIC_TRAINING_BASE')")
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void aPastFilingIsRecordedByTheProvinceWithWhenItWasApproved() throws Exception {
        var application = new FilingApplication(BodyKind.TECHNICAL_COLLEGE, "济南过往备案技工学校", newCreditCode(), "370100",
                "历城区 1 号", "张三", "李四", "13800000000", 100, false, null, List.of(new Permit("WELDER", "JUNIOR")));
        Instant applied = Instant.parse("2024-05-20T01:00:00Z");
        Instant approved = Instant.parse("2024-05-31T08:00:00Z");
        var province = new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN, DataScope.province("370000"));
        var body = RunAs.user(province, () -> filings.recordPast(Registry.PROVIDER, application, "HIS-" + applied,
                LocalDate.of(2024, 6, 1), LocalDate.of(2028, 5, 31), applied, approved));
        assertThat(body.status().name()).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select status from filed_body_status_change where body_id = :id order by id")
            .param("id", body.id())
            .query(String.class)
            .list()).containsExactly("PENDING", "ACTIVE");
        assertThat(jdbc.sql("select decided_at from filed_body_status_change where body_id = :id and status = 'ACTIVE'")
            .param("id", body.id())
            .query(Timestamp.class)
            .single()
            .toInstant()).isEqualTo(approved);
        // An approval in the future is no history; a city officer records none.
        var future = new FilingApplication(BodyKind.TECHNICAL_COLLEGE, "济南未来备案技工学校", newCreditCode(), "370100",
                "历城区 2 号", "张三", "李四", "13800000000", 100, false, null, List.of(new Permit("WELDER", "JUNIOR")));
        Assertions
            .assertThatThrownBy(() -> RunAs.user(province,
                    () -> filings.recordPast(Registry.PROVIDER, future, "HIS-F", LocalDate.of(2024, 6, 1),
                            LocalDate.of(2028, 5, 31), applied, clock.instant().plusSeconds(3600))))
            .isInstanceOf(InvalidInputException.class);
        var officer = new CurrentUser(2, "jinan", "jinan", Role.CITY_OFFICER, DataScope.region("370100"));
        Assertions
            .assertThatThrownBy(
                    () -> RunAs.user(officer,
                            () -> filings.recordPast(Registry.PROVIDER, future, "HIS-G", LocalDate.of(2024, 6, 1),
                                    LocalDate.of(2028, 5, 31), applied, approved)))
            .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAuditorReadsButCannotRegister() throws Exception {
        Cookie auditor = SignedIn.as(mvc, "auditor");
        mvc.perform(get("/providers").cookie(auditor)).andExpect(status().isOk());
        mvc.perform(registration("审计员登记", newCreditCode(), "370100").cookie(auditor)).andExpect(status().isForbidden());
    }

    @Test
    void theRegistrySortsOnTheServer() throws Exception {
        register(jinan(), "A 排序学校", "370100");
        register(jinan(), "B 排序学校", "370100");
        var names = new ArrayList<String>();
        new JsonMapper()
            .readTree(mvc.perform(get("/api/v1/providers").param("sort", "name").param("size", "200").cookie(jinan()))
                .andReturn()
                .getResponse()
                .getContentAsString())
            .get("items")
            .forEach(b -> names.add(b.get("name").asString()));
        assertThat(names).hasSizeGreaterThan(2);
        assertThat(names.indexOf("A 排序学校")).isLessThan(names.indexOf("B 排序学校"));
    }

}
