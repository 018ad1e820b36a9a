package org.jixing.supervision.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asEvaluator;
import static org.jixing.RunningAs.asStaff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.IntegrationTest;
import org.jixing.certification.AssessmentBatch;
import org.jixing.certification.AssessmentCandidates;
import org.jixing.certification.AssessmentFixtures;
import org.jixing.certification.AssessmentScores;
import org.jixing.certification.Candidate;
import org.jixing.demo.Planted;
import org.jixing.demo.PlantedFraud;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.ClaimFiling;
import org.jixing.subsidy.Payees;
import org.jixing.supervision.Alert;
import org.jixing.supervision.Alerts;
import org.jixing.supervision.RiskScans;
import org.jixing.supervision.ScanWindow;
import org.jixing.supervision.SubjectKind;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The money, certificate and person rules over planted fraud and honest records: each
 * planted pattern raises its alert with its evidence; an honest claim and an honest body
 * made by the fixtures raise none of these rules; a claim paid into another name is held.
 */
class MoneyRulesIT extends IntegrationTest implements AssessmentFixtures {

    private static final List<String> RULES = List.of(PayeeNameMismatchRule.CODE, AllHighestAdjustmentRule.CODE,
            DeclaredOnlyAdjustmentsRule.CODE, ClaimSoonAfterCompletionRule.CODE, SharedBankAccountRule.CODE,
            PassRateOutlierRule.CODE, CertificateSurgeRule.CODE, CertificatesSoonAfterAccreditationRule.CODE,
            ClaimSurgeRule.CODE);

