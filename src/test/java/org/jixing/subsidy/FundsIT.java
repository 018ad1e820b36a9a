package org.jixing.subsidy;

import static org.jixing.RunningAs.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The fund balances by city and fund source as each role may see them, the
 * administrator's allocations and reductions on the page and by API, and the ledger
 * check.
 */
class FundsIT extends IntegrationTest implements SubsidyFixtures {

    @Autowired
    SubsidyRules rules;

    @Autowired
    FundLedger ledger;

    static final String QINGDAO = "370200";

    static final String SOURCE = "EMPLOYMENT_SUBSIDY";

    @Autowired
    JdbcClient jdbc;

    private int year() {
        return rules.today().getYear();
    }

    private long transactions() {
        return jdbc.sql("select count(*) from ledger_transaction").query(Long.class).single();
    }

    private String page(String path, Cookie as) throws Exception {
        return mvc.perform(get(path).cookie(as))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    @Test
    void eachRoleSeesTheBalancesOfItsScope() throws Exception {
        asAdmin(() -> ledger.allocate(JINAN, SOURCE, year(), Money.ofYuan("100000"), "济南下达"));
        asAdmin(() -> ledger.allocate(QINGDAO, SOURCE, year(), Money.ofYuan("80000"), "青岛下达"));
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        Cookie auditor = SignedIn.as(mvc, "auditor");

        String jinanPage = page("/subsidies/funds", jinan());
        assertThat(jinanPage).contains("id=\"budget-370100-" + SOURCE + "\"")
            .doesNotContain("id=\"city-370200\"")
            .contains("id=\"grand-total\"")
            .contains("id=\"chart-cities\"")
            .contains("id=\"movements\"")
            .doesNotContain("id=\"allocation-form\"")
            .doesNotContain("id=\"check-link\"");
        assertThat(page("/subsidies/funds", qingdao)).contains("id=\"city-370200\"")
            .doesNotContain("id=\"city-370100\"")
            .doesNotContain("济南下达");
        String adminPage = page("/subsidies/funds?year=" + year(), admin());
        assertThat(adminPage).contains("id=\"city-370100\"", "id=\"city-370200\"", "id=\"allocation-form\"",
                "id=\"reduction-form\"", "id=\"check-link\"", "id=\"source-total-" + SOURCE + "\"");
        assertThat(page("/subsidies/funds", auditor)).contains("id=\"city-370100\"", "id=\"city-370200\"")
            .doesNotContain("id=\"allocation-form\"");
        mvc.perform(get("/subsidies/funds").cookie(SignedIn.as(mvc, "provider"))).andExpect(status().isForbidden());

        JsonNode mine = body(mvc.perform(get("/api/v1/subsidies/funds/balances?year=" + year()).cookie(jinan()))
            .andExpect(status().isOk()));
        assertThat(mine.findValuesAsString("regionCode")).isNotEmpty().containsOnly(JINAN);
        JsonNode theirs = body(mvc.perform(get("/api/v1/subsidies/funds/balances?year=" + year()).cookie(qingdao))
            .andExpect(status().isOk()));
        assertThat(theirs.findValuesAsString("regionCode")).isNotEmpty().doesNotContain(JINAN);
        JsonNode one = body(mvc
            .perform(get("/api/v1/subsidies/funds/balances?year=" + year() + "&regionCode=" + QINGDAO).cookie(admin()))
            .andExpect(status().isOk()));
        assertThat(one.findValuesAsString("regionCode")).isNotEmpty().containsOnly(QINGDAO);
        JsonNode all = body(mvc.perform(get("/api/v1/subsidies/funds/balances?year=" + year()).cookie(admin()))
            .andExpect(status().isOk()));
        assertThat(all.findValuesAsString("regionCode")).contains(JINAN, QINGDAO);
    }

    @Test
    void theAdministratorAllocatesOnThePageAndBadInputIsNamedWithNothingWritten() throws Exception {
        Money before = availableOf(QINGDAO);
        mvc.perform(post("/subsidies/funds/allocations").with(csrf())
            .cookie(admin())
            .param("regionCode", QINGDAO)
            .param("fundSource", SOURCE)
            .param("year", String.valueOf(year()))
            .param("amount", "1234.56")
            .param("memo", "追加下达"))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/subsidies/funds?year=" + year()));
        assertThat(availableOf(QINGDAO)).isEqualTo(before.plus(Money.ofYuan("1234.56")));

        long count = transactions();
        String refused = mvc
            .perform(post("/subsidies/funds/allocations").with(csrf())
                .cookie(admin())
                .param("regionCode", "370102")
                .param("fundSource", "NO_SUCH_FUND")
                .param("year", String.valueOf(year()))
                .param("amount", "abc"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(refused).contains("id=\"problems\"", "请选择一个城市", "未知的资金来源", "金额");
        assertThat(transactions()).isEqualTo(count);

        // A city officer allocates nothing.
        mvc.perform(post("/subsidies/funds/allocations").with(csrf())
            .cookie(jinan())
            .param("regionCode", JINAN)
            .param("fundSource", SOURCE)
            .param("year", String.valueOf(year()))
            .param("amount", "100")).andExpect(status().isForbidden());
        assertThat(transactions()).isEqualTo(count);
    }

    @Test
    void theApiAllocatesWith201AndNamesEveryBadField() throws Exception {
        JsonNode b = body(postJson("/api/v1/subsidies/funds/allocations", admin(), """
                {"regionCode":"%s","fundSource":"%s","year":%d,"amountYuan":"5000.00","memo":"API"}""".formatted(JINAN,
                SOURCE, year()))
            .andExpect(status().isCreated()));
        assertThat(b.get("regionCode").asString()).isEqualTo(JINAN);
        assertThat(b.get("allocated").get("fen").asLong()).isGreaterThanOrEqualTo(500000);

        long count = transactions();
        JsonNode refused = body(postJson("/api/v1/subsidies/funds/allocations", admin(), """
                {"regionCode":"379999","fundSource":"NOPE","year":%d,"amountYuan":"-5"}""".formatted(year()))
            .andExpect(status().isUnprocessableContent()));
        assertThat(refused.get("errors").findValuesAsString("field")).contains("regionCode", "fundSource", "amount");
        assertThat(transactions()).isEqualTo(count);

        postJson("/api/v1/subsidies/funds/allocations", jinan(), """
                {"regionCode":"%s","fundSource":"%s","year":%d,"amountYuan":"5000.00"}""".formatted(JINAN, SOURCE,
                year()))
            .andExpect(status().isForbidden());
        assertThat(transactions()).isEqualTo(count);
    }

    @Test
    void aReductionBeyondWhatIsAvailableIsRefusedNamingWhatIsAvailable() throws Exception {
        asAdmin(() -> ledger.allocate(QINGDAO, SOURCE, year(), Money.ofYuan("300"), "test"));
        Money available = availableOf(QINGDAO);
        Money tooMuch = available.plus(Money.ofFen(1));
        long count = transactions();
        postJson("/api/v1/subsidies/funds/reductions", admin(),
                """
                        {"regionCode":"%s","fundSource":"%s","year":%d,"amountYuan":"%s"}""".formatted(QINGDAO, SOURCE,
                        year(), tooMuch.toYuanString()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("amount"))
            .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString(available.toYuanString())));
        String page = mvc
            .perform(post("/subsidies/funds/reductions").with(csrf())
                .cookie(admin())
                .param("regionCode", QINGDAO)
                .param("fundSource", SOURCE)
                .param("year", String.valueOf(year()))
                .param("amount", tooMuch.toYuanString()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("id=\"problems\"", "调减金额超过可用余额", available.toYuanString());
        assertThat(transactions()).isEqualTo(count);

        JsonNode reduced = body(postJson("/api/v1/subsidies/funds/reductions", admin(), """
                {"regionCode":"%s","fundSource":"%s","year":%d,"amountYuan":"100"}""".formatted(QINGDAO, SOURCE,
                year()))
            .andExpect(status().isOk()));
        assertThat(reduced.get("available").get("fen").asLong()).isEqualTo(available.minus(Money.ofYuan("100")).fen());
        mvc.perform(post("/subsidies/funds/reductions").with(csrf())
            .cookie(admin())
            .param("regionCode", QINGDAO)
            .param("fundSource", SOURCE)
            .param("year", String.valueOf(year()))
            .param("amount", "50")).andExpect(status().is3xxRedirection());
        assertThat(availableOf(QINGDAO)).isEqualTo(available.minus(Money.ofYuan("150")));
    }

    @Test
    void anAllocationEnteredInErrorIsReversedOnceAndOnlyWhileItsMoneyIsUnused() throws Exception {
        String zibo = "370300";
        int y = year() + 3;
        FundLedger.Budget given = asAdmin(() -> ledger.allocate(zibo, SOURCE, y, Money.ofYuan("1000"), "录入错误"));
        long allocation = jdbc
            .sql("select max(id) from ledger_transaction where kind = 'ALLOCATION' and budget_id = :b")
            .param("b", given.id())
            .query(Long.class)
            .single();
        String url = "/api/v1/subsidies/funds/allocations/" + allocation + "/reversal";
        long count = transactions();

        // Only the administrator reverses, and only with a reason.
        postJson(url, jinan(), """
                {"reason":"城市选错"}""").andExpect(status().isForbidden());
        postJson(url, admin(), """
                {"reason":" "}""").andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(transactions()).isEqualTo(count);

        // From the movements list: the allocation offers a reversal; afterwards it is
        // gone.
        String before = page("/subsidies/funds?year=" + y, admin());
        assertThat(before).contains("id=\"reverse-" + allocation + "\"");
        mvc.perform(post("/subsidies/funds/allocations/" + allocation + "/reversal").with(csrf())
            .cookie(admin())
            .param("year", String.valueOf(y))
            .param("reason", "下达城市选错")).andExpect(status().is3xxRedirection());
        FundLedger.Budget reversed = asAdmin(() -> ledger.budgets(y)).stream()
            .filter(b -> b.id() == given.id())
            .findFirst()
            .orElseThrow();
        assertThat(reversed.allocated()).isEqualTo(Money.ZERO);
        assertThat(reversed.available()).isEqualTo(Money.ZERO);
        assertThat(asAdmin(() -> ledger.check()).problems()).isEmpty();
        String after = page("/subsidies/funds?year=" + y, admin());
        assertThat(after).doesNotContain("id=\"reverse-" + allocation + "\"").contains("已冲销", "下达城市选错");

        // Never twice.
        postJson(url, admin(), """
                {"reason":"再次冲销"}""").andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("已被冲销")));

        // Money of an allocation already taken back (or used) cannot be reversed.
        asAdmin(() -> ledger.allocate(zibo, SOURCE, y, Money.ofYuan("500"), "第二笔"));
        long second = jdbc.sql("select max(id) from ledger_transaction where kind = 'ALLOCATION' and budget_id = :b")
            .param("b", given.id())
            .query(Long.class)
            .single();
        asAdmin(() -> ledger.reduce(zibo, SOURCE, y, Money.ofYuan("200"), "调减"));
        long reduction = jdbc.sql("select max(id) from ledger_transaction where kind = 'REDUCTION' and budget_id = :b")
            .param("b", given.id())
            .query(Long.class)
            .single();
        long count2 = transactions();
        postJson("/api/v1/subsidies/funds/allocations/" + second + "/reversal", admin(), """
                {"reason":"录入错误"}""").andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("300.00")));
        // Only an allocation is reversed this way.
        postJson("/api/v1/subsidies/funds/allocations/" + reduction + "/reversal", admin(), """
                {"reason":"录入错误"}""").andExpect(status().isNotFound());
        assertThat(transactions()).isEqualTo(count2);
    }

