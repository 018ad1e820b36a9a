package org.jixing.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jixing.RunningAs.asAdmin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.jixing.IntegrationTest;
import org.jixing.provider.FilingStatus;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.Claims;
import org.jixing.subsidy.PaymentFixtures;
import org.jixing.subsidy.Recoveries;
import org.jixing.subsidy.Recovery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cases end to end at the service level: an inspector gathers a provider's alerts into a
 * case, records a finding, and confirms fake training, which in one step blacklists the
 * provider and opens a recovery order; an outcome without a finding is refused and
 * changes nothing; a dismissal dismisses the alerts; a city inspector does not find
 * another city's case; the ladder is data.
 */
class CasesIT extends IntegrationTest implements PaymentFixtures {

    @Autowired
    Cases cases;

    @Autowired
    CaseFindings findings;

    @Autowired
    CaseOutcomes outcomes;

    @Autowired
    Alerts alerts;

    @Autowired
    CaseMeasures measures;

    @Autowired
    Filings filings;

    @Autowired
    Claims claims;

    @Autowired
    Recoveries recoveries;

    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static <T> T asInspector(Supplier<T> work) {
        return RunAs.user(new CurrentUser(70, "inspector", "inspector", Role.INSPECTOR, DataScope.province("370000")),
                work);
    }

    static <T> T asJinanInspector(Supplier<T> work) {
        return RunAs.user(
                new CurrentUser(71, "inspector-jinan", "inspector-jinan", Role.INSPECTOR, DataScope.region(JINAN)),
                work);
    }

    /** A high-severity alert of a made-up rule about a provider in a city. */
    long alertAbout(String rule, long providerId, String region) {
        RuleVersion v = new RuleVersion(0, rule, 1, Severity.HIGH, false, true, Map.of(), "测试规则", "test rule", true,
                "admin", Instant.now(), "test");
        alerts.raise(v, new Hit(SubjectKind.PROVIDER, providerId, "机构" + providerId, region, null, providerId, null, 90,
                Map.of("classes", 1), List.of()));
        return asAdmin(() -> alerts.search(new AlertFilter(null, null, rule, null, providerId, null, null), 0, 10))
            .items()
            .get(0)
            .id();
    }

