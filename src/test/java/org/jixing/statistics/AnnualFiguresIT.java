package org.jixing.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.account.Accounts;
import org.jixing.account.NewAccount;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.ClassWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The annual figures (年度数据): what a class opened and completed adds to them, for whom,
 * and that the page, the API and the class list the page links to agree. Expectations are
 * differences between before and after, never totals of the demo province.
 */
class AnnualFiguresIT extends IntegrationTest {

    static final AtomicInteger SEQ = new AtomicInteger();

    static final Pattern FIGURE = Pattern.compile("id=\"(annual-[a-z0-9-]+)\"[^>]*>([0-9,]+)<");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    Cookie qingdao;

    Cookie agri;

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    final int year = LocalDate.now(CHINA).getYear();

    @Autowired
    ClassWalk walk;

    /**
     * The year's figures gain what a class adds only if it also completes within the
     * year: the tests run in the middle of it, whatever the day.
     */
    @BeforeEach
    void midYear() {
        clock.moveTo(LocalDate.of(year, 6, 1).atTime(7, 0).atZone(CHINA).toInstant());
    }

    /** Today by the application's clock. */
    LocalDate clockToday() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    @BeforeEach
    void signIn() throws Exception {
        qingdao = SignedIn.as(mvc, "qingdao");
        agri = SignedIn.as(mvc, "agri");
    }

    @Test
    void anOrderClassCompletedInQingdaoCountsForTheProvinceAndQingdaoButNotForJinan() throws Exception {
        Map<String, Long> adminBefore = api(admin());
        Map<String, Long> qingdaoBefore = api(qingdao);
        Map<String, Long> jinanBefore = api(jinan());
        Map<String, Long> agriBefore = api(agri);

        // A provider of Qingdao that is a public training base and a skill-master studio;
        // an order class of three (one fails the assessment) and a self-funded regular
        // class of one in a line of the agriculture department.
        long elderly = programme("ELDERLY_CARE_WORKER", "L04-1");
        long farming = programme("AGRI_MANAGER", "L02-1");
        Provider p = provider(qingdao, "370200", true);
        long order = openedClass(p, qingdao, elderly, "ORDER", true, 9);
        List<Long> orderRoster = enrol(order, p, 3);
        complete(order, p, orderRoster, List.of(orderRoster.get(0)));
        long regular = openedClass(p, qingdao, farming, "REGULAR", false, 14);
        List<Long> regularRoster = enrol(regular, p, 1);
        complete(regular, p, regularRoster, List.of());

        Map<String, Long> expected = new HashMap<>();
        expected.put("annual-providers-public-training-base", 1L);
        expected.put("annual-providers-total", 1L);
        expected.put("annual-public-training-bases", 1L);
        expected.put("annual-skill-master-studios", 1L);
        expected.put("annual-order-classes", 1L);
        expected.put("annual-order-trainees", 3L);
        expected.put("annual-order-completions", 2L);
        expected.put("annual-project-classes", 1L);
        expected.put("annual-project-trainees", 3L);
        expected.put("annual-project-completions", 2L);
        expected.put("annual-regular-classes", 1L);
        expected.put("annual-regular-trainees", 1L);
        expected.put("annual-regular-completions", 1L);
        expected.put("annual-all-classes", 2L);
        expected.put("annual-all-trainees", 4L);
        expected.put("annual-all-completions", 3L);
        expected.put("annual-completed-total", 3L);
        expected.put("annual-completed-subsidised", 2L);
        expected.put("annual-completed-self-funded", 1L);
        assertThat(difference(adminBefore, api(admin()))).isEqualTo(expected);
        assertThat(difference(qingdaoBefore, api(qingdao))).isEqualTo(expected);
        assertThat(difference(jinanBefore, api(jinan()))).isEmpty();
        // The department sees its line's class (not the order class, of another line) and
        // no provider registry.
        assertThat(difference(agriBefore, api(agri)))
            .isEqualTo(Map.of("annual-regular-classes", 1L, "annual-regular-trainees", 1L, "annual-regular-completions",
                    1L, "annual-all-classes", 1L, "annual-all-trainees", 1L, "annual-all-completions", 1L,
                    "annual-completed-total", 1L, "annual-completed-self-funded", 1L));

        // The pages show what the API says, to each in their scope.
        for (Cookie as : List.of(admin(), qingdao, jinan(), agri)) {
            assertThat(page(as, "")).isEqualTo(api(as));
        }
        assertThat(page(agri, "")).doesNotContainKey("annual-providers-total").containsKey("annual-order-classes");
    }

