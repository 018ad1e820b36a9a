package org.jixing.subsidy;

import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asCity;
import static org.jixing.RunningAs.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.person.GroupBasis;
import org.jixing.person.MembershipChannel;
import org.jixing.person.People;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;

/**
 * A provider claims for a completed class and sees each trainee's amount explained; the
 * city reviews; the approval commits the money against the budget, never beyond it.
 */
class SubsidyClaimsIT extends IntegrationTest implements SubsidyFixtures {

    @Autowired
    Payees payees;

    @Autowired
    ClaimAttachments claimAttachments;

    @Autowired
    ClaimReviews claimReviews;

    @Autowired
    ClaimFiling claimFiling;

    @Autowired
    ClaimPreviews claimPreviews;

    @Autowired
    People people;

    @Autowired
    Claims claims;

    @Autowired
    FundLedger ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aProviderClaimsACompletedClassAndSeesEachAmountExplainedAndWhoIsLeftOut() throws Exception {
        RuleSet r = rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", List.of(new Trainee("VETERAN", true),
                new Trainee("REGISTERED_UNEMPLOYED", true), new Trainee(null, true), new Trainee("DISABLED", false)));

        JsonNode preview = body(
                mvc.perform(get("/api/v1/subsidies/claims/preview?classId=" + f.classId()).cookie(f.provider().staff()))
                    .andExpect(status().isOk()));
        assertThat(preview.get("fileable").asBoolean()).isTrue();
        assertThat(preview.get("ruleVersion").asInt()).isEqualTo(r.version());

        JsonNode filed = body(
                postJson("/api/v1/subsidies/claims", f.provider().staff(), "{\"classId\":" + f.classId() + "}")
                    .andExpect(status().isCreated()));
        RuleSet.Tier tier = r.tierOf("CLEANER");
        long standard = r.standard("JUNIOR", tier).orElseThrow().amount().fen();
        JsonNode lines = filed.get("lines");
        assertThat(lines).hasSize(2);
        long total = 0;
        for (JsonNode l : lines) {
            assertThat(l.get("tier").asString()).isEqualTo(tier.name());
            assertThat(l.get("standard").get("fen").asLong()).isEqualTo(standard);
            String group = l.get("groupCode").isNull() ? null : l.get("groupCode").asString();
            int pct = group == null ? 0 : r.groupAdjustments().get(group);
            assertThat(l.get("adjustPercent").asInt()).isEqualTo(pct);
            assertThat(l.get("amount").get("fen").asLong()).isEqualTo(standard * (100 + pct) / 100);
            total += l.get("amount").get("fen").asLong();
        }
        // The veteran's adjustment shows where the rules have one.
        if (r.groupAdjustments().containsKey("VETERAN")) {
            assertThat(lines.findValuesAsString("groupCode")).contains("VETERAN");
        }
        assertThat(filed.get("claim").get("amount").get("fen").asLong()).isEqualTo(total);
        assertThat(filed.get("claim").get("status").asString()).isEqualTo("SUBMITTED");
        // Line 6 subsidises key groups only: the trainee without one enrolled
        // self-funded;
        // the one who missed two of three sessions did not complete.
        assertThat(filed.get("exclusions").findValuesAsString("reasonKey"))
            .containsExactlyInAnyOrder("subsidy.exclusion.selfFunded", "subsidy.exclusion.notCompleted");

        // The same training cannot be claimed twice: not by the service, not in the
        // database.
        postJson("/api/v1/subsidies/claims", f.provider().staff(), "{\"classId\":" + f.classId() + "}")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("已有申领")));
        long claimId = filed.get("claim").get("id").asLong();
        long enrolment = lines.get(0).get("enrolmentId").asLong();
        assertThatThrownBy(() -> jdbc.sql("""
                insert into subsidy_claim_line (claim_id, enrolment_id, person_id, training_year, tier, standard_fen,
                  adjust_percent, cap_cut_fen, amount_fen, live) values (:c, :e, 1, 2026, 'C', 1, 0, 0, 1, 1)""")
            .param("c", claimId)
            .param("e", enrolment)
            .update()).isInstanceOf(DataIntegrityViolationException.class);

        // Another city and another provider do not see it.
        mvc.perform(get("/api/v1/subsidies/claims/" + claimId).cookie(SignedIn.as(mvc, "qingdao")))
            .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/subsidies/claims/" + claimId).cookie(SignedIn.as(mvc, "provider")))
            .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/subsidies/claims/" + claimId).cookie(jinan())).andExpect(status().isOk());
    }

    @Test
    void eachAdjustedAmountShowsWhetherTheRegistryOrOnlyTheProviderVouchesForItsGroupAndReviewersSeeTheShare()
            throws Exception {
        RuleSet r = rulesInForce();
        // A veteran on the registry's record, a disabled trainee only the provider's
        // roster
        // file declares, and an unemployed trainee on the registry's record.
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", List.of(new Trainee("VETERAN", true),
                new Trainee("DISABLED", true, true), new Trainee("REGISTERED_UNEMPLOYED", true)));
        long standard = r.standard("JUNIOR", r.tierOf("CLEANER")).orElseThrow().amount().fen();
        int veteran = r.groupAdjustments().getOrDefault("VETERAN", 0);
        int disabled = r.groupAdjustments().getOrDefault("DISABLED", 0);
        int unemployed = r.groupAdjustments().getOrDefault("REGISTERED_UNEMPLOYED", 0);
        Assumptions.assumeTrue(veteran > 0 && disabled > 0, "the rules adjust both groups");
        long declaredFen = standard * (100 + disabled) / 100 - standard;
        long adjustmentFen = declaredFen + standard * (100 + veteran) / 100 - standard
                + standard * (100 + unemployed) / 100 - standard;
        int adjustedLines = 2 + (unemployed > 0 ? 1 : 0);

        // The provider sees it before filing.
        JsonNode preview = body(
                mvc.perform(get("/api/v1/subsidies/claims/preview?classId=" + f.classId()).cookie(f.provider().staff()))
                    .andExpect(status().isOk()));
        assertThat(basisByGroup(preview.get("lines"))).containsEntry("VETERAN", "REGISTRY")
            .containsEntry("DISABLED", "DECLARED");
        String previewPage = mvc
            .perform(get("/subsidies/claims/new?classId=" + f.classId()).cookie(f.provider().staff()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(previewPage).contains("id=\"declared-share\"").contains("仅凭机构申报的 1 人");

        JsonNode filed = body(
                postJson("/api/v1/subsidies/claims", f.provider().staff(), "{\"classId\":" + f.classId() + "}")
                    .andExpect(status().isCreated()));
        long claimId = filed.get("claim").get("id").asLong();
        JsonNode evidence = null;
        for (JsonNode l : filed.get("lines")) {
            if ("DISABLED".equals(l.get("groupCode").asString())) {
                evidence = l.get("groupEvidence");
            }
            if ("VETERAN".equals(l.get("groupCode").asString())) {
                assertThat(l.get("groupEvidence").get("basis").asString()).isEqualTo("REGISTRY");
                assertThat(l.get("groupEvidence").get("channel").asString()).isEqualTo("DIRECT");
                assertThat(l.get("groupEvidence").get("recordedBy").asString()).isEqualTo("admin");
            }
        }
        assertThat(evidence).isNotNull();
        assertThat(evidence.get("basis").asString()).isEqualTo("DECLARED");
        assertThat(evidence.get("channel").asString()).isEqualTo("ROSTER_IMPORT");
        assertThat(evidence.get("recordedBy").asString()).isEqualTo("staff-" + f.provider().id());

        // The claim API, the reviewer's queue (API and page) and the claim page show the
        // share of declared-only adjustments, in count and money.
        JsonNode share = body(mvc.perform(get("/api/v1/subsidies/claims/" + claimId).cookie(jinan()))).get("claim")
            .get("adjustments");
        assertThat(share.get("adjustedLines").asInt()).isEqualTo(adjustedLines);
        assertThat(share.get("declaredLines").asInt()).isEqualTo(1);
        assertThat(share.get("adjustment").get("fen").asLong()).isEqualTo(adjustmentFen);
        assertThat(share.get("declared").get("fen").asLong()).isEqualTo(declaredFen);
        assertThat(share.get("declaredMoneyPercent").decimalValue())
            .isEqualByComparingTo(BigDecimal.valueOf(declaredFen * 100)
                .divide(BigDecimal.valueOf(adjustmentFen), 1, RoundingMode.HALF_UP));
        JsonNode queued = null;
        for (JsonNode c : body(mvc.perform(get("/api/v1/subsidies/claims/queue?size=200").cookie(jinan())))
            .get("items")) {
            if (c.get("id").asLong() == claimId) {
                queued = c;
            }
        }
        assertThat(queued).isNotNull();
        assertThat(queued.get("adjustments").get("declaredLines").asInt()).isEqualTo(1);
        String money = Money.ofFen(declaredFen).toYuanString();
        assertThat(mvc.perform(get("/subsidies/claims?queue=true&size=200").cookie(jinan()))
            .andReturn()
            .getResponse()
            .getContentAsString()).contains("1/" + adjustedLines + " 人 · " + money + " 元");
        String page = mvc.perform(get("/subsidies/claims/" + claimId).cookie(jinan()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("id=\"declared-share\"")
            .contains("其中仅凭机构申报的 1 人")
            .contains(money + " 元")
            .contains("机构申报")
            .contains("培训机构花名册申报，由 staff-" + f.provider().id() + " 登记")
            .contains("登记册直接录入，由 admin 登记")
            .containsPattern("class=\"[^\"]*declared-only[^\"]*\"");
        String english = mvc.perform(get("/subsidies/claims/" + claimId + "?lang=en").cookie(jinan()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(english).contains("Of these, 1 (").contains("rest only on the provider&#39;s declaration");

        // The simulator explains the same.
        long declaredEnrolment = 0;
        for (JsonNode l : filed.get("lines")) {
            if ("DISABLED".equals(l.get("groupCode").asString())) {
                declaredEnrolment = l.get("enrolmentId").asLong();
            }
        }
        JsonNode sim = body(mvc
            .perform(get("/api/v1/subsidies/simulation?classId=" + f.classId() + "&enrolmentId=" + declaredEnrolment)
                .cookie(f.provider().staff()))
            .andExpect(status().isOk()));
        assertThat(sim.get("groupEvidence").get("basis").asString()).isEqualTo("DECLARED");
        assertThat(sim.get("explanation").toString()).contains("仅有培训机构自行申报");

        // An officer later records the same group in the registry: a new pricing would
        // rest on the registry, but the filed claim keeps what it was priced with.
        asCity("jinan", JINAN, () -> people.addGroups(List.of(new People.NewMembership(f.personIds().get(1), "DISABLED",
                "残疾人证（核验）", pastStart().minusYears(1), null)), MembershipChannel.REGISTRY_IMPORT));
        assertThat(asStaff(f.provider().id(), () -> claimPreviews.preview(f.classId())).lines()
            .stream()
            .filter(l -> "DISABLED".equals(l.groupCode()))
            .findFirst()
            .orElseThrow()
            .groupEvidence()
            .basis()).isEqualTo(GroupBasis.REGISTRY);
        assertThat(asAdmin(() -> claims.get(claimId)).adjustments().declaredLines()).isEqualTo(1);

        // The approval is taken, and audited, knowing the share.
        fund(r, "L06", "100000");
        Claim claim = asAdmin(() -> claims.get(claimId));
        postJson("/api/v1/subsidies/claims/" + claimId + "/decisions", jinan(),
                "{\"version\":%d,\"action\":\"APPROVE\"}".formatted(claim.version()))
            .andExpect(status().isOk());
        assertThat(jdbc
            .sql("select after_json from audit_entry where record_type = 'subsidy_claim' and record_id = :id "
                    + "and action = 'subsidy.claim.approve'")
            .param("id", String.valueOf(claimId))
            .query(String.class)
            .single()).contains("\"declaredLines\":1").contains("\"declaredFen\":" + declaredFen);
    }

    /** The basis of each line's group, by group. */
    static Map<String, String> basisByGroup(JsonNode lines) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode l : lines) {
            if (!l.get("groupCode").isNull()) {
                out.put(l.get("groupCode").asString(), l.get("groupEvidence").get("basis").asString());
            }
        }
        return out;
    }

    @Test
    void aClaimForAClassThatHasNotCompletedIsRefusedAndNothingIsWritten() throws Exception {
        rulesInForce();
        Provider p = provider(jinan(), JINAN, "CLEANER", "JUNIOR");
        long running = approvedClass(programme("CLEANER", "JUNIOR", 3, "L06-1"), p, 1, 9, start());
        asStaff(p.id(), () -> payees.savePayee("测试培训学校", "6222020200001234567", "工商银行"));
        long before = jdbc.sql("select count(*) from subsidy_claim").query(Long.class).single();
        postJson("/api/v1/subsidies/claims", p.staff(), "{\"classId\":" + running + "}")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[*].message")
                .value(Matchers.hasItem("班级尚未结业，还不能申领补贴：可于 " + start().plusDays(2) + " 12:30 结业，结业后即可申领。")));
        // The claim page says so too, in place of the button.
        mvc.perform(get("/subsidies/claims/new").param("classId", String.valueOf(running))
            .param("lang", "en")
            .cookie(p.staff()))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(Matchers.containsString("it can complete from " + start().plusDays(2).getDayOfMonth() + " "
                        + start().plusDays(2).getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                        + start().plusDays(2).getYear() + " 12:30")))
            .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"file-claim\""))));
        assertThat(jdbc.sql("select count(*) from subsidy_claim").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theCityApprovesOnlyWhatTheBudgetCoversAndTheLedgerReconcilesAfterEveryStep() throws Exception {
        RuleSet r = rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1",
                List.of(new Trainee("VETERAN", true), new Trainee("REGISTERED_UNEMPLOYED", true)));
        Claim claim = asStaff(f.provider().id(), () -> claimFiling.file(f.classId()));
        String source = r.lineFunds().get("L06");
        long budget = ledger.budgetFor(JINAN, source, claim.trainingYear());
        Money available = ledger.balance(budget, LedgerAccount.AVAILABLE);
        Money committed = ledger.balance(budget, LedgerAccount.COMMITTED);

        // Spend the budget down to one fen less than the claim needs: the approval is
        // refused.
        if (available.compareTo(claim.amount()) >= 0) {
            drain(budget, available.minus(claim.amount()).plus(Money.ofFen(1)));
        }
        else if (available.plus(Money.ofFen(1)).compareTo(claim.amount()) < 0) {
            fund(r, "L06", claim.amount().minus(available).minus(Money.ofFen(1)).toYuanString());
        }
        assertThat(ledger.balance(ledger.budgetFor(JINAN, source, claim.trainingYear()), LedgerAccount.AVAILABLE))
            .isEqualTo(claim.amount().minus(Money.ofFen(1)));
        budget = ledger.budgetFor(JINAN, source, claim.trainingYear());
        committed = ledger.balance(budget, LedgerAccount.COMMITTED);
        JsonNode refused = body(postJson("/api/v1/subsidies/claims/" + claim.id() + "/decisions", jinan(),
                "{\"version\":%d,\"action\":\"APPROVE\"}".formatted(claim.version()))
            .andExpect(status().isUnprocessableContent()));
        assertThat(refused.get("errors").get(0).get("message").asString()).contains("预算不足")
            .contains(claim.amount().toYuanString());
        assertThat(asAdmin(() -> claims.get(claim.id())).status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(ledger.balance(budget, LedgerAccount.COMMITTED)).isEqualTo(committed);

        fund(r, "L06", "1000");
        JsonNode approved = body(postJson("/api/v1/subsidies/claims/" + claim.id() + "/decisions", jinan(),
                "{\"version\":%d,\"action\":\"APPROVE\",\"comment\":\"材料齐全\"}".formatted(claim.version()))
            .andExpect(status().isOk()));
        assertThat(approved.get("claim").get("status").asString()).isEqualTo("APPROVED");
        assertThat(ledger.balance(budget, LedgerAccount.COMMITTED)).isEqualTo(committed.plus(claim.amount()));
        assertThat(approved.get("reviews").findValuesAsString("decision")).containsExactly("FILE", "APPROVE");
        assertThat(asAdmin(() -> ledger.check()).problems()).isEmpty();

        // A second approval of the same version changes nothing.
        postJson("/api/v1/subsidies/claims/" + claim.id() + "/decisions", jinan(),
                "{\"version\":%d,\"action\":\"APPROVE\"}".formatted(claim.version()))
            .andExpect(status().isUnprocessableContent());
        assertThat(ledger.balance(budget, LedgerAccount.COMMITTED)).isEqualTo(committed.plus(claim.amount()));
    }

    /** Takes unused money back from the budget (调减), as the province may. */
    private void drain(long budget, Money amount) {
        FundLedger.Budget b = asAdmin(() -> ledger.budgets(null)).stream()
            .filter(x -> x.id() == budget)
            .findFirst()
            .orElseThrow();
        asAdmin(() -> ledger.reduce(b.regionCode(), b.fundSourceCode(), b.year(), amount, "test"));
    }

    @Test
    void aReturnedClaimIsCorrectedAndFiledAgainAndARejectedOneFreesItsTraineesForANewClaim() throws Exception {
        rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", List.of(new Trainee("VETERAN", true)));
        Claim claim = asStaff(f.provider().id(), () -> claimFiling.file(f.classId()));

        postJson("/api/v1/subsidies/claims/" + claim.id() + "/decisions", jinan(),
                "{\"version\":%d,\"action\":\"RETURN\"}".formatted(claim.version()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("comment"));
        Claim returned = asCity("jinan", JINAN, () -> claimReviews.decide(claim.id(),
                new ClaimDecision(claim.version(), ClaimDecision.Action.RETURN, "请补充签到表")));
        assertThat(returned.status()).isEqualTo(ClaimStatus.RETURNED);

        Claim again = asStaff(f.provider().id(), () -> claimFiling.resubmit(claim.id(), returned.version(), "已补充"));
        assertThat(again.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(again.amount()).isEqualTo(claim.amount());

        Claim rejected = asCity("jinan", JINAN, () -> claimReviews.decide(claim.id(),
                new ClaimDecision(again.version(), ClaimDecision.Action.REJECT, "培训记录不实")));
        assertThat(rejected.status()).isEqualTo(ClaimStatus.REJECTED);
        Claim second = asStaff(f.provider().id(), () -> claimFiling.file(f.classId()));
        assertThat(second.claimNo()).endsWith("-2");
        assertThat(asAdmin(() -> claims.reviews(claim.id())).stream().map(ClaimReview::decision))
            .containsExactly("FILE", "RETURN", "RESUBMIT", "REJECT");
    }

    @Test
    void nobodyReviewsAClaimTheyFiledOrOfAProviderTheyAreTiedTo() throws Exception {
        rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", List.of(new Trainee("VETERAN", true)));
        Claim claim = asStaff(f.provider().id(), () -> claimFiling.file(f.classId()));
        assertThat(claimPage(claim.id(), jinan())).contains("id=\"decision\"");
        postJson("/api/v1/subsidies/reviewer-conflicts", admin(),
                "{\"username\":\"jinan\",\"providerId\":%d,\"reason\":\"配偶任该机构法人\"}".formatted(f.provider().id()))
            .andExpect(status().isNoContent());
        postJson("/api/v1/subsidies/claims/" + claim.id() + "/decisions", jinan(),
                "{\"version\":%d,\"action\":\"APPROVE\"}".formatted(claim.version()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("回避")));
        // Provider staff cannot decide at all.
        postJson("/api/v1/subsidies/claims/" + claim.id() + "/decisions", f.provider().staff(),
                "{\"version\":%d,\"action\":\"APPROVE\"}".formatted(claim.version()))
            .andExpect(status().isForbidden());
        assertThat(asAdmin(() -> claims.get(claim.id())).status()).isEqualTo(ClaimStatus.SUBMITTED);
        // The claim page asks the same rule: the tied reviewer is offered no decision.
        assertThat(claimPage(claim.id(), jinan())).doesNotContain("id=\"decision\"");
    }

    private String claimPage(long claimId, Cookie user) throws Exception {
        return mvc.perform(get("/subsidies/claims/" + claimId).cookie(user))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    @Test
    void evidenceIsJudgedByItsContentAndComesBackUnchanged() throws Exception {
        rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", List.of(new Trainee("VETERAN", true)));
        Claim claim = asStaff(f.provider().id(), () -> claimFiling.file(f.classId()));
        Cookie staff = f.provider().staff();
        mvc.perform(multipart("/api/v1/subsidies/claims/" + claim.id() + "/attachments")
            .file(new MockMultipartFile("file", "sign-in.pdf", "application/pdf", "just text".getBytes()))
            .param("kind", "SIGN_IN_SHEET")
            .with(csrf())
            .cookie(staff))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("file"));
        byte[] pdf = "%PDF-1.4\n%test sign-in sheet\n".getBytes();
        JsonNode att = body(mvc
            .perform(multipart("/api/v1/subsidies/claims/" + claim.id() + "/attachments")
                .file(new MockMultipartFile("file", "签到表.pdf", "application/octet-stream", pdf))
                .param("kind", "SIGN_IN_SHEET")
                .with(csrf())
                .cookie(staff))
            .andExpect(status().isCreated()));
        assertThat(att.get("contentType").asString()).isEqualTo("application/pdf");
        mvc.perform(get("/api/v1/subsidies/claims/" + claim.id() + "/attachments/" + att.get("id").asLong())
            .cookie(jinan())).andExpect(status().isOk()).andExpect(content().bytes(pdf));
        mvc.perform(get("/api/v1/subsidies/claims/" + claim.id() + "/attachments/" + att.get("id").asLong())
            .cookie(SignedIn.as(mvc, "qingdao"))).andExpect(status().isNotFound());
        assertThatThrownBy(() -> asStaff(f.provider().id(),
                () -> claimAttachments.attach(claim.id(), ClaimAttachments.AttachmentKind.INVOICE, "big.pdf",
                        new byte[(int) ClaimAttachments.MAX_ATTACHMENT_BYTES + 1])))
            .isInstanceOfSatisfying(InvalidInputException.class,
                    ex -> assertThat(ex.problems().get(0).messageKey()).isEqualTo("subsidy.error.attachment.tooLarge"));
    }

    @Test
    void theProviderFilesFromThePagesAndTheCityDecidesThere() throws Exception {
        rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1",
                List.of(new Trainee("VETERAN", true), new Trainee(null, true)));
        Cookie staff = f.provider().staff();
        mvc.perform(get("/subsidies/claims").cookie(staff))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("id=\"claim-" + f.classId() + "\"")));
        mvc.perform(get("/subsidies/claims/new?classId=" + f.classId()).cookie(staff))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("类标准")))
            .andExpect(content().string(Matchers.containsString("非补贴性报名")));
        String location = mvc
            .perform(MockMvcRequestBuilders.post("/subsidies/claims")
                .param("classId", String.valueOf(f.classId()))
                .with(csrf())
                .cookie(staff))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        long claimId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Claim claim = asAdmin(() -> claims.get(claimId));
        mvc.perform(get(location).cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("id=\"approve\"")));
        mvc.perform(get(location).cookie(staff))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"approve\""))));
        mvc.perform(MockMvcRequestBuilders.post(location + "/decisions")
            .param("version", String.valueOf(claim.version()))
            .param("action", "RETURN")
            .with(csrf())
            .cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("须填写审核意见")));
        assertThat(asAdmin(() -> claims.get(claimId)).status()).isEqualTo(ClaimStatus.SUBMITTED);
        mvc.perform(get(location + "?lang=en").cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("Awaiting city review")))
            .andExpect(content().string(Matchers.containsString("Tier ")));
        mvc.perform(get(location).cookie(SignedIn.as(mvc, "qingdao"))).andExpect(status().isNotFound());
    }

}
