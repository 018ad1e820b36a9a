package org.jixing.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asCity;
import static org.jixing.RunningAs.asStaff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.employment.ContributionFixtures;
import org.jixing.employment.ContributionImport;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.jixing.training.ImportStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19 item 6: a trainee the social-insurance records show employed within the months
 * of the rules' employment component brings the provider an employment claim line (a
 * claim of its own kind) that the city reviews and the bank pays, beside the class's
 * completion claim, which stays as it was; a trainee not proven employed is left out with
 * the reason; an enrolment is claimed for employment once; another provider finds
 * nothing.
 */
class EmploymentClaimsIT extends IntegrationTest implements PaymentFixtures, ContributionFixtures {

    @Autowired
    ClaimFiling filing;

    @Autowired
    ClaimPreviews previews;

    @Autowired
    ClaimReviews reviews;

    @Autowired
    Claims claims;

    @Autowired
    JdbcClient jdbc;

    /** The month after the past classes end, a month employment counts in. */
    private String monthAfterEnd() {
        return YearMonth.from(pastStart().plusDays(2)).plusMonths(1).toString();
    }

    @Test
    void an_employed_trainee_brings_a_line_reviewed_and_paid_beside_the_unchanged_completion_claim() throws Exception {
        RuleSet r = rulesInForce();
        assertThat(r.employment()).as("the employment component of the rules in force").isNotNull();
        Money pay = r.employment().amount();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1",
                List.of(new Trainee("REGISTERED_UNEMPLOYED", true), new Trainee("REGISTERED_UNEMPLOYED", true)));
        fund(r, "L06", "20000");
        long provider = f.provider().id();
        Claim completion = asStaff(provider, () -> filing.file(f.classId()));
        asCity("jinan", JINAN, () -> reviews.decide(completion.id(),
                new ClaimDecision(completion.version(), ClaimDecision.Action.APPROVE, null)));
        Claim completionApproved = asAdmin(() -> claims.get(completion.id()));
        List<ClaimLine> completionLines = asAdmin(() -> claims.lines(completion.id()));

        ContributionImport done = importContributions(
                contributionRow(f.idNumbers().get(0), employerCreditCode(), monthAfterEnd(), "4200"));
        assertThat(done.status()).isEqualTo(ImportStatus.DONE);

        // The preview, on the page and in the API: the employed trainee priced, the other
        // left out with the reason.
        ClaimPreview p = asStaff(provider, () -> previews.previewEmployment(f.classId()));
        assertThat(p.problems()).isEmpty();
        assertThat(p.lines()).singleElement().satisfies(l -> {
            assertThat(l.personId()).isEqualTo(f.personIds().get(0));
            assertThat(l.amount()).isEqualTo(pay);
        });
        assertThat(p.exclusions()).singleElement().satisfies(x -> {
            assertThat(x.personId()).isEqualTo(f.personIds().get(1));
            assertThat(x.reasonKey()).isEqualTo("subsidy.exclusion.notEmployed");
        });
        String page = mvc
            .perform(get("/subsidies/claims/employment/new?classId=" + f.classId()).cookie(f.provider().staff()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("就业补贴", pay.toYuanString(),
                "社保缴费记录未显示该学员在结业后 " + r.employment().withinMonths() + " 个月内就业");
        mvc.perform(get("/subsidies/claims").cookie(f.provider().staff()))
            .andExpect(status().isOk())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("claim-employment-" + f.classId())));

