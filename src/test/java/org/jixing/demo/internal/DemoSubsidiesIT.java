package org.jixing.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.subsidy.ClaimFilter;
import org.jixing.subsidy.ClaimStatus;
import org.jixing.subsidy.Claims;
import org.jixing.subsidy.FundLedger;
import org.jixing.subsidy.Payments;
import org.jixing.subsidy.Recoveries;
import org.jixing.subsidy.RuleSet;
import org.jixing.subsidy.SubsidyRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The demo province (generated when the test context starts, small) has its subsidy
 * rules, budgets for every city and fund source, claims in each state, and books that
 * reconcile.
 */
class DemoSubsidiesIT extends IntegrationTest {

    @Autowired
    FundLedger ledger;

    @Autowired
    Claims claims;

    @Autowired
    SubsidyRules rules;

    @Autowired
    Payments payments;

    @Autowired
    Recoveries recoveries;

    @Autowired
    ReferenceCatalogue reference;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /**
     * The demo's trainee groups come from the cities' registry imports and, for some
     * trainees, only from the providers' roster files; its claims show both kinds.
     */
    @Test
    void theDemoClaimsRestOnRegistryRecordsAndOnProvidersDeclarations() {
        assertThat(jdbc.sql("select distinct channel || '/' || recorder_role from person_group")
            .query(String.class)
            .list()).contains("REGISTRY_IMPORT/CITY_OFFICER", "ROSTER_IMPORT/PROVIDER_STAFF");
        assertThat(jdbc.sql("select distinct group_basis from subsidy_claim_line where group_basis is not null")
            .query(String.class)
            .list()).containsExactlyInAnyOrder("REGISTRY", "DECLARED");
        List<Object[]> shares = jdbc.sql("select adjusted_lines, declared_lines from subsidy_claim")
            .query((rs, n) -> new Object[] { rs.getInt(1), rs.getInt(2) })
            .list();
        assertThat(shares).anySatisfy(r -> assertThat((int) r[1]).isPositive().isLessThan((int) r[0]));
    }

    /**
     * Whoever signs in as the demo provider finds a class that ended recently to claim,
     * and the preview explains the amounts and leaves out the trainee who missed most
     * sessions.
     */
    @Test
    void theDemoProviderHasACompletedClassToClaim() throws Exception {
        Cookie provider = SignedIn.as(mvc, "provider");
        String page = mvc.perform(MockMvcRequestBuilders.get("/subsidies/claims").cookie(provider))
            .andReturn()
            .getResponse()
            .getContentAsString();
        Matcher m = Pattern.compile("id=\"claim-(\\d+)\"").matcher(page);
        assertThat(m.find()).as("a class to claim on the provider's claims page").isTrue();
        String preview = mvc
            .perform(MockMvcRequestBuilders.get("/api/v1/subsidies/claims/preview?classId=" + m.group(1))
                .cookie(provider))
            .andReturn()
            .getResponse()
            .getContentAsString();
        JsonNode body = new ObjectMapper().readTree(preview);
        assertThat(body.get("fileable").asBoolean()).isTrue();
        assertThat(body.get("lines")).hasSize(11);
        assertThat(body.get("exclusions")).hasSize(1);
        assertThat(preview).contains("VETERAN");
    }

    private static <T> T asAdmin(Supplier<T> work) {
        return RunAs.user(new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN, DataScope.province("370000")),
                work);
    }

    @Test
    void theDemoHasRulesBudgetsReviewedAndPaidClaimsRecoveriesAndItsLedgerReconciles() {
        RuleSet first = rules.inForceOn(LocalDate.of(2025, 1, 1)).orElseThrow();
        assertThat(first.lineFunds()).hasSize(10).isEqualTo(DemoSubsidies.LINE_FUNDS);

        List<FundLedger.Budget> budgets = asAdmin(() -> ledger.budgets(2025));
        Set<String> sources = Set.copyOf(DemoSubsidies.LINE_FUNDS.values());
        for (Region city : reference.cities()) {
            assertThat(budgets.stream()
                .filter(b -> b.regionCode().equals(city.code()))
                .map(FundLedger.Budget::fundSourceCode)
                .collect(Collectors.toSet())).as(city.code()).containsAll(sources);
        }
        assertThat(asAdmin(() -> ledger.budgets(2026)).stream().map(FundLedger.Budget::regionCode)).contains("370400",
                "371500");

        long approved = asAdmin(
                () -> claims.search(new ClaimFilter(ClaimStatus.APPROVED, null, null, null, null), 0, 10).total());
        long waiting = asAdmin(
                () -> claims.search(new ClaimFilter(ClaimStatus.SUBMITTED, null, null, null, null), 0, 10).total());
        long inPayment = asAdmin(
                () -> claims.search(new ClaimFilter(ClaimStatus.IN_PAYMENT, null, null, null, null), 0, 10).total());
        long paid = asAdmin(
                () -> claims.search(new ClaimFilter(ClaimStatus.PAID, null, null, null, null), 0, 10).total());
        assertThat(waiting).isPositive();
        // Approved claims went on payment orders: most were paid, one city's order waits
        // for
        // the bank, and a paid claim was found improper.
        assertThat(paid).isPositive();
        assertThat(inPayment).isPositive();
        assertThat(approved + inPayment + paid).isGreaterThan(waiting);
        assertThat(asAdmin(() -> payments.search(Payments.Filter.ALL, 0, 10)).total()).isGreaterThan(1);
        assertThat(asAdmin(() -> recoveries.search(null, false, 0, 10)).total()).isPositive();
        assertThat(asAdmin(() -> ledger.budgets(null)).stream()
            .mapToLong(b -> b.receivable().fen() + b.repaid().fen())
            .sum()).isPositive();

        FundLedger.Check check = asAdmin(() -> ledger.check());
        assertThat(check.problems()).isEmpty();
        assertThat(check.reconciles()).isTrue();
    }

}
