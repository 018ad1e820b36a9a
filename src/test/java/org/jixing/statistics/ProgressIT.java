package org.jixing.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.training.CompletionCounts;
import org.jixing.training.TrainingCompleted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The progress rollup: counted as completions arrive, equal to a recount from the records
 * after the reconciliation, which reports and repairs any drift; in the caller's scope.
 */
class ProgressIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Progress progress;

    @Autowired
    CompletionCounts counts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    Map<String, long[]> byLine(Cookie as, int year) throws Exception {
        JsonNode rows = json.readTree(mvc.perform(get("/api/v1/statistics/progress?by=LINE&year=" + year).cookie(as))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
        Map<String, long[]> out = new HashMap<>();
        rows.forEach(r -> out.put(r.get("key").asString(),
                new long[] { r.get("subsidised").asLong(), r.get("notSubsidised").asLong() }));
        return out;
    }

    Map<String, long[]> recountByLine(int year) {
        Map<String, long[]> out = new HashMap<>();
        for (CompletionCounts.Count c : counts.all()) {
            if (c.completedOn().getYear() == year) {
                long[] v = out.computeIfAbsent(c.lineCode(), k -> new long[2]);
                v[c.subsidised() ? 0 : 1] += c.completions();
            }
        }
        return out;
    }

    static Map<String, List<Long>> plain(Map<String, long[]> m) {
        Map<String, List<Long>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, List.of(v[0], v[1])));
        return out;
    }

    @Test
    void theRollupEqualsARecountAfterRandomCompletionsAndTheReconciliationRepairsDrift() throws Exception {
        Cookie admin = SignedIn.as(mvc, "admin");
        progress.reconcile("test");
        int year = 2025;
        assertThat(plain(byLine(admin, year))).isEqualTo(plain(recountByLine(year))).isNotEmpty();

        // Completions announced as they happen are counted at once (after their commit),
        // without a recount: random lines, cities, months, subsidised or not.
        Random random = new Random(42);
        String[] lines = { "L01", "L02", "L04", "L07" };
        String[] regions = { "370100", "370200", "370300" };
        Map<String, long[]> expected = byLine(admin, year);
        int announced = 200;
        for (int i = 0; i < announced; i++) {
            String line = lines[random.nextInt(lines.length)];
            boolean subsidised = random.nextInt(4) > 0;
            TrainingCompleted e = new TrainingCompleted(-1 - i, -1 - i, -1, 1, line, line + "-1",
                    regions[random.nextInt(regions.length)], "WELDER", "JUNIOR", subsidised,
                    LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)), java.util.Set.of());
            // One in ten is rolled back with its transaction: never counted.
            boolean rolledBack = random.nextInt(10) == 0;
            tx.executeWithoutResult(status -> {
                events.publishEvent(e);
                if (rolledBack) {
                    status.setRollbackOnly();
                }
            });
            if (!rolledBack) {
                expected.computeIfAbsent(line, k -> new long[2])[subsidised ? 0 : 1]++;
            }
        }
        assertThat(plain(byLine(admin, year))).isEqualTo(plain(expected));
        // The dashboard's summaries follow the same events.
        JsonNode dashboard = json.readTree(mvc.perform(get("/api/v1/statistics/dashboard?year=" + year).cookie(admin))
            .andReturn()
            .getResponse()
            .getContentAsString());
        dashboard.get("lines")
            .forEach(l -> assertThat(l.get("figure").get("done").asLong()).as(l.get("line").get("code").asString())
                .isEqualTo(expected.getOrDefault(l.get("line").get("code").asString(), new long[2])[0]));

        // Those completions have no records behind them, and a group was tampered with:
        // the reconciliation reports both and repairs the rollup to the recount.
        jdbc.sql("update progress_rollup set completions = completions + 7 where training_year = 2025 "
                + "and line_code = (select min(line_code) from progress_rollup where training_year = 2025)")
            .update();
        JsonNode report = json
            .readTree(mvc.perform(post("/api/v1/statistics/reconciliation").with(csrf()).cookie(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(report.get("groupsDrifted").asInt()).isPositive();
        assertThat(report.get("completionsExtra").asLong()).isGreaterThanOrEqualTo(7 + announced * 8 / 10);
        assertThat(plain(byLine(admin, year))).isEqualTo(plain(recountByLine(year)));
        assertThat(progress.reconcile("test"))
            .isEqualTo(new Progress.Reconciliation(progress.reconcile("test").groupsCompared(), 0, 0, 0, 0, 0));
        mvc.perform(post("/api/v1/statistics/reconciliation").with(csrf()).cookie(SignedIn.as(mvc, "jinan")))
            .andExpect(status().isForbidden());
    }

    @Test
    void aCityOfficerSeesTheirCityOnly() throws Exception {
        progress.reconcile("test");
        JsonNode rows = json.readTree(
                mvc.perform(get("/api/v1/statistics/progress?by=CITY&year=2025").cookie(SignedIn.as(mvc, "qingdao")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
        JsonNode all = json.readTree(
                mvc.perform(get("/api/v1/statistics/progress?by=CITY&year=2025").cookie(SignedIn.as(mvc, "admin")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
        List<String> qingdaoInAll = new java.util.ArrayList<>();
        all.forEach(r -> {
            if (r.get("key").asString().equals("370200")) {
                qingdaoInAll.add(r.toString());
            }
        });
        List<String> own = new java.util.ArrayList<>();
        rows.forEach(r -> own.add(r.toString()));
        assertThat(own).isEqualTo(qingdaoInAll);
        assertThat(all.size()).isGreaterThan(1);
    }

    @Test
    void theHomePageShowsEachSubTargetsCompletionsThisYear() throws Exception {
        progress.reconcile("test");
        Cookie admin = SignedIn.as(mvc, "admin");
        int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        JsonNode rows = json
            .readTree(mvc.perform(get("/api/v1/statistics/progress?by=SUB_TARGET&year=" + year).cookie(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        String page = mvc.perform(get("/").cookie(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(rows.size()).isPositive();
        assertThat(page).contains("年已完成（补贴性）").contains(year + " 年");
        rows.forEach(r -> assertThat(page).containsPattern("id=\"done-" + r.get("key").asString() + "\">"
                + String.format("%,d", r.get("subsidised").asLong()) + "<"));
    }

    @Test
    void traineeGroupsAndUniquePersonsAreReconciledWithTheRecords() throws Exception {
        progress.reconcile("test");
        Cookie admin = SignedIn.as(mvc, "admin");
        // The groups as recorded with the completions, counted independently.
        Map<String, Long> expected = new HashMap<>();
        for (CompletionCounts.GroupCount g : counts.byGroup()) {
            if (g.year() == 2025 && g.subsidised()) {
                expected.merge(g.groupCode(), g.completions(), Long::sum);
            }
        }
        Map<String, Long> byGroup = new HashMap<>();
        byLine(admin, 2025);
        json.readTree(mvc.perform(get("/api/v1/statistics/progress?by=GROUP&year=2025").cookie(admin))
            .andReturn()
            .getResponse()
            .getContentAsString()).forEach(r -> byGroup.put(r.get("key").asString(), r.get("subsidised").asLong()));
        assertThat(byGroup).isEqualTo(expected).isNotEmpty();

        // Tampered counts are found and repaired.
        jdbc.sql("update progress_group_rollup set completions = completions + 3").update();
        jdbc.sql("update progress_unique set persons = persons + 1 where dimension = 'LINE'").update();
        jdbc.sql("delete from progress_unique where dimension = 'CITY' and region_code = '370200'").update();
        Progress.Reconciliation r = progress.reconcile("test");
        assertThat(r.traineeGroupCountsDrifted()).isPositive();
        assertThat(r.uniquePersonCountsDrifted()).isGreaterThan(1);
        assertThat(r.groupsDrifted()).isZero();
        assertThat(progress.reconcile("test").uniquePersonCountsDrifted()).isZero();
        long qingdao = jdbc.sql("""
                select count(distinct person_id) from enrolment where status = 'COMPLETED' and subsidised = true
                and completed_on between '2025-01-01' and '2025-12-31' and region_code like '3702%'""")
            .query(Long.class)
            .single();
        JsonNode d = json.readTree(mvc.perform(get("/api/v1/statistics/dashboard?year=2025&city=370200").cookie(admin))
            .andReturn()
            .getResponse()
            .getContentAsString());
        assertThat(d.get("total").get("persons").asLong()).isEqualTo(qingdao);
    }

}