    @Test
    void aClassInAnotherCityLeavesQingdaosPageAsItWas() throws Exception {
        Map<String, Long> qingdaoPage = page(qingdao, "");
        Map<String, Long> adminBefore = api(admin());
        long elderly = programme("ELDERLY_CARE_WORKER", "L04-1");
        Provider p = provider(jinan(), "370100", false);
        long directed = openedClass(p, jinan(), elderly, "DIRECTED", true, 9);
        List<Long> roster = enrol(directed, p, 2);
        complete(directed, p, roster, List.of());

        assertThat(page(qingdao, "")).isEqualTo(qingdaoPage);
        Map<String, Long> changed = difference(adminBefore, api(admin()));
        assertThat(changed).containsEntry("annual-directed-classes", 1L)
            .containsEntry("annual-directed-completions", 2L)
            .containsEntry("annual-project-classes", 1L)
            .containsEntry("annual-completed-total", 2L)
            .containsEntry("annual-providers-total", 1L)
            .doesNotContainKey("annual-order-classes");
    }

    @Test
    void eachClassFigureOpensTheClassListOfThoseClasses() throws Exception {
        // At least one order class this year, so that the list is not trivially empty.
        long elderly = programme("ELDERLY_CARE_WORKER", "L04-1");
        Provider p = provider(qingdao, "370200", false);
        openedClass(p, qingdao, elderly, "ORDER", true, 9);
        // An application still waiting and another type: neither is counted nor listed.
        apply(p, elderly, "ORDER", true, 14);
        openedClass(p, qingdao, elderly, "POST", true, 18);

        for (Cookie as : List.of(admin(), qingdao, agri)) {
            String html = html(as, "");
            Map<String, Long> figures = figures(html);
            for (String type : List.of("regular", "order", "post", "directed", "all")) {
                Matcher link = Pattern.compile("id=\"annual-" + type + "-classes\" href=\"([^\"]+)\"").matcher(html);
                assertThat(link.find()).as(type + " link").isTrue();
                String href = link.group(1).replace("&amp;", "&");
                assertThat(href).contains("from=" + year + "-01-01").contains("to=" + year + "-12-31");
                String list = mvc.perform(get(href).cookie(as))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
                assertThat(list).as(href)
                    .contains(String.format("共 %,d 条", figures.get("annual-" + type + "-classes")));
            }
        }
        assertThat(page(admin(), "").get("annual-order-classes")).isPositive();
        // The class list API takes the same filters.
        JsonNode orders = body(mvc.perform(get(
                "/api/v1/classes?type=ORDER&opened=true&startsFrom=" + year + "-01-01&startsUntil=" + year + "-12-31")
            .cookie(qingdao)));
        assertThat(orders.get("total").asLong()).isEqualTo(api(qingdao).get("annual-order-classes"));
        orders.get("items").forEach(c -> assertThat(c.get("classType").asString()).isEqualTo("ORDER"));
    }

