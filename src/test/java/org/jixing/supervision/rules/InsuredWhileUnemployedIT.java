package org.jixing.supervision.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jixing.RunningAs.asAdmin;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.jixing.IntegrationTest;
import org.jixing.employment.ContributionFixtures;
import org.jixing.employment.ContributionImport;
import org.jixing.person.People;
import org.jixing.subsidy.SubsidyFixtures;
import org.jixing.supervision.RiskScans;
import org.jixing.supervision.ScanWindow;
import org.jixing.training.ImportStatus;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * INSURED_WHILE_UNEMPLOYED through a real contribution import: of a class's trainees
 * subsidised as registered unemployed, the one the file shows contributing with an
 * employer in the month of the class is listed on the class's alert; the one without a
 * record and a veteran contributing too are not.
 */
class InsuredWhileUnemployedIT extends IntegrationTest implements SubsidyFixtures, ContributionFixtures {

    @Test
    void a_trainee_subsidised_as_unemployed_contributing_during_the_class_is_listed_on_its_alert() throws Exception {
        rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", List.of(new Trainee("REGISTERED_UNEMPLOYED", true),
                new Trainee("REGISTERED_UNEMPLOYED", true), new Trainee("VETERAN", true)));
        String employer = employerCreditCode();
        String classMonth = YearMonth.from(pastStart()).toString();
        ContributionImport done = importContributions(
                contributionRow(f.idNumbers().get(0), employer, classMonth, "4300"),
                contributionRow(f.idNumbers().get(2), employer, classMonth, "4300"));
        assertThat(done.status()).isEqualTo(ImportStatus.DONE);
        assertThat(done.rowsMatched()).isEqualTo(2);

        ScanWindow window = new ScanWindow(clock().instant().minusSeconds(60), clock().instant().plusSeconds(60),
                Set.of(), Set.of(f.classId()), Set.of(), Set.of(), Set.of());
        RiskScans scans = bean(RiskScans.class);
        try {
            scans.run(null, window);
        }
        catch (DataIntegrityViolationException raced) {
            // The import's own run on the supervision thread raised it at the same
            // moment.
            scans.run(null, window);
        }

        String raw = bean(JdbcClient.class)
            .sql("select evidence from risk_alert where rule_code = 'INSURED_WHILE_UNEMPLOYED' "
                    + "and subject_kind = 'CLASS' and subject_id = :c and status = 'OPEN'")
            .param("c", f.classId())
            .query(String.class)
            .optional()
            .orElseThrow(() -> new AssertionError("no INSURED_WHILE_UNEMPLOYED alert on class " + f.classId()));
        JsonNode evidence = json().readTree(raw);
        assertThat(evidence.get("traineeCount").asInt()).isEqualTo(1);
        assertThat(evidence.get("group").asString()).isEqualTo("REGISTERED_UNEMPLOYED");
        assertThat(evidence.get("classMonths").asString()).startsWith(classMonth);
        String masked = asAdmin(() -> bean(People.class).get(f.personIds().get(0))).idNumberMasked();
        assertThat(evidence.get("trainees")).hasSize(1);
        assertThat(evidence.get("trainees").get(0).get("idNumber").asString()).isEqualTo(masked);
    }

}