    static String rule(String name) {
        return "T_" + name + "_" + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    @Test
    void anInspectorConfirmsFakeTrainingAndInOneStepTheProviderIsBlacklistedAndARecoveryOrderOpens() throws Exception {
        Claim paid = paidClaim();
        long provider = paid.providerId();
        String rule = rule("GHOST");
        long alertId = alertAbout(rule, provider, JINAN);

        SupervisionCase opened = asInspector(() -> cases
            .open(NewCase.fromAlerts(SubjectKind.PROVIDER, provider, List.of(alertId), "疑似虚假培训：学员未到场", null)));
        assertThat(opened.caseNo()).startsWith("AJ");
        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.regionCode()).isEqualTo(JINAN);
        assertThat(opened.assignee()).isEqualTo("inspector");
        Alert inCase = asInspector(() -> alerts.get(alertId));
        assertThat(inCase.status()).isEqualTo(AlertStatus.IN_CASE);
        assertThat(inCase.caseId()).isEqualTo(opened.id());

        // Closing without a finding is refused and changes nothing.
        CaseOutcome confirm = new CaseOutcome(CaseStatus.CONFIRMED, opened.version(), "虚假培训属实",
                List.of("BLACKLIST", "RECOVERY"), Set.of(paid.id()), today.plusDays(30));
        assertThatThrownBy(() -> asInspector(() -> outcomes.close(opened.id(), confirm))).isInstanceOfSatisfying(
                InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InvalidInputException.Problem::messageKey)
                    .containsExactly("supervision.error.case.noFinding"));
        assertThat(asInspector(() -> cases.get(opened.id())).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(asInspector(() -> alerts.get(alertId)).status()).isEqualTo(AlertStatus.IN_CASE);
        assertThat(asAdmin(() -> filings.get(Registry.PROVIDER, provider)).status()).isEqualTo(FilingStatus.ACTIVE);
        assertThat(asAdmin(() -> recoveries.search(paid.id(), false, 0, 10)).items()).isEmpty();

        asInspector(() -> cases.addTask(opened.id(), new NewTask(CaseTask.Kind.TRAINEE_CALLBACK, null, today)));
        asInspector(() -> findings.addFinding(opened.id(), "电话回访两名学员，均称未参加培训"));
        int version = asInspector(() -> cases.get(opened.id())).version();

        SupervisionCase closed = asInspector(() -> outcomes.close(opened.id(), new CaseOutcome(CaseStatus.CONFIRMED,
                version, "虚假培训属实", List.of("RECOVERY", "BLACKLIST"), Set.of(paid.id()), today.plusDays(30))));

        assertThat(closed.status()).isEqualTo(CaseStatus.CONFIRMED);
        assertThat(closed.closedBy()).isEqualTo("inspector");
        assertThat(asInspector(() -> alerts.get(alertId)).status()).isEqualTo(AlertStatus.CONFIRMED);
        assertThat(asAdmin(() -> filings.get(Registry.PROVIDER, provider)).status())
            .isEqualTo(FilingStatus.BLACKLISTED);
        List<Recovery> orders = asAdmin(() -> recoveries.search(paid.id(), false, 0, 10)).items();
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).reason()).isEqualTo(Recovery.Reason.FAKE_TRAINING);
        assertThat(orders.get(0).amount()).isEqualTo(paid.amount());
        assertThat(asInspector(() -> outcomes.recoveries(opened.id()))).singleElement()
            .satisfies(r -> assertThat(r.amountFen()).isEqualTo(paid.amount().fen()));
        assertThat(asInspector(() -> outcomes.sanctions(opened.id()))).containsExactly("BLACKLIST", "RECOVERY");

        // The rule's measures count the case confirmed and the money recovered.
        assertThat(asAdmin(() -> measures.byRule()).get(rule))
            .isEqualTo(new CaseMeasures.RuleMeasure(rule, 1, 1, 0, paid.amount().fen()));
        // Closed once.
        assertThatThrownBy(() -> asInspector(() -> outcomes.close(opened.id(),
                new CaseOutcome(CaseStatus.DISMISSED, closed.version(), "重复", List.of(), Set.of(), null))))
            .isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.problems()).extracting(InvalidInputException.Problem::messageKey)
                        .containsExactly("supervision.error.case.closed"));
    }

    @Test
    void aDismissedCaseDismissesItsAlertsWhichCountAgainstTheRule() throws Exception {
        var p = provider(admin(), JINAN, "CLEANER", "JUNIOR");
        String rule = rule("FALSE");
        long a1 = alertAbout(rule, p.id(), JINAN);
        SupervisionCase c = asJinanInspector(() -> cases
            .open(NewCase.fromAlerts(SubjectKind.PROVIDER, p.id(), List.of(a1), "核查", "inspector-jinan")));
        asJinanInspector(() -> findings.addFinding(c.id(), "现场核查，签到正常"));
        int version = asJinanInspector(() -> cases.get(c.id())).version();
        SupervisionCase dismissed = asJinanInspector(() -> outcomes.close(c.id(),
                new CaseOutcome(CaseStatus.DISMISSED, version, "预警不实", List.of(), Set.of(), null)));
        assertThat(dismissed.status()).isEqualTo(CaseStatus.DISMISSED);
        Alert a = asAdmin(() -> alerts.get(a1));
        assertThat(a.status()).isEqualTo(AlertStatus.DISMISSED);
        assertThat(asAdmin(() -> alerts.decisions(a1))).singleElement()
            .satisfies(d -> assertThat(d.to()).isEqualTo(AlertStatus.DISMISSED));
        assertThat(asAdmin(() -> measures.byRule()).get(rule))
            .isEqualTo(new CaseMeasures.RuleMeasure(rule, 1, 0, 1, 0));
        assertThat(asAdmin(() -> filings.get(Registry.PROVIDER, p.id())).status()).isEqualTo(FilingStatus.ACTIVE);
        // The provider's profile shows the month's alert, case and dismissal.
        RiskProfile profile = asAdmin(() -> bean(RuleMeasures.class).profile(SubjectKind.PROVIDER, p.id()));
        assertThat(profile.months()).singleElement().satisfies(m -> {
            assertThat(m.alerts()).isEqualTo(1);
            assertThat(m.dismissed()).isEqualTo(1);
            assertThat(m.cases()).isEqualTo(1);
            assertThat(m.casesDismissed()).isEqualTo(1);
            assertThat(m.casesConfirmed()).isZero();
        });
        assertThat(profile.byRule()).containsEntry(rule, 1L);
    }

    @Test
    void aCityInspectorNeitherSeesNorOpensACaseOfAnotherCity() throws Exception {
        var p = provider(admin(), QINGDAO, "CLEANER", "JUNIOR");
        String rule = rule("QD");
        long a1 = alertAbout(rule, p.id(), QINGDAO);
        assertThatThrownBy(() -> asJinanInspector(
                () -> cases.open(NewCase.fromAlerts(SubjectKind.PROVIDER, p.id(), List.of(a1), "越权", null))))
            .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> asJinanInspector(() -> cases
            .open(new NewCase(SubjectKind.PROVIDER, p.id(), List.of(), CaseOrigin.VISIT, 1L, "越权", null))))
            .isInstanceOf(RecordNotFoundException.class);
        SupervisionCase c = asInspector(
                () -> cases.open(NewCase.fromAlerts(SubjectKind.PROVIDER, p.id(), List.of(a1), "青岛案件", null)));
        assertThatThrownBy(() -> asJinanInspector(() -> cases.get(c.id()))).isInstanceOf(RecordNotFoundException.class);
        assertThat(asJinanInspector(() -> cases.search(CaseFilter.none(), 0, 200)).items())
            .noneMatch(x -> x.id() == c.id());
        assertThat(asInspector(
                () -> cases.search(new CaseFilter(CaseStatus.OPEN, QINGDAO, SubjectKind.PROVIDER, null), 0, 200))
            .items()).anyMatch(x -> x.id() == c.id());
        // The alert, once in a case, does not join another.
        assertThatThrownBy(() -> asInspector(
                () -> cases.open(NewCase.fromAlerts(SubjectKind.PROVIDER, p.id(), List.of(a1), "再次", null))))
            .isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.problems()).extracting(InvalidInputException.Problem::messageKey)
                        .containsExactly("supervision.error.case.alertNotOpen"));
    }

    @Test
    void theLadderIsReadFromDataAndANewStepCanBeTaken() throws Exception {
        List<SanctionStep> ladder = outcomes.ladder();
        assertThat(ladder).extracting(SanctionStep::code)
            .startsWith("WARNING", "RECTIFICATION", "SUSPENSION", "REMOVAL_FROM_CATALOGUE", "BLACKLIST", "RECOVERY",
                    "POLICE_REFERRAL");
        assertThat(ladder.get(0).nameZh()).isEqualTo("警告/约谈");
        String code = "T_NOTICE_" + ThreadLocalRandom.current().nextInt(1_000_000);
        asOwner()
            .sql("insert into supervision_sanction_step (code, step_rank, name_zh, name_en, effect) "
                    + "values (:c, 15, '通报批评', 'Public notice', 'RECORD')")
            .param("c", code)
            .update();
        assertThat(outcomes.ladder()).extracting(SanctionStep::code).contains(code);
        assertThat(outcomes.ladder().stream().map(SanctionStep::code).toList().indexOf(code)).isEqualTo(1);

        var p = provider(admin(), JINAN, "CLEANER", "JUNIOR");
        long a1 = alertAbout(rule("STEP"), p.id(), JINAN);
        SupervisionCase c = asInspector(
                () -> cases.open(NewCase.fromAlerts(SubjectKind.PROVIDER, p.id(), List.of(a1), "核查", null)));
        asInspector(() -> findings.addFinding(c.id(), "属实，情节轻微"));
        int version = asInspector(() -> cases.get(c.id())).version();
        asInspector(() -> outcomes.close(c.id(),
                new CaseOutcome(CaseStatus.CONFIRMED, version, "通报", List.of(code), Set.of(), null)));
        assertThat(asInspector(() -> outcomes.sanctions(c.id()))).containsExactly(code);
        assertThat(asAdmin(() -> filings.get(Registry.PROVIDER, p.id())).status()).isEqualTo(FilingStatus.ACTIVE);
    }

}
