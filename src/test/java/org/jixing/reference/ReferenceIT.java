package org.jixing.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

class ReferenceIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReferenceCatalogue catalogue;

    @BeforeEach
    void signIn() throws Exception {
    }

    long annual(String subTarget) {
        return jdbc.sql("select annual_target from sub_target where code = :c")
            .param("c", subTarget)
            .query(Long.class)
            .single();
    }

    int version(String table, String code) {
        return jdbc.sql("select version from " + table + " where code = :c")
            .param("c", code)
            .query(Integer.class)
            .single();
    }

    @Test
    void theApiGivesTheTenLinesWithTheirSubTargetsAndAnnualNumbers() throws Exception {
        Cookie trainee = SignedIn.as(mvc, "trainee");
        mvc.perform(get("/api/v1/reference/action-lines").cookie(trainee))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.length()").value(10))
            .andExpect(jsonPath("$[1].subTargets[2].annualTarget").value(100000))
            .andExpect(jsonPath("$[1].subTargets[2].atLeast").value(true))
            .andExpect(jsonPath("$[3].subTargets[2].annualTarget").value(65000))
            .andExpect(jsonPath("$[3].leadDepartments", hasItem("CIVIL")));
        mvc.perform(get("/api/v1/reference/plan").cookie(trainee))
            .andExpect(jsonPath("$.overallTarget").value(1500000))
            .andExpect(jsonPath("$.documentNo").value("鲁人社字〔2025〕87号"));
        mvc.perform(get("/api/v1/reference/regions").param("parent", "370000").cookie(trainee))
            .andExpect(jsonPath("$.length()").value(16));
        mvc.perform(get("/api/v1/reference/occupations").param("q", "养老护理员").cookie(trainee))
            .andExpect(jsonPath("$.items[0].nationalCode").value("4-10-01-05"));
        mvc.perform(get("/api/v1/reference/action-lines/L99").cookie(trainee)).andExpect(status().isNotFound());
    }

    @Test
    void everyUserReadsThePagesInChineseAndEnglish() throws Exception {
        Cookie jinan = SignedIn.as(mvc, "jinan");
        mvc.perform(get("/reference/action-lines").cookie(jinan))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("1,500,000")))
            .andExpect(content().string(containsString("家政补贴性职业技能培训")))
            .andExpect(content().string(Matchers.not(containsString("sub-targets/"))));
        mvc.perform(get("/reference/skill-levels").cookie(jinan).param("lang", "en"))
            .andExpect(content().string(containsString("Senior technician (grade 1)")));
        mvc.perform(get("/reference/occupations").cookie(jinan).param("line", "L04"))
            .andExpect(content().string(containsString("养老护理员")))
            .andExpect(content().string(Matchers.not(containsString("焊工"))));
    }

    @Test
    void theAdministratorChangesASubTargetAndTheChangeIsAudited() throws Exception {
        long before = annual("L10-1");
        mvc.perform(post("/reference/sub-targets/L10-1").with(csrf())
            .cookie(admin())
            .param("annualTarget", String.valueOf(before + 1))
            .param("atLeast", "true")
            .param("version", String.valueOf(version("sub_target", "L10-1"))))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("notice", "reference.saved"));
        assertThat(annual("L10-1")).isEqualTo(before + 1);
        assertThat(catalogue.actionLine("L10").orElseThrow().subTargets().get(0).annualTarget()).isEqualTo(before + 1);
        String after = jdbc
            .sql("select after_json from audit_entry where action = 'reference.sub_target.update' "
                    + "and record_id = 'L10-1' order by seq desc fetch first 1 rows only")
            .query(String.class)
            .single();
        assertThat(after).contains(String.valueOf(before + 1));
        // Put it back for the other tests.
        mvc.perform(post("/reference/sub-targets/L10-1").with(csrf())
            .cookie(admin())
            .param("annualTarget", String.valueOf(before))
            .param("atLeast", "true")
            .param("version", String.valueOf(version("sub_target", "L10-1"))));
        assertThat(annual("L10-1")).isEqualTo(before);
    }

    @Test
    void badEditsAreRefusedWithTheirReasonAndChangeNothing() throws Exception {
        long before = annual("L04-1");
        int version = version("sub_target", "L04-1");
        mvc.perform(post("/reference/sub-targets/L04-1").with(csrf())
            .cookie(admin())
            .param("annualTarget", "-5")
            .param("version", String.valueOf(version))).andExpect(flash().attribute("problems", Matchers.hasSize(1)));
        mvc.perform(get("/reference/action-lines").cookie(admin())
            .flashAttr("problems",
                    List.of(new InvalidInputException.Problem("annualTarget", "reference.error.target", 100_000_000L))))
            .andExpect(content().string(containsString("目标不能为负数，也不能超过 100,000,000。")));
        // A stale version.
        mvc.perform(post("/reference/sub-targets/L04-1").with(csrf())
            .cookie(admin())
            .param("annualTarget", "12345")
            .param("version", String.valueOf(version - 1)))
            .andExpect(flash().attribute("problems", Matchers.hasSize(1)));
        assertThat(annual("L04-1")).isEqualTo(before);
        // Someone who is not the province administrator.
        mvc.perform(post("/reference/sub-targets/L04-1").with(csrf())
            .cookie(jinan())
            .param("annualTarget", "1")
            .param("version", String.valueOf(version))).andExpect(status().isForbidden());
        assertThat(annual("L04-1")).isEqualTo(before);
        assertThat(version("sub_target", "L04-1")).isEqualTo(version);
    }

    @Test
    void aCountyIsAddedUnderItsCityWithItsCodeChecked() throws Exception {
        mvc.perform(post("/reference/regions").with(csrf())
            .cookie(admin())
            .param("parentCode", "370100")
            .param("code", "370299")
            .param("nameZh", "错区")
            .param("nameEn", "Wrong")).andExpect(flash().attribute("problems", Matchers.hasSize(1)));
        mvc.perform(post("/reference/regions").with(csrf())
            .cookie(admin())
            .param("parentCode", "379900")
            .param("code", "379901")
            .param("nameZh", "无")
            .param("nameEn", "None")).andExpect(flash().attribute("problems", Matchers.hasSize(1)));
        mvc.perform(post("/reference/regions").with(csrf())
            .cookie(admin())
            .param("parentCode", "370100")
            .param("code", "370112")
            .param("nameZh", "历城区")
            .param("nameEn", "Licheng")).andExpect(flash().attribute("notice", "reference.saved"));
        mvc.perform(get("/api/v1/reference/regions").param("parent", "370100").cookie(admin()))
            .andExpect(jsonPath("$[0].code").value("370112"))
            .andExpect(jsonPath("$[0].level").value("COUNTY"));
        mvc.perform(post("/reference/regions").with(csrf())
            .cookie(admin())
            .param("parentCode", "370100")
            .param("code", "370112")
            .param("nameZh", "历城区")
            .param("nameEn", "Licheng")).andExpect(flash().attribute("problems", Matchers.hasSize(1)));
    }

    @Test
    void anOccupationFileIsImportedWholeOrNotAtAll() throws Exception {
        String bad = """
                code,national_code,name_zh,name_en,line_code,active
                TEST_DRONE_PILOT,,无人机驾驶员,Drone pilot,L01,true
                TEST_BAD,4-1-2,坏代码,Bad code,L99,maybe
                """;
        mvc.perform(multipart("/reference/occupations/import")
            .file(new MockMultipartFile("file", "bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
            .with(csrf())
            .cookie(admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("文件中有 3 处错误，未导入任何数据")))
            .andExpect(content().string(containsString("国家职业分类代码的格式应为 4-10-01-05。")));
        assertThat(catalogue.occupation("TEST_DRONE_PILOT")).isEmpty();

        String good = "\uFEFF" + """
                code,national_code,name_zh,name_en,line_code
                TEST_DRONE_PILOT,,无人机驾驶员,Drone pilot,L01
                ELDERLY_CARE_WORKER,4-10-01-05,养老护理员,Elderly-care worker,L04
                """;
        mvc.perform(multipart("/reference/occupations/import")
            .file(new MockMultipartFile("file", "good.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
            .with(csrf())
            .cookie(admin())
            .param("lang", "en")).andExpect(content().string(containsString("Imported: 1 added, 1 changed.")));
        assertThat(catalogue.occupation("TEST_DRONE_PILOT")).isPresent();
    }

}
