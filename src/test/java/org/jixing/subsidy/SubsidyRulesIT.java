package org.jixing.subsidy;

import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asStaff;
import org.jixing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.jixing.SignedIn;
import org.jixing.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

/**
 * The province administrator publishes versions of the subsidy rules with their effective
 * dates; a published version never changes a claim already filed; the simulator explains
 * what a trainee of a class would be paid, as a claim would pay it.
 */
class SubsidyRulesIT extends IntegrationTest implements SubsidyFixtures {

    @Autowired
    ClaimFiling claimFiling;

    @Autowired
    ClaimPreviews claimPreviews;

    @Autowired
    SubsidyRules rules;

    @Autowired
    Claims claims;

    /** The first day a new version may take effect: after every version, after today. */
    private LocalDate nextFreeDay() {
        LocalDate after = rules.today().plusDays(1);
        for (RuleSet r : rules.versions()) {
            if (!r.effectiveFrom().isBefore(after)) {
                after = r.effectiveFrom().plusDays(1);
            }
        }
        return after;
    }

    private RuleSet latest() {
        return rules.versions().get(0);
    }

    /**
     * A new version as the API takes it: the base version's rules with every standard at
     * {@code percent} of its amount, plus {@code extra} standards.
     */
    private String versionJson(RuleSet base, LocalDate from, int percent, List<Map<String, Object>> extra) {
        List<Map<String, Object>> standards = new ArrayList<>();
        for (RuleSet.Standard s : base.standards()) {
            standards.add(Map.of("levelCode", s.levelCode(), "tier", s.tier().name(), "amountYuan",
                    Money.ofFen(s.amount().fen() * percent / 100).toYuanString(), "paysOn", s.paysOn().name()));
        }
        standards.addAll(extra);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("effectiveFrom", from.toString());
        body.put("note", "测试版本");
        body.put("personYearCapYuan", base.personYearCap().toYuanString());
        body.put("classCapYuan", base.classCap().toYuanString());
        body.put("defaultTier", base.defaultTier().name());
        body.put("standards", standards);
        body.put("occupationTiers", base.occupationTiers());
        body.put("groupAdjustments", base.groupAdjustments());
        body.put("lineFunds", base.lineFunds());
        return json.writeValueAsString(body);
    }

    private long versionCount() {
        return rules.versions().size();
    }

    @Test
    void theAdministratorPublishesAVersionThroughTheApiThatTakesEffectOnItsDay() throws Exception {
        rulesInForce();
        RuleSet base = latest();
        LocalDate from = nextFreeDay();
        JsonNode published = body(postJson("/api/v1/subsidies/rules", admin(), versionJson(base, from, 150, List.of()))
            .andExpect(status().isCreated()));
        assertThat(published.get("standing").asString()).isEqualTo("FUTURE");
        assertThat(published.get("rules").get("version").asInt()).isEqualTo(base.version() + 1);
        long id = published.get("rules").get("id").asLong();
        RuleSet.Standard first = base.standards().get(0);

        JsonNode detail = body(
                mvc.perform(get("/api/v1/subsidies/rules/" + id).cookie(jinan())).andExpect(status().isOk()));
        assertThat(detail.get("rules").get("effectiveFrom").asString()).isEqualTo(from.toString());
        assertThat(detail.get("rules").get("standards").get(0).get("amount").get("fen").asLong())
            .isEqualTo(first.amount().fen() * 150 / 100);
        JsonNode list = body(mvc.perform(get("/api/v1/subsidies/rules").cookie(jinan())).andExpect(status().isOk()));
        assertThat(list.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(list.get(0).get("standing").asString()).isEqualTo("FUTURE");
        assertThat(rules.inForceOn(from).orElseThrow().id()).isEqualTo(id);
        assertThat(rules.inForceOn(from.minusDays(1)).orElseThrow().id()).isEqualTo(base.id());
        mvc.perform(get("/api/v1/subsidies/rules/999999999").cookie(jinan())).andExpect(status().isNotFound());
        mvc.perform(get("/v3/api-docs").cookie(admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("/api/v1/subsidies/rules")))
            .andExpect(content().string(containsString("/api/v1/subsidies/simulation")));
    }

    @Test
    void aRefusedVersionNamesEachBrokenRuleAndPublishesNothing() throws Exception {
        rulesInForce();
        RuleSet base = latest();
        long before = versionCount();
        RuleSet.Standard first = base.standards().get(0);
        // Not after the latest version; a negative amount; the same level and tier twice.
        String body = versionJson(base, base.effectiveFrom(), 100,
                List.of(Map.of("levelCode", "SENIOR", "tier", "A", "amountYuan", "-5", "paysOn", "COMPLETION"),
                        Map.of("levelCode", first.levelCode(), "tier", first.tier().name(), "amountYuan", "1", "paysOn",
                                "COMPLETION")));
        JsonNode refused = body(
                postJson("/api/v1/subsidies/rules", admin(), body).andExpect(status().isUnprocessableContent()));
        assertThat(refused.get("errors").findValuesAsString("field")).contains("effectiveFrom", "standards");
        assertThat(refused.get("errors").findValuesAsString("rule")).contains("subsidy.error.rules.notAfter",
                "subsidy.error.rules.standard", "subsidyRules.error.duplicateStandard");
        assertThat(refused.get("errors").findValuesAsString("message"))
            .anyMatch(m -> m.contains("多条标准") && m.contains(first.levelCode()));
        assertThat(versionCount()).isEqualTo(before);

        // An unknown fund source, an adjustment out of range, a missing cap.
        Map<String, Object> broken = new LinkedHashMap<>(
                json.readValue(versionJson(base, nextFreeDay(), 100, List.of()), Map.class));
        broken.put("lineFunds", Map.of("L01", "NO_SUCH_FUND"));
        broken.put("groupAdjustments", Map.of("VETERAN", 150));
        broken.put("classCapYuan", "");
        JsonNode refusedAgain = body(postJson("/api/v1/subsidies/rules", admin(), json.writeValueAsString(broken))
            .andExpect(status().isUnprocessableContent()));
        assertThat(refusedAgain.get("errors").findValuesAsString("field")).contains("lineFunds", "groupAdjustments",
                "classCap");
        assertThat(versionCount()).isEqualTo(before);

        // On the page the refusal names the field beside the form, which keeps what was
        // entered.
        mvc.perform(pageDraft(base, base.effectiveFrom()).cookie(admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"problems\"")))
            .andExpect(content().string(containsString("<strong>生效日期</strong>")))
            .andExpect(content().string(containsString("生效日期须晚于已有版本")))
            .andExpect(content().string(containsString("value=\"" + base.effectiveFrom() + "\"")));
        assertThat(versionCount()).isEqualTo(before);
    }