        // Filed through the API: a claim of its own kind.
        String created = mvc
            .perform(post("/api/v1/subsidies/claims/employment").with(csrf())
                .cookie(f.provider().staff())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"classId\": " + f.classId() + "}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        long claimId = json().readTree(created).get("claim").get("id").asLong();
        Claim employment = asAdmin(() -> claims.get(claimId));
        assertThat(employment.kind()).isEqualTo(ClaimKind.EMPLOYMENT);
        assertThat(employment.claimNo()).startsWith("JY");
        assertThat(employment.amount()).isEqualTo(pay);
        assertThat(employment.trainees()).isEqualTo(1);
        assertThat(employment.status()).isEqualTo(ClaimStatus.SUBMITTED);

        // The database keeps an enrolment on one standing employment line, whatever the
        // claim (the completion line of the same enrolment stands beside it).
        long enrolment = completionLines.get(0).enrolmentId();
        assertThat(asAdmin(() -> claims.lines(claimId))).extracting(ClaimLine::enrolmentId).containsExactly(enrolment);
        assertThatThrownBy(() -> jdbc.sql("""
                insert into subsidy_claim_line (claim_id, enrolment_id, person_id, training_year, tier, standard_fen,
                  adjust_percent, cap_cut_fen, amount_fen, live, kind)
                values (?, ?, ?, 2026, 'C', 0, 0, 0, 0, 1, 'EMPLOYMENT')""")
            .params(claimId, enrolment, f.personIds().get(0))
            .update()).isInstanceOf(DuplicateKeyException.class);

        // A second employment claim for the class is refused, with the reason.
        assertThatThrownBy(() -> asStaff(provider, () -> filing.fileEmployment(f.classId())))
            .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems())
                .anySatisfy(pr -> assertThat(pr.messageKey()).isEqualTo("subsidy.error.class.claimedEmployment")));

        // The same review, the kind shown to the reviewer; approved, it is committed and
        // paid.
        String detail = mvc.perform(get("/subsidies/claims/" + claimId).cookie(jinan()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("id=\"kind\"", "就业补贴");
        asCity("jinan", JINAN, () -> reviews.decide(claimId,
                new ClaimDecision(employment.version(), ClaimDecision.Action.APPROVE, null)));
        assertThat(asAdmin(() -> claims.get(claimId)).status()).isEqualTo(ClaimStatus.APPROVED);
        PaymentOrder order = asCity("jinan", JINAN,
                () -> bean(PaymentOrders.class).open(employment.fundSourceCode(), JINAN));
        PaymentLine line = lineOf(order, employment);
        assertThat(line.amount()).isEqualTo(pay);
        asCity("jinan", JINAN, () -> bean(BankFiles.class).bankFile(order.id()));
        asCity("jinan", JINAN, () -> bean(BankResults.class).importResults(order.id(),
                resultFile(success(line)).getBytes(StandardCharsets.UTF_8)));
        assertThat(asAdmin(() -> claims.get(claimId)).status()).isEqualTo(ClaimStatus.PAID);
        assertThat(asAdmin(() -> bean(FundLedger.class).check()).problems()).isEmpty();

        // The completion claim is as it was approved.
        Claim after = asAdmin(() -> claims.get(completion.id()));
        assertThat(after.kind()).isEqualTo(ClaimKind.COMPLETION);
        assertThat(after.amount()).isEqualTo(completionApproved.amount());
        assertThat(after.trainees()).isEqualTo(2);
        assertThat(asAdmin(() -> claims.lines(completion.id()))).isEqualTo(completionLines);
    }

    @Test
    void the_rules_show_their_employment_component_and_a_wrong_one_is_refused() throws Exception {
        RuleSet r = rulesInForce();
        String page = mvc.perform(get("/subsidies/rules/" + r.id()).cookie(admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(
                "结业后 " + r.employment().withinMonths() + " 个月内就业，每人 " + r.employment().amount().toYuanString() + " 元");
        String refused = mvc
            .perform(post("/api/v1/subsidies/rules").with(csrf())
                .cookie(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"effectiveFrom": "2099-01-01", "personYearCapYuan": "8000", "classCapYuan": "500000",
                         "defaultTier": "C", "standards": [{"levelCode": "JUNIOR", "tier": "C",
                         "amountYuan": "1000", "paysOn": "COMPLETION"}],
                         "employment": {"withinMonths": 0, "amountYuan": "500"}}"""))
            .andExpect(status().isUnprocessableEntity())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("employmentWithinMonths");
        assertThat(asAdmin(() -> bean(SubsidyRules.class).versions()))
            .noneMatch(v -> v.effectiveFrom().getYear() == 2099);
    }

    @Test
    void a_class_nobody_of_which_is_proven_employed_is_not_claimable_on_employment() throws Exception {
        rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1",
                List.of(new Trainee("REGISTERED_UNEMPLOYED", true)));
        // A contribution before the class ended proves nothing.
        importContributions(contributionRow(f.idNumbers().get(0), employerCreditCode(),
                YearMonth.from(pastStart()).minusMonths(1).toString(), "4200"));
        ClaimPreview p = asStaff(f.provider().id(), () -> previews.previewEmployment(f.classId()));
        assertThat(p.lines()).isEmpty();
        assertThat(p.exclusions()).extracting(ClaimExclusion::reasonKey)
            .containsExactly("subsidy.exclusion.notEmployed");
        mvc.perform(post("/api/v1/subsidies/claims/employment").with(csrf())
            .cookie(f.provider().staff())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"classId\": " + f.classId() + "}")).andExpect(status().isUnprocessableEntity());
        assertThatThrownBy(() -> asStaff(f.provider().id(), () -> filing.fileEmployment(f.classId())))
            .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems())
                .anySatisfy(pr -> assertThat(pr.messageKey()).isEqualTo("subsidy.error.claim.nobodyEmployed")));
    }

    @Test
    void another_provider_and_another_city_find_nothing() throws Exception {
        rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1",
                List.of(new Trainee("REGISTERED_UNEMPLOYED", true)));
        importContributions(contributionRow(f.idNumbers().get(0), employerCreditCode(), monthAfterEnd(), "4200"));
        Provider other = provider(jinan(), JINAN, "CLEANER", "JUNIOR");
        mvc.perform(get("/api/v1/subsidies/claims/employment/preview?classId=" + f.classId()).cookie(other.staff()))
            .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/subsidies/claims/employment").with(csrf())
            .cookie(other.staff())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"classId\": " + f.classId() + "}")).andExpect(status().isNotFound());
        mvc.perform(get("/subsidies/claims/employment/new?classId=" + f.classId()).cookie(other.staff()))
            .andExpect(status().isNotFound());
        Claim filed = asStaff(f.provider().id(), () -> filing.fileEmployment(f.classId()));
        mvc.perform(get("/api/v1/subsidies/claims/" + filed.id()).cookie(other.staff()))
            .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/subsidies/claims/" + filed.id()).cookie(SignedIn.as(mvc, "qingdao")))
            .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/subsidies/claims/" + filed.id()).cookie(jinan())).andExpect(status().isOk());
    }

}