    @Test
    void theLedgerCheckReconcilesForTheProvinceAndIsRefusedToTheCities() throws Exception {
        asAdmin(() -> ledger.allocate(JINAN, SOURCE, year(), Money.ofYuan("10"), "test"));
        String checked = page("/subsidies/funds/check", admin());
        assertThat(checked).contains("id=\"reconciles\"", "账目相符", "id=\"check-transactions\"",
                "id=\"check-allocated\"");
        assertThat(checked).doesNotContain("id=\"problems\"");
        assertThat(page("/subsidies/funds/check?lang=en", SignedIn.as(mvc, "auditor"))).contains("id=\"reconciles\"",
                "The books reconcile");
        JsonNode api = body(
                mvc.perform(get("/api/v1/subsidies/funds/check").cookie(admin())).andExpect(status().isOk()));
        assertThat(api.get("reconciles").asBoolean()).isTrue();
        assertThat(api.get("problems")).isEmpty();
        assertThat(api.get("transactions").asLong()).isPositive();
        assertThat(api.get("budgets").asLong()).isPositive();
        assertThat(api.get("allocated").get("fen").asLong()).isPositive();

        mvc.perform(get("/subsidies/funds/check").cookie(jinan())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/subsidies/funds/check").cookie(jinan())).andExpect(status().isForbidden());
    }

    @Test
    void aBalanceThatDriftsFromItsPostingsIsNamedByTheCheck() throws Exception {
        FundLedger.Budget b = asAdmin(() -> ledger.allocate(JINAN, SOURCE, year(), Money.ofYuan("10"), "test"));
        long account = jdbc.sql("select id from ledger_account where budget_id = :b and kind = 'AVAILABLE'")
            .param("b", b.id())
            .query(Long.class)
            .single();
        jdbc.sql("update ledger_account set balance_fen = balance_fen + 1 where id = :a").param("a", account).update();
        try {
            String page = page("/subsidies/funds/check", admin());
            assertThat(page).contains("id=\"problems\"", "account " + account + " AVAILABLE")
                .doesNotContain("id=\"reconciles\"");
            JsonNode api = body(
                    mvc.perform(get("/api/v1/subsidies/funds/check").cookie(admin())).andExpect(status().isOk()));
            assertThat(api.get("reconciles").asBoolean()).isFalse();
            assertThat(api.get("problems").toString()).contains("account " + account);
        }
        finally {
            jdbc.sql("update ledger_account set balance_fen = balance_fen - 1 where id = :a")
                .param("a", account)
                .update();
        }
        assertThat(asAdmin(() -> ledger.check()).reconciles()).isTrue();
    }

    @Test
    void anAllocationOnThePageIsAnnounced() throws Exception {
        var flash = mvc
            .perform(post("/subsidies/funds/allocations").with(csrf())
                .cookie(admin())
                .param("regionCode", JINAN)
                .param("fundSource", SOURCE)
                .param("year", String.valueOf(year()))
                .param("amount", "88")
                .param("memo", "第二批下达"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getFlashMap();
        String shown = mvc.perform(get("/subsidies/funds?year=" + year()).cookie(admin()).flashAttrs(flash))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(shown).contains("id=\"notice\"", "资金已下达", "第二批下达");
    }

    @Test
    void thePagesSpeakChineseAndEnglish() throws Exception {
        asAdmin(() -> ledger.allocate(JINAN, SOURCE, year(), Money.ofYuan("10"), "test"));
        assertThat(page("/subsidies/funds", jinan())).contains("资金预算与余额", "已下达", "可用", "已承诺", "本市合计");
        assertThat(page("/subsidies/funds?lang=en", jinan())).contains("Fund budgets and balances", "Allocated",
                "Available", "Committed", "City total");
        assertThat(page("/subsidies/funds?lang=en", admin())).contains("Allocate funds", "Reduce funds");
    }

    private Money availableOf(String city) {
        List<FundLedger.Budget> found = new ArrayList<>(asAdmin(() -> ledger.budgets(year())).stream()
            .filter(b -> b.regionCode().equals(city) && b.fundSourceCode().equals(SOURCE))
            .toList());
        return found.isEmpty() ? Money.ZERO : found.get(0).available();
    }

}
