package org.jixing.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.training.CompletionCounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The progress dashboard and the progress report: figures that agree with the records,
 * city and line narrowing, the classes behind a figure, the report for a past day, and
 * the scope of each reader.
 */
class ProgressDashboardIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Progress progress;

    @Autowired
    CompletionCounts counts;

    @Autowired
    ProgressViews views;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void reconcile() throws Exception {
        progress.reconcile("test");
    }

    JsonNode getJson(String path, Cookie as) throws Exception {
        return json.readTree(mvc.perform(get(path).cookie(as))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
    }

    /**
     * Subsidised completions by line up to a day of its year, counted from the records.
     */
    Map<String, Long> recountByLine(LocalDate upTo, String cityPrefix) {
        Map<String, Long> out = new HashMap<>();
        for (CompletionCounts.Count c : counts.all()) {
            if (c.subsidised() && c.completedOn().getYear() == upTo.getYear() && !c.completedOn().isAfter(upTo)
                    && (cityPrefix == null || c.regionCode().startsWith(cityPrefix))) {
                out.merge(c.lineCode(), c.completions(), Long::sum);
            }
        }
        return out;
    }

    @Test
    void theDashboardAgreesWithTheRecordsAndNarrowsToACityAndItsClasses() throws Exception {
        JsonNode d = getJson("/api/v1/statistics/dashboard?year=2025", admin());
        Map<String, Long> expected = recountByLine(LocalDate.of(2025, 12, 31), null);
        assertThat(expected).isNotEmpty();
        long total = 0;
        for (JsonNode l : d.get("lines")) {
            String code = l.get("line").get("code").asString();
            long done = l.get("figure").get("done").asLong();
            assertThat(done).as(code).isEqualTo(expected.getOrDefault(code, 0L));
            long subs = 0;
            for (JsonNode st : l.get("subTargets")) {
                subs += st.get("figure").get("done").asLong();
            }
            assertThat(subs).as("sub-targets of " + code).isEqualTo(done);
            total += done;
        }
        assertThat(d.get("total").get("done").asLong()).isEqualTo(total);
        long byCities = 0;
        for (JsonNode c : d.get("cities")) {
            byCities += c.get("figure").get("done").asLong();
        }
        assertThat(byCities).isEqualTo(total);
        assertThat(d.get("cities")).hasSize(16);
        // Unique persons: as a distinct count over the records.
        long persons = jdbc.sql("""
                select count(distinct person_id) from enrolment where status = 'COMPLETED' and subsidised = true
                and completed_on between '2025-01-01' and '2025-12-31'""").query(Long.class).single();
        assertThat(d.get("total").get("persons").asLong()).isEqualTo(persons).isPositive();
        // A past year is complete: its share due is all of it, its projection what was
        // done.
        assertThat(d.get("total").get("pace").get("due").asDouble()).isEqualTo(1.0);
        assertThat(d.get("total").get("pace").get("projected").asLong()).isEqualTo(total);

        // Narrowed to 青岛: its own figures, and the classes behind them.
        JsonNode qd = getJson("/api/v1/statistics/dashboard?year=2025&city=370200", admin());
        assertThat(qd.get("cities")).hasSize(1);
        Map<String, Long> qingdao = recountByLine(LocalDate.of(2025, 12, 31), "3702");
        long qTotal = qingdao.values().stream().mapToLong(Long::longValue).sum();
        assertThat(qd.get("total").get("done").asLong()).isEqualTo(qTotal);
        String page = mvc.perform(get("/statistics?year=2025&city=370200").cookie(admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"city-row-370200\"")
            .doesNotContain("id=\"city-row-370100\"")
            .contains("id=\"year-done\" href=\"/classes?completedFrom=2025-01-01&amp;completedUntil=2025-12-31")
            .contains("青岛市");
        long classes = jdbc.sql("""
                select count(distinct class_id) from enrolment where status = 'COMPLETED'
                and completed_on between '2025-01-01' and '2025-12-31' and region_code like '3702%'""")
            .query(Long.class)
            .single();
        mvc.perform(get("/classes?completedFrom=2025-01-01&completedUntil=2025-12-31&region=370200").cookie(admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"completion-filter\"")))
            .andExpect(content().string(containsString("共 " + classes + " ")));
        // A sub-target's figure leads to that sub-target's classes only.
        String sub = jdbc.sql("""
                select min(c.sub_target_code) from training_class c join enrolment e on e.class_id = c.id
                where e.status = 'COMPLETED' and e.completed_on between '2025-01-01' and '2025-12-31'""")
            .query(String.class)
            .single();
        long subClasses = jdbc.sql("""
                select count(distinct e.class_id) from enrolment e join training_class c on c.id = e.class_id
                where e.status = 'COMPLETED' and e.completed_on between '2025-01-01' and '2025-12-31'
                and c.sub_target_code = :s""").param("s", sub).query(Long.class).single();
        assertThat(mvc.perform(get("/statistics?year=2025").cookie(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8)).contains("subTarget=" + sub);
        mvc.perform(get("/classes?completedFrom=2025-01-01&completedUntil=2025-12-31&subTarget=" + sub).cookie(admin()))
            .andExpect(content().string(containsString("共 " + subClasses + " ")))
            .andExpect(content().string(containsString("（子目标：")));
        // Unknown city or line: not found.
        mvc.perform(get("/statistics?city=999900").cookie(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/statistics/dashboard?line=L99").cookie(admin())).andExpect(status().isNotFound());
    }

    @Test
    void aCitysTargetsGivePaceAndForecastPerCity() throws Exception {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        mvc.perform(post("/statistics/targets").with(csrf())
            .cookie(admin())
            .param("year", String.valueOf(year))
            .param("t[L01-1][370200]", "1000")
            .param("t[L02-2][370200]", "500")).andExpect(status().is3xxRedirection());
        JsonNode d = getJson("/api/v1/statistics/dashboard?city=370200", SignedIn.as(mvc, "qingdao"));
        JsonNode city = d.get("cities").get(0);
        assertThat(city.get("city").get("code").asString()).isEqualTo("370200");
        JsonNode pace = city.get("figure").get("pace");
        assertThat(pace.get("target").asLong()).isEqualTo(1500);
        long done = city.get("figure").get("done").asLong();
        assertThat(pace.get("share").asDouble()).isEqualTo((double) done / 1500);
        // The forecast flags a miss exactly when the projection falls short.
        assertThat(pace.get("willMiss").asBoolean()).isEqualTo(pace.get("projected").asLong() < 1500);
        for (JsonNode l : d.get("lines")) {
            String code = l.get("line").get("code").asString();
            JsonNode target = l.get("figure").get("pace").get("target");
            switch (code) {
                case "L01" -> assertThat(target.asLong()).isEqualTo(1000);
                case "L02" -> assertThat(target.asLong()).isEqualTo(500);
                default -> assertThat(target.isNull()).as(code).isTrue();
            }
        }
        assertThat(d.get("heat").get("L01").get("370200").get("target").asLong()).isEqualTo(1000);
    }

    @Test
    void eachReaderSeesTheirScope() throws Exception {
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        String page = mvc.perform(get("/statistics?year=2025").cookie(qingdao))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"city-row-370200\"").doesNotContain("city-row-370100").doesNotContain("济南市");
        assertThat(page).doesNotContain("id=\"plan-card\"");
        mvc.perform(get("/statistics?city=370100").cookie(qingdao)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/statistics/dashboard?city=370100").cookie(qingdao)).andExpect(status().isNotFound());
        JsonNode report = getJson("/api/v1/statistics/report?date=2025-12-31", qingdao);
        assertThat(report.get("cities")).hasSize(1);
        assertThat(report.get("cities").get(0).get("code").asString()).isEqualTo("370200");
        long own = recountByLine(LocalDate.of(2025, 12, 31), "3702").values().stream().mapToLong(Long::longValue).sum();
        assertThat(report.get("cities").get(0).get("done").asLong()).isEqualTo(own);

        // A department: its lines only.
        Cookie agri = SignedIn.as(mvc, "agri");
        JsonNode d = getJson("/api/v1/statistics/dashboard?year=2025", agri);
        List<String> lines = new ArrayList<>();
        d.get("lines").forEach(l -> lines.add(l.get("line").get("code").asString()));
        assertThat(lines).isNotEmpty().doesNotContain("L01");
        mvc.perform(get("/statistics?line=L01").cookie(agri)).andExpect(status().isNotFound());
        assertThat(d.get("departments")).hasSize(1);

        // Providers and trainees have no dashboard.
        mvc.perform(get("/statistics").cookie(SignedIn.as(mvc, "provider"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics/report").cookie(SignedIn.as(mvc, "trainee")))
            .andExpect(status().isForbidden());
    }

    @Test
    void theReportForAPastDayCountsUpToThatDayInEveryFormat() throws Exception {
        LocalDate day = LocalDate.of(2025, 6, 30);
        Map<String, Long> expected = recountByLine(day, null);
        byte[] bytes = mvc.perform(get("/statistics/report.xlsx?date=" + day).cookie(admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        Map<String, Long> lines = new HashMap<>();
        List<String> sheets = new ArrayList<>();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                sheets.add(sheet.getName());
                List<Row> rows = sheet.read();
                assertThat(rows.get(0).getCellText(0)).contains("截至 2025-06-30");
                assertThat(rows.get(1).getCellText(0)).startsWith("生成时间：");
                assertThat(rows.get(2).getCellText(3)).isEqualTo("已完成");
                if (sheets.size() == 1) {
                    for (Row r : rows.subList(3, rows.size())) {
                        String code = r.getCellText(0);
                        if (code.matches("L\\d\\d")) {
                            lines.put(code, Long.parseLong(r.getCellText(3)));
                        }
                    }
                }
                else if (sheets.size() == 2) {
                    assertThat(rows).hasSize(3 + 16);
                }
            }
        }
        assertThat(sheets).containsExactly("行动", "城市", "部门");
        expected.forEach((code, n) -> assertThat(lines.get(code)).as(code).isEqualTo(n));
        assertThat(lines.values().stream().mapToLong(Long::longValue).sum())
            .isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());

        // A day inside a month: whole months, then that month's days so far.
        LocalDate mid = LocalDate.of(2025, 9, 17);
        Map<String, Long> midExpected = recountByLine(mid, null);
        for (JsonNode r : getJson("/api/v1/statistics/report?date=" + mid, admin()).get("lines")) {
            if (r.get("level").asInt() == 0) {
                assertThat(r.get("done").asLong()).as(r.get("code").asString())
                    .isEqualTo(midExpected.getOrDefault(r.get("code").asString(), 0L));
            }
        }
        JsonNode report = getJson("/api/v1/statistics/report?date=" + day, admin());
        // Unique persons are kept for whole years: a report of an earlier day shows none.
        assertThat(report.get("cities").valueStream().filter(c -> !c.get("persons").isNull())).isEmpty();
        // So are the providers' figures: an earlier day lists none rather than the
        // year's.
        var asAdmin = new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN, DataScope.province("370000"));
        assertThat(RunAs.user(asAdmin, () -> views.asOf(day).providers())).isEmpty();
        assertThat(RunAs.user(asAdmin, () -> views.asOf(LocalDate.of(2025, 12, 31)).providers())).isNotEmpty();
        // The year's last day shows them (for the cities that trained subsidised people
        // that year: which ones depends on the demo's dates).
        assertThat(getJson("/api/v1/statistics/report?date=2025-12-31", admin()).get("cities")
            .valueStream()
            .filter(c -> !c.get("persons").isNull())).isNotEmpty();
        for (JsonNode r : report.get("lines")) {
            if (r.get("level").asInt() == 0) {
                assertThat(r.get("done").asLong()).isEqualTo(lines.get(r.get("code").asString()));
            }
        }
        String csv = mvc
            .perform(get("/api/v1/statistics/report.csv?view=cities&date=" + day + "&lang=en").cookie(admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isEqualTo(1 + 16);
        assertThat(csv).contains("Completed").contains("Qingdao");

        mvc.perform(get("/api/v1/statistics/report.csv?view=towns").cookie(admin()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("towns")));
        mvc.perform(get("/api/v1/statistics/report?date=2025-13-40").cookie(admin()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("不是有效日期")));
        mvc.perform(get("/statistics?lang=en").cookie(admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Lines × cities")))
            .andExpect(content().string(not(containsString("各行动"))));
    }

}