    private static final CurrentUser ADMIN = new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN,
            DataScope.province("370000"));

    @Test
    void plantedPatternsRaiseTheirAlertsAndHonestRecordsNone() throws Exception {
        Instant started = clock.instant().minus(Duration.ofMinutes(1));
        rulesInForce();

        // Honest: a completed class whose claim is paid into the provider's own account.
        PastFixture honest = completedClass("DATA_ANNOTATOR", "JUNIOR", "L01-1",
                List.of(new Trainee(null, true), new Trainee(null, true), new Trainee(null, true)));
        String honestName = bean(Filings.class).find(Registry.PROVIDER, honest.provider().id()).orElseThrow().name();
        asStaff(honest.provider().id(), () -> bean(Payees.class).savePayee(honestName,
                "62170000" + String.format("%011d", honest.provider().id()), "工商银行济南分行"));
        Claim honestClaim = asStaff(honest.provider().id(), () -> bean(ClaimFiling.class).file(honest.classId()));

        PastFixture misnamed = completedClass("DATA_ANNOTATOR", "JUNIOR", "L01-1",
                List.of(new Trainee(null, true), new Trainee(null, true)));
        // The payee entered in another name than the provider's.
        asStaff(misnamed.provider().id(), () -> bean(Payees.class).savePayee("测试培训学校",
                String.format("62220203%011d", misnamed.provider().id()), "工商银行济南分行"));
        Claim misnamedClaim = asStaff(misnamed.provider().id(), () -> bean(ClaimFiling.class).file(misnamed.classId()));

        // Honest: a body passing 28 of 32 candidates.
        Body body = evaluationBody(JINAN, "DATA_ANNOTATOR", "JUNIOR");
        AssessmentBatch batch = batch(body.id(), AssessmentBatch.Kind.BODY, "DATA_ANNOTATOR", "JUNIOR");
        List<AssessmentCandidates.NewCandidate> rows = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            rows.add(new AssessmentCandidates.NewCandidate(null,
                    person("考生" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10) + "子丑寅卯".charAt(i / 10)), today().minusYears(3), null,
                    null));
        }
        List<Candidate> candidates = asEvaluator(body.id(),
                () -> bean(AssessmentCandidates.class).addCandidates(batch.id(), rows));
        List<AssessmentScores.ScoreRow> sheet = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            sheet.add(new AssessmentScores.ScoreRow(candidates.get(i).id(), 75, i % 8 == 0 ? 40 : 80));
        }
        asEvaluator(body.id(), () -> bean(AssessmentScores.class).recordScores(batch.id(), sheet));

        List<Planted> planted = bean(PlantedFraud.class).plant(today(), ADMIN, List.of(JINAN), 1,
                Set.of("BODY_PASSES_ALL", "SHARED_BANK_ACCOUNT", "CLAIM_SOON"), 18L);
        assertThat(planted).extracting(Planted::ruleCode)
            .containsExactlyInAnyOrder("PASS_RATE_OUTLIER", "SHARED_BANK_ACCOUNT", "SHARED_BANK_ACCOUNT",
                    "CLAIM_SOON_AFTER_COMPLETION");

        scan(ScanWindow.between(started, clock.instant().plusSeconds(60)));

        for (Planted p : planted) {
            JsonNode evidence = evidence(p.ruleCode(), p.subjectKind(), p.subjectId());
            switch (p.ruleCode()) {
                case "PASS_RATE_OUTLIER" -> {
                    assertThat(evidence.get("candidates").asInt()).isGreaterThanOrEqualTo(30);
                    assertThat(evidence.get("passed").asInt()).isEqualTo(evidence.get("candidates").asInt());
                    assertThat(evidence.get("batches")).hasSize(1);
                }
                case "SHARED_BANK_ACCOUNT" -> {
                    assertThat(evidence.get("providerCount").asInt()).isEqualTo(2);
                    assertThat(evidence.get("payeeAccount").asString()).startsWith("****");
                }
                case "CLAIM_SOON_AFTER_COMPLETION" ->
                    assertThat(evidence.get("minutesBetween").asLong()).isBetween(0L, 30L);
                default -> throw new AssertionError(p);
            }
        }

        // The payee paid in another name: a blocking alert that holds the claim.
        JsonNode misnamedEvidence = evidence(PayeeNameMismatchRule.CODE, SubjectKind.CLAIM, misnamedClaim.id());
        assertThat(misnamedEvidence.get("payeeName").asString()).isEqualTo("测试培训学校");
        List<Alert> holding = bean(Alerts.class).holding(Map.of(SubjectKind.CLAIM, List.of(misnamedClaim.id())));
        assertThat(holding).extracting(Alert::ruleCode).contains(PayeeNameMismatchRule.CODE);

        // Nothing of these rules on the honest claim, its provider or the honest body.
        assertThat(alerts(SubjectKind.CLAIM, honestClaim.id())).isEmpty();
        assertThat(alerts(SubjectKind.PROVIDER, honest.provider().id())).isEmpty();
        assertThat(alerts(SubjectKind.EVALUATION_BODY, body.id())).isEmpty();
        // The certificate event's run reads the pass rates of the bodies it names.
        assertThat(bean(org.jixing.certification.CertificationRiskFacts.class).passRates(today().minusDays(400),
                clock.instant().plusSeconds(60), Set.of(body.id())))
            .anySatisfy(r -> assertThat(r.bodyId()).isEqualTo(body.id()));
        assertThat(bean(Alerts.class).holding(Map.of(SubjectKind.CLAIM, List.of(honestClaim.id())))).isEmpty();
    }

    /**
     * Runs a scan. A claim's own run on the supervision thread may be raising the same
     * alert at the same moment; the one whose insert loses merges into the other's.
     */
    private void scan(ScanWindow window) {
        bean(RiskScans.class).run(null, window);
    }

    private JsonNode evidence(String rule, SubjectKind kind, long id) {
        String raw = bean(JdbcClient.class)
            .sql("select evidence from risk_alert where rule_code = :r and subject_kind = :k and subject_id = :id "
                    + "and status = 'OPEN'")
            .param("r", rule)
            .param("k", kind.name())
            .param("id", id)
            .query(String.class)
            .optional()
            .orElseThrow(() -> new AssertionError("no " + rule + " alert on " + kind + " " + id));
        return json.readTree(raw);
    }

    private List<String> alerts(SubjectKind kind, long id) {
        return bean(JdbcClient.class)
            .sql("select rule_code from risk_alert where subject_kind = :k and subject_id = :id and rule_code in (:r)")
            .param("k", kind.name())
            .param("id", id)
            .param("r", RULES)
            .query(String.class)
            .list();
    }

}