    @Test
    void onlyThoseWhoFollowTheFiguresReadThemAndTheHomePagesLinkThere() throws Exception {
        Cookie provider = SignedIn.as(mvc, "provider");
        mvc.perform(get("/statistics/annual").cookie(provider)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics/annual").cookie(provider)).andExpect(status().isForbidden());
        mvc.perform(get("/statistics/annual?year=2025").cookie(SignedIn.as(mvc, "trainee")))
            .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics/annual").cookie(SignedIn.as(mvc, "enterprise")))
            .andExpect(status().isForbidden());
        // The auditor reads the province as the administrator does.
        assertThat(api(SignedIn.as(mvc, "auditor"))).isEqualTo(api(admin()));

        for (Cookie as : List.of(admin(), qingdao, agri)) {
            assertThat(mvc.perform(get("/").cookie(as)).andReturn().getResponse().getContentAsString())
                .contains("id=\"annual-link\" href=\"/statistics/annual\"");
        }
        assertThat(mvc.perform(get("/").cookie(provider)).andReturn().getResponse().getContentAsString())
            .doesNotContain("annual-link");
    }

    @Test
    void thePageReadsInChineseAndEnglishForAnyYearOfThePlan() throws Exception {
        String zh = html(admin(), "");
        assertThat(zh).contains(year + " 年度数据")
            .contains("培训机构（按类型）")
            .contains("订单班")
            .contains("项目制培训")
            .contains("公共实训基地")
            .contains("技能大师工作室")
            .contains("补贴性培训")
            .contains("自费培训")
            .contains("培训总人次")
            .contains("职业技能等级证书")
            .contains("高级技师")
            .contains("<option value=\"2025\"")
            .contains("<option value=\"2027\"");
        String en = html(SignedIn.as(mvc, "admin"), "lang=en");
        assertThat(en).contains("Annual figures " + year)
            .contains("Providers by type")
            .contains("Order classes")
            .contains("Certificates issued in " + year + ", by level")
            .doesNotContain("订单班");
        assertThat(figures(en)).isEqualTo(api(admin()));

        // Another year of the plan: its own figures, which the API gives too.
        assertThat(html(admin(), "year=2025")).contains("2025 年度数据").contains("<option value=\"2025\" selected");
        assertThat(page(admin(), "year=2025")).isEqualTo(api(admin(), 2025));
        // A year nobody means: said so, and this year's figures instead.
        assertThat(html(admin(), "year=1800")).contains("年度应在 2000 至 2100 年之间").contains(year + " 年度数据");
        mvc.perform(get("/api/v1/statistics/annual?year=1800").cookie(admin()))
            .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/statistics/annual?year=abc").cookie(admin())).andExpect(status().isBadRequest());
    }

    @Test
    void lastYearsFiledProvidersAreThoseApprovedByItsEndAndStillFiledThenByTheStatusHistory() throws Exception {
        int last = year - 1;
        Map<String, Long> before = api(admin(), last);
        Instant midLastYear = LocalDate.of(last, 6, 1).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();

        // Approved today, although the approver entered a "valid from" in last year: not
        // filed last year.
        filed("PRIVATE_INSTITUTION", LocalDate.of(last, 1, 1));
        // Approved last June, suspended today: filed at last year's end. It is a public
        // training base by its kind.
        clock.moveTo(midLastYear);
        long base = filed("PUBLIC_TRAINING_BASE", LocalDate.of(last, 6, 1));
        // Approved last June and suspended last October: not filed at last year's end.
        long suspended = filed("ENTERPRISE", LocalDate.of(last, 6, 1));
        clock.moveTo(midLastYear.plus(Duration.ofDays(120)));
        suspend(suspended);
        clock.reset();
        suspend(base);

        assertThat(difference(before, api(admin(), last))).isEqualTo(Map.of("annual-providers-public-training-base", 1L,
                "annual-providers-total", 1L, "annual-public-training-bases", 1L));
        // Every provider figure of last year recounts from the records as its label says.
        assertThat(providerFigures(api(admin(), last))).isEqualTo(filedRecount(last)).isNotEmpty();
        assertThat(providerFigures(api(admin(), year))).isEqualTo(filedRecount(year));
    }

    /** A provider of the kind, applied for and approved by Qingdao's officer now. */
    long filed(String kind, LocalDate validFrom) throws Exception {
        String code = creditCode();
        JsonNode p = body(postJson("/api/v1/providers", qingdao, """
                {"kind":"%s","name":"备案口径测试%d","creditCode":"%s","regionCode":"370200","address":"测试路 2 号",
                 "legalRepresentative":"张三","contactName":"李四","contactPhone":"13800000000","capacity":40,
                 "permits":[{"occupationCode":"ELDERLY_CARE_WORKER","levelCode":"JUNIOR"}]}""".formatted(kind,
                SEQ.incrementAndGet(), code))
            .andExpect(status().isCreated()));
        long id = p.get("id").asLong();
        postJson("/api/v1/providers/" + id + "/decisions", qingdao, """
                {"verb":"approve","version":%d,"filingNo":"F-%s","validFrom":"%s","validUntil":"%d-12-31"}"""
            .formatted(p.get("version").asInt(), code, validFrom, year + 3)).andExpect(status().isOk());
        return id;
    }

    void suspend(long id) throws Exception {
        int version = body(mvc.perform(get("/api/v1/providers/" + id).cookie(qingdao))).get("version").asInt();
        postJson("/api/v1/providers/" + id + "/decisions", qingdao, """
                {"verb":"suspend","version":%d,"reason":"检查整改"}""".formatted(version)).andExpect(status().isOk());
    }

    static Map<String, Long> providerFigures(Map<String, Long> figures) {
        Map<String, Long> out = new TreeMap<>();
        figures.forEach((k, v) -> {
            if (k.startsWith("annual-providers-") || k.equals("annual-public-training-bases")
                    || k.equals("annual-skill-master-studios")) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * The provider figures of a year from the raw records: a provider counts when the
     * last status its history records by the end of the year's last day (or today, this
     * year) is an approval or reinstatement and its filing is valid on that day.
     */
    Map<String, Long> filedRecount(int y) {
        LocalDate day = y < year ? LocalDate.of(y, 12, 31) : clockToday();
        Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        Map<String, Long> out = new TreeMap<>();
        for (String kind : List.of("TECHNICAL_COLLEGE", "VOCATIONAL_COLLEGE", "PRIVATE_INSTITUTION", "ENTERPRISE",
                "PUBLIC_TRAINING_BASE")) {
            out.put("annual-providers-" + kind.toLowerCase().replace('_', '-'), 0L);
        }
        long total = 0;
        long bases = 0;
        long studios = 0;
        List<Map<String, Object>> rows = jdbc.sql("""
                select b.id, b.kind, b.skill_master_studio, b.filing_valid_from, b.filing_valid_until
                from filed_body b where b.registry = 'PROVIDER'""").query().listOfRows();
        for (Map<String, Object> b : rows) {
            List<String> history = jdbc.sql("""
                    select status from filed_body_status_change where body_id = :id and decided_at < :end
                    order by decided_at, id""").param("id", b.get("id")).param("end", end).query(String.class).list();
            LocalDate from = b.get("filing_valid_from") == null ? null
                    : ((Date) b.get("filing_valid_from")).toLocalDate();
            LocalDate until = b.get("filing_valid_until") == null ? null
                    : ((Date) b.get("filing_valid_until")).toLocalDate();
            boolean filed = !history.isEmpty() && history.get(history.size() - 1).equals("ACTIVE") && from != null
                    && !from.isAfter(day) && (until == null || !until.isBefore(day));
            if (filed) {
                String kind = (String) b.get("kind");
                out.merge("annual-providers-" + kind.toLowerCase().replace('_', '-'), 1L, Long::sum);
                total++;
                bases += kind.equals("PUBLIC_TRAINING_BASE") ? 1 : 0;
                studios += Boolean.TRUE.equals(b.get("skill_master_studio")) ? 1 : 0;
            }
        }
        out.put("annual-providers-total", total);
        out.put("annual-public-training-bases", bases);
        out.put("annual-skill-master-studios", studios);
        return out;
    }

    // --- Reading the figures

    Map<String, Long> api(Cookie as) throws Exception {
        return api(as, year);
    }

    /** The API's figures under the ids the page gives them. */
    Map<String, Long> api(Cookie as, int y) throws Exception {
        JsonNode f = body(
                mvc.perform(get("/api/v1/statistics/annual?year=" + y).cookie(as)).andExpect(status().isOk()));
        assertThat(f.get("year").asInt()).isEqualTo(y);
        Map<String, Long> out = new HashMap<>();
        JsonNode providers = f.get("providers");
        if (providers != null && !providers.isNull()) {
            providers.get("byKind")
                .properties()
                .forEach(e -> out.put("annual-providers-" + e.getKey().toLowerCase().replace('_', '-'),
                        e.getValue().asLong()));
            out.put("annual-providers-total", providers.get("total").asLong());
            out.put("annual-public-training-bases", providers.get("publicTrainingBases").asLong());
            out.put("annual-skill-master-studios", providers.get("skillMasterStudios").asLong());
        }
        f.get("classesByType").properties().forEach(e -> classes(out, e.getKey().toLowerCase(), e.getValue()));
        classes(out, "project", f.get("projectBased"));
        classes(out, "all", f.get("allClasses"));
        out.put("annual-completed-total", f.get("completed").get("total").asLong());
        out.put("annual-completed-subsidised", f.get("completed").get("subsidised").asLong());
        out.put("annual-completed-self-funded", f.get("completed").get("selfFunded").asLong());
        long certificates = 0;
        for (JsonNode l : f.get("certificatesByLevel")) {
            certificates += l.get("issued").asLong();
        }
        out.put("annual-certificates-total", certificates);
        // Of the money, the count of claims reads as a whole number on the page.
        out.put("annual-money-claims", f.get("money").get("claims").asLong());
        return out;
    }

    static void classes(Map<String, Long> out, String key, JsonNode c) {
        out.put("annual-" + key + "-classes", c.get("classes").asLong());
        out.put("annual-" + key + "-trainees", c.get("trainees").asLong());
        out.put("annual-" + key + "-completions", c.get("completions").asLong());
    }

    String html(Cookie as, String query) throws Exception {
        return mvc.perform(get("/statistics/annual" + (query.isEmpty() ? "" : "?" + query)).cookie(as))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    Map<String, Long> page(Cookie as, String query) throws Exception {
        return figures(html(as, query));
    }

    /** The figures of a page by element id. */
    static Map<String, Long> figures(String html) {
        Map<String, Long> out = new HashMap<>();
        Matcher m = FIGURE.matcher(html);
        while (m.find()) {
            out.put(m.group(1), Long.parseLong(m.group(2).replace(",", "")));
        }
        return out;
    }

    /** What changed from one reading to the next, leaving out what did not. */
    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        Map<String, Long> out = new HashMap<>();
        after.forEach((k, v) -> {
            if (v - before.get(k) != 0) {
                out.put(k, v - before.get(k));
            }
        });
        return out;
    }

    // --- Making classes through the API, as providers and officers do

    long programme(String occupation, String subTarget) throws Exception {
        String code = "A-" + SEQ.incrementAndGet() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        return body(postJson("/api/v1/programmes", admin(), """
                {"code":"%s","nameZh":"年度数据测试项目","occupationCode":"%s","levelCode":"JUNIOR","hours":3,
                 "deliveryMode":"IN_PERSON","subTargetCode":"%s"}""".formatted(code, occupation, subTarget))
            .andExpect(status().isCreated())).get("id").asLong();
    }

    record Provider(long id, Cookie staff, long teacher) {
    }

    static String creditCode() {
        String first17 = String.format("913702%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /**
     * A private institution (or a public training base that is also a skill-master
     * studio) filed and approved by a city's officer, allowed to train the two test
     * occupations, with a staff account and a teacher.
     */
    Provider provider(Cookie officer, String region, boolean baseAndStudio) throws Exception {
        String code = creditCode();
        JsonNode p = body(postJson("/api/v1/providers", officer,
                """
                        {"kind":"%s","name":"年度数据测试学校%d","creditCode":"%s","regionCode":"%s",
                         "address":"测试路 1 号","legalRepresentative":"张三","contactName":"李四","contactPhone":"13800000000",
                         "capacity":40,"skillMasterStudio":%s,
                         "permits":[{"occupationCode":"ELDERLY_CARE_WORKER","levelCode":"JUNIOR"},
                                    {"occupationCode":"AGRI_MANAGER","levelCode":"JUNIOR"}]}""".formatted(
                        baseAndStudio ? "PUBLIC_TRAINING_BASE" : "PRIVATE_INSTITUTION", SEQ.incrementAndGet(), code,
                        region, baseAndStudio))
            .andExpect(status().isCreated()));
        long id = p.get("id").asLong();
        postJson("/api/v1/providers/" + id + "/decisions", officer, """
                {"verb":"approve","version":%d,"filingNo":"F-%s","validFrom":"2025-01-01","validUntil":"2030-12-31"}"""
            .formatted(p.get("version").asInt(), code)).andExpect(status().isOk());
        String username = "annual-staff-" + id;
        accounts.create(new NewAccount(username, "员工", "staff-password-123", Role.PROVIDER_STAFF, ScopeKind.PROVIDER,
                String.valueOf(id), region));
        Cookie staff = SignedIn.as(mvc, username, "staff-password-123");
        long teacher = body(postJson("/api/v1/teachers", staff, """
                {"name":"王老师","qualificationNo":"QA%d-%d"}""".formatted(id, SEQ.incrementAndGet()))
            .andExpect(status().isOk())).get("id").asLong();
        return new Provider(id, staff, teacher);
    }

    /** Applies for a class of one 3-hour session today from {@code hour}; returns it. */
    JsonNode apply(Provider p, long programme, String type, boolean subsidised, int hour) throws Exception {
        String employer = type.equals("REGULAR") ? "" : """
                "employerName":"青岛示范制造有限公司","employerCreditCode":"%s",""".formatted(creditCode());
        return body(postJson("/api/v1/classes", p.staff(),
                """
                        {"programmeId":%d,"classType":"%s",%s"subsidised":%s,"venueAddress":"培训楼 3 层",
                         "venueLat":36.07,"venueLng":120.38,"startDate":"%s","endDate":"%s","capacity":30,
                         "sessions":[{"startsAt":"%sT%02d:00:00","endsAt":"%sT%02d:00:00","teacherId":%d}]}"""
                    .formatted(programme, type, employer, subsidised, clockToday(), clockToday(), clockToday(), hour,
                            clockToday(), hour + 3, p.teacher()))
            .andExpect(status().isCreated()));
    }

    /** A class the city's officer approved. */
    long openedClass(Provider p, Cookie officer, long programme, String type, boolean subsidised, int hour)
            throws Exception {
        JsonNode c = apply(p, programme, type, subsidised, hour);
        long id = c.get("id").asLong();
        postJson("/api/v1/classes/" + id + "/decisions", officer, """
                {"verb":"approve","version":%d}""".formatted(c.get("version").asInt())).andExpect(status().isOk());
        return id;
    }

    /** Enrols {@code n} new adults and returns their enrolment ids. */
    List<Long> enrol(long classId, Provider p, int n) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String first17 = "370102"
                    + LocalDate.of(1970, 1, 1)
                        .plusDays(ThreadLocalRandom.current().nextInt(12_000))
                        .format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("9%02d", ThreadLocalRandom.current().nextInt(100));
            ids.add(body(postJson("/api/v1/classes/" + classId + "/enrolments", p.staff(),
                    """
                            {"idNumber":"%s","name":"学员","phone":"13900002222"}"""
                        .formatted(first17 + ResidentIdNumbers.checkCharacter(first17)))
                .andExpect(status().isCreated())).get("id").asLong());
        }
        return ids;
    }

    /**
     * Everyone attended the session (recorded by correction once it ended); the class
     * starts and, once its calendar allows, completes with {@code failed} failing the
     * assessment.
     */
    void complete(long classId, Provider p, List<Long> roster, List<Long> failed) throws Exception {
        walk.pastSession(classId, 1);
        long session = walk.session(classId, 1).id();
        for (long e : roster) {
            postJson("/api/v1/classes/" + classId + "/sessions/" + session + "/attendance/corrections", p.staff(), """
                    {"enrolmentId":%d,"present":true,"reason":"终端故障，教师点名确认到课"}""".formatted(e))
                .andExpect(status().isOk());
        }
        int version = body(mvc.perform(get("/api/v1/classes/" + classId).cookie(p.staff()))).get("version").asInt();
        version = body(postJson("/api/v1/classes/" + classId + "/decisions", p.staff(), """
                {"verb":"start","version":%d}""".formatted(version)).andExpect(status().isOk())).get("version").asInt();
        walk.toCompletion(classId);
        postJson("/api/v1/classes/" + classId + "/completion", p.staff(), """
                {"version":%d,"failedAssessment":%s}""".formatted(version, failed)).andExpect(status().isOk());
    }

}