    /** The new-version form as the page posts it, filled from a version. */
    private MockHttpServletRequestBuilder pageDraft(RuleSet base, LocalDate from) {
        MockHttpServletRequestBuilder req = post("/subsidies/rules").with(csrf())
            .param("effectiveFrom", from.toString())
            .param("note", "页面发布")
            .param("personYearCap", base.personYearCap().toYuanString())
            .param("classCap", base.classCap().toYuanString())
            .param("defaultTier", base.defaultTier().name());
        for (RuleSet.Standard s : base.standards()) {
            String key = s.levelCode() + "." + s.tier();
            req.param("amount." + key, s.amount().plus(Money.ofYuan("100")).toYuanString())
                .param("paysOn." + key, s.paysOn().name());
        }
        base.occupationTiers().forEach((o, t) -> req.param("tier." + o, t.name()));
        base.groupAdjustments().forEach((g, p) -> req.param("adjust." + g, String.valueOf(p)));
        base.lineFunds().forEach((l, f) -> req.param("fund." + l, f));
        return req;
    }

    @Test
    void theAdministratorPublishesFromThePrefilledFormAndReadsTheVersionInBothLanguages() throws Exception {
        rulesInForce();
        RuleSet base = latest();
        RuleSet.Standard first = base.standards().get(0);
        mvc.perform(get("/subsidies/rules/new").cookie(admin()))
            .andExpect(status().isOk())
            .andExpect(
                    content().string(containsString("name=\"amount." + first.levelCode() + "." + first.tier() + "\"")))
            .andExpect(content().string(containsString("value=\"" + first.amount().toYuanString() + "\"")))
            .andExpect(content().string(containsString("value=\"" + nextFreeDay() + "\"")));
        LocalDate from = nextFreeDay();
        String location = mvc.perform(pageDraft(base, from).cookie(admin()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        RuleSet published = latest();
        assertThat(published.version()).isEqualTo(base.version() + 1);
        assertThat(published.effectiveFrom()).isEqualTo(from);
        assertThat(published.standard(first.levelCode(), first.tier()).orElseThrow().amount())
            .isEqualTo(first.amount().plus(Money.ofYuan("100")));
        assertThat(location).endsWith("/subsidies/rules/" + published.id());

        mvc.perform(get(location).cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("补贴规则第 " + published.version() + " 版")))
            .andExpect(content().string(containsString("待生效")))
            .andExpect(
                    content().string(containsString(first.amount().plus(Money.ofYuan("100")).toYuanString() + " 元，")))
            .andExpect(content().string(not(containsString("id=\"new-version\""))));
        mvc.perform(get(location + "?lang=en").cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Subsidy rules, version " + published.version())))
            .andExpect(content().string(containsString("Future")))
            .andExpect(content().string(containsString("Fund source of each action line")));
        mvc.perform(get("/subsidies/rules").cookie(admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"version-" + published.version() + "\"")))
            .andExpect(content().string(containsString("id=\"new-version\"")));
    }

    @Test
    void onlyTheProvinceAdministratorPublishes() throws Exception {
        rulesInForce();
        RuleSet base = latest();
        long before = versionCount();
        String body = versionJson(base, nextFreeDay(), 100, List.of());
        postJson("/api/v1/subsidies/rules", jinan(), body).andExpect(status().isForbidden());
        Cookie provider = SignedIn.as(mvc, "provider");
        postJson("/api/v1/subsidies/rules", provider, body).andExpect(status().isForbidden());
        mvc.perform(get("/subsidies/rules/new").cookie(jinan())).andExpect(status().isForbidden());
        mvc.perform(pageDraft(base, nextFreeDay()).cookie(jinan())).andExpect(status().isForbidden());
        mvc.perform(get("/subsidies/rules").cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("id=\"new-version\""))));
        assertThat(versionCount()).isEqualTo(before);
    }

    @Test
    void aClaimFiledBeforeANewVersionKeepsItsAmountsAndTheSimulatorComparesTheVersions() throws Exception {
        RuleSet r = rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1",
                List.of(new Trainee("VETERAN", true), new Trainee("REGISTERED_UNEMPLOYED", true)));
        Claim claim = asStaff(f.provider().id(), () -> claimFiling.file(f.classId()));
        List<ClaimLine> linesBefore = asAdmin(() -> claims.lines(claim.id()));

        // The province doubles every standard from a later day.
        JsonNode published = body(
                postJson("/api/v1/subsidies/rules", admin(), versionJson(latest(), nextFreeDay(), 200, List.of()))
                    .andExpect(status().isCreated()));
        long newId = published.get("rules").get("id").asLong();

        JsonNode after = body(
                mvc.perform(get("/api/v1/subsidies/claims/" + claim.id()).cookie(jinan())).andExpect(status().isOk()));
        assertThat(after.get("claim").get("amount").get("fen").asLong()).isEqualTo(claim.amount().fen());
        assertThat(after.get("claim").get("ruleVersion").asInt()).isEqualTo(r.version());
        for (int i = 0; i < linesBefore.size(); i++) {
            assertThat(after.get("lines").get(i).get("amount").get("fen").asLong())
                .isEqualTo(linesBefore.get(i).amount().fen());
        }

        // The simulator still prices the class by its first day; the new version, chosen,
        // would pay double.
        ClaimLine line = linesBefore.get(0);
        JsonNode now = body(mvc
            .perform(get("/api/v1/subsidies/simulation?classId=" + f.classId() + "&enrolmentId=" + line.enrolmentId())
                .cookie(f.provider().staff()))
            .andExpect(status().isOk()));
        assertThat(now.get("ruleVersion").asInt()).isEqualTo(r.version());
        assertThat(now.get("amount").get("fen").asLong()).isEqualTo(line.amount().fen());
        assertThat(now.get("explanation").toString()).contains(claim.claimNo());
        JsonNode chosen = body(mvc
            .perform(get("/api/v1/subsidies/simulation?classId=" + f.classId() + "&enrolmentId=" + line.enrolmentId()
                    + "&versionId=" + newId)
                .cookie(f.provider().staff()))
            .andExpect(status().isOk()));
        assertThat(chosen.get("underInForceVersion").asBoolean()).isFalse();
        assertThat(chosen.get("inForceVersion").asInt()).isEqualTo(r.version());
        assertThat(chosen.get("standard").get("fen").asLong()).isEqualTo(line.standard().fen() * 2);
        assertThat(chosen.get("explanation").get(0).asString())
            .contains("所选第 " + published.get("rules").get("version").asInt() + " 版");
    }

    @Test
    void theSimulatorExplainsEachTraineeAsTheClaimPreviewPricesThem() throws Exception {
        RuleSet r = rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", List.of(new Trainee("VETERAN", true),
                new Trainee("DISABLED", true), new Trainee("REGISTERED_UNEMPLOYED", false), new Trainee(null, true)));
        Cookie staff = f.provider().staff();
        JsonNode preview = body(
                mvc.perform(get("/api/v1/subsidies/claims/preview?classId=" + f.classId()).cookie(staff))
                    .andExpect(status().isOk()));
        assertThat(preview.get("lines")).hasSize(2);
        assertThat(preview.get("exclusions")).hasSize(2);
        for (JsonNode l : preview.get("lines")) {
            JsonNode s = simulate(staff, f.classId(), "&enrolmentId=" + l.get("enrolmentId").asLong());
            assertThat(s.get("payable").asBoolean()).isTrue();
            assertThat(s.get("amount").get("fen").asLong()).isEqualTo(l.get("amount").get("fen").asLong());
            assertThat(s.get("tier").asString()).isEqualTo(l.get("tier").asString());
            assertThat(s.get("standard").get("fen").asLong()).isEqualTo(l.get("standard").get("fen").asLong());
            assertThat(text(s.get("groupCode"))).isEqualTo(text(l.get("groupCode")));
            assertThat(s.get("adjustPercent").asInt()).isEqualTo(l.get("adjustPercent").asInt());
            assertThat(s.get("explanation").toString())
                .contains("应付 " + Money.ofFen(l.get("amount").get("fen").asLong()).toYuanString() + " 元");
        }
        for (JsonNode x : preview.get("exclusions")) {
            JsonNode s = simulate(staff, f.classId(), "&enrolmentId=" + x.get("enrolmentId").asLong());
            assertThat(s.get("payable").asBoolean()).isFalse();
            assertThat(s.get("reasonKey").asString()).isEqualTo(x.get("reasonKey").asString());
            assertThat(s.get("explanation").toString()).contains("不予补贴");
        }

        // A hypothetical veteran who already received all but 100 yuan of the yearly cap.
        RuleSet.Standard standard = r.standard("JUNIOR", r.tierOf("CLEANER")).orElseThrow();
        int pct = r.groupAdjustments().getOrDefault("VETERAN", 0);
        long full = standard.amount().fen() * (100 + pct) / 100;
        JsonNode veteran = simulate(staff, f.classId(), "&groups=VETERAN");
        assertThat(veteran.get("amount").get("fen").asLong()).isEqualTo(full);
        Money already = r.personYearCap().minus(Money.ofYuan("100"));
        JsonNode capped = simulate(staff, f.classId(), "&groups=VETERAN&alreadyYuan=" + already.toYuanString());
        assertThat(capped.get("amount").get("fen").asLong()).isEqualTo(Math.min(full, 10_000));
        assertThat(capped.get("personYearCapCut").get("fen").asLong()).isEqualTo(Math.max(0, full - 10_000));
        // Line 6 pays only for key groups.
        JsonNode nobody = simulate(staff, f.classId(), "");
        assertThat(nobody.get("payable").asBoolean()).isFalse();
        assertThat(nobody.get("reason").asString()).contains("重点群体");
        mvc.perform(get("/api/v1/subsidies/simulation?classId=" + f.classId() + "&groups=NO_SUCH_GROUP").cookie(staff))
            .andExpect(status().isUnprocessableContent());

        // Another city and another provider cannot simulate the class; its city can.
        mvc.perform(get("/api/v1/subsidies/simulation?classId=" + f.classId() + "&groups=VETERAN")
            .cookie(SignedIn.as(mvc, "qingdao"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/subsidies/simulation?classId=" + f.classId() + "&groups=VETERAN")
            .cookie(SignedIn.as(mvc, "provider"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/subsidies/simulation?classId=" + f.classId() + "&groups=VETERAN").cookie(jinan()))
            .andExpect(status().isOk());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asString();
    }

    private JsonNode simulate(Cookie as, long classId, String query) throws Exception {
        return body(mvc.perform(get("/api/v1/subsidies/simulation?classId=" + classId + query).cookie(as))
            .andExpect(status().isOk()));
    }

    @Test
    void theSimulatorPageExplainsInChineseAndEnglish() throws Exception {
        rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1",
                List.of(new Trainee("VETERAN", true), new Trainee(null, true)));
        Cookie staff = f.provider().staff();
        ClaimPreview p = asStaff(f.provider().id(), () -> claimPreviews.preview(f.classId()));
        ClaimLine line = p.lines().get(0);
        mvc.perform(get("/subsidies/simulator").cookie(staff))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"simulate-" + f.classId() + "\"")));
        mvc.perform(get("/subsidies/simulator?classId=" + f.classId()).cookie(staff))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"roster-form\"")))
            .andExpect(content().string(containsString("id=\"hypothetical-form\"")));
        mvc.perform(
                get("/subsidies/simulator?classId=" + f.classId() + "&enrolmentId=" + line.enrolmentId()).cookie(staff))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("应付 " + line.amount().toYuanString() + " 元")))
            .andExpect(content().string(containsString("保洁员")))
            .andExpect(content().string(containsString("每班上限")));
        mvc.perform(
                get("/subsidies/simulator?classId=" + f.classId() + "&enrolmentId=" + line.enrolmentId() + "&lang=en")
                    .cookie(staff))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Would be paid " + line.amount().toYuanString() + " yuan")))
            .andExpect(content().string(containsString("The cap per class is")));
        mvc.perform(get("/subsidies/simulator?classId=" + f.classId() + "&mode=hypothetical&lang=en").cookie(staff))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Would be left out")));
        mvc.perform(get("/subsidies/simulator?classId=" + f.classId()).cookie(SignedIn.as(mvc, "qingdao")))
            .andExpect(status().isNotFound());
    }

}
