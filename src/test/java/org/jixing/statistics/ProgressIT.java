package org.jixing.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.person.MembershipChannel;
import org.jixing.person.People;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
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

    @Autowired
    People people;

    static final CurrentUser ADMIN = new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN,
            DataScope.province("370000"));

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
                    LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)), Set.of());
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
        mvc.perform(post("/api/v1/statistics/reconciliation").with(csrf()).cookie(jinan()))
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
        JsonNode all = json.readTree(mvc.perform(get("/api/v1/statistics/progress?by=CITY&year=2025").cookie(admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
        List<String> qingdaoInAll = new ArrayList<>();
        all.forEach(r -> {
            if (r.get("key").asString().equals("370200")) {
                qingdaoInAll.add(r.toString());
            }
        });
        List<String> own = new ArrayList<>();
        rows.forEach(r -> own.add(r.toString()));
        assertThat(own).isEqualTo(qingdaoInAll);
        assertThat(all.size()).isGreaterThan(1);
    }

    @Test
    void theHomePageShowsEachSubTargetsCompletionsThisYear() throws Exception {
        progress.reconcile("test");
        Cookie admin = SignedIn.as(mvc, "admin");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
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

    /** Subsidised completions of a year by trainee group, as the API gives them. */
    Map<String, Long> byGroup(Cookie as, int year) throws Exception {
        Map<String, Long> out = new HashMap<>();
        json.readTree(mvc.perform(get("/api/v1/statistics/progress?by=GROUP&year=" + year).cookie(as))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString()).forEach(r -> {
                if (r.get("subsidised").asLong() > 0) {
                    out.put(r.get("key").asString(), r.get("subsidised").asLong());
                }
            });
        return out;
    }

    /**
     * Subsidised completions of a year by the groups their trainees held on the class's
     * first day, from the raw records: every membership valid that day, however late it
     * was recorded.
     */
    Map<String, Long> groupsHeldOnTheFirstDay(int year) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("""
                select g.group_code, count(distinct e.id || '-' || g.group_code)
                from enrolment e join training_class c on c.id = e.class_id
                  join person_group g on g.person_id = e.person_id and g.valid_from <= c.start_date
                    and (g.valid_until is null or g.valid_until >= c.start_date)
                where e.status = 'COMPLETED' and e.subsidised = true
                  and e.completed_on between :from and :until
                group by g.group_code""")
            .param("from", LocalDate.of(year, 1, 1))
            .param("until", LocalDate.of(year, 12, 31))
            .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2)))
            .list();
        return out;
    }

    @Test
    void aMembershipRecordedLaterWithAnEarlierStartCountsForTheCompletionsItCovers() throws Exception {
        progress.reconcile("test");
        Cookie admin = SignedIn.as(mvc, "admin");
        // A 2025 completion whose trainee was not known as a veteran when it was counted.
        Map<String, Object> t = jdbc.sql("""
                select e.id, e.person_id, e.class_id, c.start_date, e.completed_on from enrolment e
                join training_class c on c.id = e.class_id
                where e.status = 'COMPLETED' and e.subsidised = true
                  and e.completed_on between '2025-01-01' and '2025-12-31'
                  and not exists (select 1 from person_group g where g.person_id = e.person_id
                    and g.group_code = 'VETERAN')
                order by e.id fetch first 1 rows only""").query().singleRow();
        long person = ((Number) t.get("person_id")).longValue();
        LocalDate start = ((Date) t.get("start_date")).toLocalDate();
        LocalDate completed = ((Date) t.get("completed_on")).toLocalDate();
        Map<String, Long> before = byGroup(admin, 2025);

        // Recorded today, valid only from the day after the class began: it does not
        // count for that class.
        RunAs.user(ADMIN,
                () -> people.addGroups(List
                    .of(new People.NewMembership(person, "VETERAN", "退役军人证（补录）", start.plusDays(1), start.plusDays(1))),
                        MembershipChannel.REGISTRY_IMPORT));
        assertThat(byGroup(admin, 2025)).isEqualTo(before);

        // Recorded today, valid on the class's first day: counted at once, as the records
        // recount it, and the class appears behind the group's figure.
        RunAs.user(ADMIN,
                () -> people.addGroups(
                        List.of(new People.NewMembership(person, "VETERAN", "退役军人证（补录）", start.minusYears(3), start)),
                        MembershipChannel.REGISTRY_IMPORT));
        Map<String, Long> after = byGroup(admin, 2025);
        assertThat(after.getOrDefault("VETERAN", 0L)).isEqualTo(before.getOrDefault("VETERAN", 0L) + 1);
        assertThat(after).isEqualTo(groupsHeldOnTheFirstDay(2025));
        assertThat(jdbc
            .sql("select count(*) from enrolment_completion_group where enrolment_id = :e and "
                    + "group_code = 'VETERAN'")
            .param("e", t.get("id"))
            .query(Long.class)
            .single()).isEqualTo(1);
        // The class list the figure links to finds the class by the group.
        assertThat(mvc
            .perform(get("/classes?group=VETERAN&completedFrom=" + completed + "&completedUntil=" + completed)
                .cookie(admin))
            .andReturn()
            .getResponse()
            .getContentAsString()).contains("/classes/" + t.get("class_id") + "\"");
        // The nightly recount agrees: nothing to repair.
        assertThat(progress.reconcile("test").traineeGroupCountsDrifted()).isZero();
    }

    @Test
    void traineeGroupsAndUniquePersonsAreReconciledWithTheRecords() throws Exception {
        progress.reconcile("test");
        Cookie admin = SignedIn.as(mvc, "admin");
        // The groups the trainees held on their class's first day, recounted from the
        // records independently.
        assertThat(byGroup(admin, 2025)).isEqualTo(groupsHeldOnTheFirstDay(2025)).isNotEmpty();

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
