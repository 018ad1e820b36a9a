package org.jixing.subsidy;

import static org.jixing.RunningAs.asAdmin;
import org.jixing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.jixing.SignedIn;
import org.jixing.provider.FilingStatus;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Money paid for trainees later found improper: a recovery order with amount and due
 * date, the provider suspended from the same step, repayments back into the budget, each
 * line recovered once, and the ledger reconciling throughout.
 */
class RecoveriesIT extends IntegrationTest implements PaymentFixtures {

    @Autowired
    Claims claims;

    @Autowired
    FundLedger ledger;

    @Autowired
    Filings filings;

    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    FundLedger.Budget budget(long id) {
        return asAdmin(() -> ledger.budgets(null)).stream().filter(b -> b.id() == id).findFirst().orElseThrow();
    }

    JsonNode annualMoney(Cookie as, int year) throws Exception {
        return body(mvc.perform(get("/api/v1/statistics/annual?year=" + year).cookie(as)).andExpect(status().isOk()))
            .get("money");
    }

    static long fen(JsonNode money) {
        return money.get("fen").asLong();
    }

    @Test
    void aTraineeFoundImproperIsRecoveredTheProviderSuspendedAndTheRepaymentGoesBackIntoTheBudget() throws Exception {
        Claim paid = paidClaim(twoTrainees());
        List<ClaimLine> lines = asAdmin(() -> claims.lines(paid.id()));
        assertThat(lines).hasSize(2);
        ClaimLine fake = lines.get(0);
        FundLedger.Budget before = budget(paid.budgetId());
        JsonNode moneyBefore = annualMoney(jinan(), paid.trainingYear());

        // The city officer finds the first trainee's training fake: the recovery covers
        // that
        // line only, and the provider is suspended from the same step.
        JsonNode opened = body(postJson("/api/v1/subsidies/claims/" + paid.id() + "/recoveries", jinan(), """
                {"claimLineIds":[%d],"reason":"FAKE_TRAINING","details":"签到照片与本人不符","dueOn":"%s",
                 "sanction":"SUSPEND"}""".formatted(fake.id(), today.plusDays(30))).andExpect(status().isCreated()));
        long recoveryId = opened.get("recovery").get("id").asLong();
        assertThat(fen(opened.get("recovery").get("amount"))).isEqualTo(fake.amount().fen());
        assertThat(opened.get("recovery").get("status").asString()).isEqualTo("OPEN");
        assertThat(opened.get("claimLineIds").get(0).asLong()).isEqualTo(fake.id());
        assertThat(asAdmin(() -> filings.get(Registry.PROVIDER, paid.providerId())).status())
            .isEqualTo(FilingStatus.SUSPENDED);

        // The money moved from paid to receivable, and the books still balance.
        FundLedger.Budget after = budget(paid.budgetId());
        assertThat(after.paid()).isEqualTo(before.paid().minus(fake.amount()));
        assertThat(after.receivable()).isEqualTo(before.receivable().plus(fake.amount()));
        assertThat(after.available()).isEqualTo(before.available());
        assertThat(asAdmin(() -> ledger.check()).problems()).isEmpty();
        JsonNode moneyAfter = annualMoney(jinan(), paid.trainingYear());
        assertThat(fen(moneyAfter.get("recovered")) - fen(moneyBefore.get("recovered"))).isEqualTo(fake.amount().fen());

        // The same trainee cannot be recovered twice.
        postJson("/api/v1/subsidies/claims/" + paid.id() + "/recoveries", jinan(),
                """
                        {"claimLineIds":[%d],"reason":"OTHER","details":"重复","dueOn":"%s"}""".formatted(fake.id(),
                        today.plusDays(30)))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("已被追回")));

        // Paying back more than is owed is refused and changes nothing.
        Money half = Money.ofFen(fake.amount().fen() / 2);
        postJson("/api/v1/subsidies/recoveries/" + recoveryId + "/repayments", jinan(),
                """
                        {"version":%d,"amountYuan":"%s","paidOn":"%s","reference":"HK-1"}""".formatted(
                        opened.get("recovery").get("version").asInt(),
                        fake.amount().plus(Money.ofFen(1)).toYuanString(), today))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("amount"))
            .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString(fake.amount().toYuanString())));
        assertThat(budget(paid.budgetId())).isEqualTo(after);

        // Half, then the rest: the order is settled and the money is available again.
        JsonNode partly = body(postJson("/api/v1/subsidies/recoveries/" + recoveryId + "/repayments", jinan(),
                """
                        {"version":%d,"amountYuan":"%s","paidOn":"%s","reference":"HK-1"}"""
                    .formatted(opened.get("recovery").get("version").asInt(), half.toYuanString(), today))
            .andExpect(status().isOk()));
        assertThat(partly.get("recovery").get("status").asString()).isEqualTo("OPEN");
        JsonNode settled = body(postJson("/api/v1/subsidies/recoveries/" + recoveryId + "/repayments", jinan(),
                """
                        {"version":%d,"amountYuan":"%s","paidOn":"%s","reference":"HK-2"}""".formatted(
                        partly.get("recovery").get("version").asInt(), fake.amount().minus(half).toYuanString(), today))
            .andExpect(status().isOk()));
        assertThat(settled.get("recovery").get("status").asString()).isEqualTo("SETTLED");
        assertThat(settled.get("repayments")).hasSize(2);
        FundLedger.Budget repaid = budget(paid.budgetId());
        assertThat(repaid.receivable()).isEqualTo(before.receivable());
        assertThat(repaid.available()).isEqualTo(before.available().plus(fake.amount()));
        assertThat(asAdmin(() -> ledger.check()).problems()).isEmpty();
        assertThat(fen(annualMoney(jinan(), paid.trainingYear()).get("repaid")) - fen(moneyBefore.get("repaid")))
            .isEqualTo(fake.amount().fen());

        // A settled order takes no more repayments.
        postJson("/api/v1/subsidies/recoveries/" + recoveryId + "/repayments", jinan(),
                """
                        {"version":%d,"amountYuan":"1.00","paidOn":"%s","reference":"HK-3"}"""
                    .formatted(settled.get("recovery").get("version").asInt(), today))
            .andExpect(status().isUnprocessableContent());

        // The provider sees its own recovery; another city's officer does not.
        Cookie staff = SignedIn.as(mvc, "staff-" + paid.providerId(), "staff-password-123");
        mvc.perform(get("/api/v1/subsidies/recoveries/" + recoveryId).cookie(staff)).andExpect(status().isOk());
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        mvc.perform(get("/api/v1/subsidies/recoveries/" + recoveryId).cookie(qingdao)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/subsidies/recoveries?claimId=" + paid.id()).cookie(qingdao))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void onlyPaidMoneyIsRecoveredAndEveryWrongFieldIsNamed() throws Exception {
        Claim approved = approvedClaim();
        postJson("/api/v1/subsidies/claims/" + approved.id() + "/recoveries", jinan(), """
                {"reason":"FAKE_TRAINING","details":"核查","dueOn":"%s"}""".formatted(today.plusDays(10)))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("只有已拨付的申领才能追回")));

        Claim paid = paidClaim();
        FundLedger.Budget paidBefore = budget(paid.budgetId());
        postJson("/api/v1/subsidies/claims/" + paid.id() + "/recoveries", jinan(), """
                {"reason":null,"details":" ","dueOn":"%s","sanction":"BLACKLIST"}""".formatted(today.minusDays(1)))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[*].field")
                .value(Matchers.containsInAnyOrder("reason", "details", "dueOn", "sanction")));
        assertThat(budget(paid.budgetId())).isEqualTo(paidBefore);
        mvc.perform(get("/api/v1/subsidies/recoveries?claimId=" + paid.id()).cookie(jinan()))
            .andExpect(jsonPath("$.total").value(0));
        assertThat(asAdmin(() -> filings.get(Registry.PROVIDER, paid.providerId())).status())
            .isEqualTo(FilingStatus.ACTIVE);
    }

    @Test
    void theOfficerRecoversFromTheClaimPageAndTheRecoveryReadsInBothLanguages() throws Exception {
        Claim paid = paidClaim();
        String claimPage = mvc.perform(get("/subsidies/claims/" + paid.id()).cookie(jinan()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(claimPage).contains("id=\"recover\"").contains("开具追回单");

        String location = mvc
            .perform(post("/subsidies/claims/" + paid.id() + "/recoveries").with(csrf())
                .cookie(jinan())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("reason", "FAKE_EVALUATION")
                .param("details", "评价记录系补录")
                .param("dueOn", today.plusDays(15).toString())
                .param("sanction", "NONE"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        assertThat(location).startsWith("/subsidies/recoveries/");
        String zh = mvc.perform(get(location).cookie(jinan()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(zh).contains("虚假评价").contains("待缴回").contains(paid.amount().toYuanString());
        String en = mvc.perform(get(location + "?lang=en").cookie(jinan()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(en).contains("Fake evaluation").doesNotContain("虚假评价");
        String list = mvc.perform(get("/subsidies/recoveries").cookie(jinan()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(list).contains(paid.claimNo());
    }

}
