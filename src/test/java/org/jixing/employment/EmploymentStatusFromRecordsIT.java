package org.jixing.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jixing.RunningAs.asEmploymentOfficer;

import java.time.YearMonth;
import java.util.List;

import org.jixing.IntegrationTest;
import org.jixing.training.ClassType;
import org.jixing.training.ImportStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Employment services read the contribution records: a trainee who contributed with an
 * employer in the latest month imported is employed and offered no demands; the one
 * without a record still is.
 */
class EmploymentStatusFromRecordsIT extends IntegrationTest implements EmploymentFixtures, ContributionFixtures {

    @Autowired
    EmploymentServices services;

    @Test
    void aTraineeTheRecordsShowEmployedIsNoLongerACandidate() throws Exception {
        String ent = enterprise("社保核验企业", JINAN);
        JobDemand demand = approvedDemand(ent, 5);
        PastOrderClass c = pastClass(ClassType.REGULAR, null, List.of(true, true));
        long employed = c.personIds().get(0);
        long seeking = c.personIds().get(1);
        String lastMonth = YearMonth.from(today()).minusMonths(1).toString();
        ContributionImport done = importContributions(
                contributionRow(c.idNumbers().get(0), employerCreditCode(), lastMonth, "5200"));
        assertThat(done.status()).isEqualTo(ImportStatus.DONE);

        List<EmploymentCandidate> candidates = asEmploymentOfficer(JINAN,
                () -> services.candidates(JINAN, OCCUPATION, 500));
        assertThat(candidates).noneMatch(k -> k.training().personId() == employed);
        assertThat(candidates).filteredOn(k -> k.training().personId() == seeking).singleElement().satisfies(k -> {
            assertThat(k.status()).isEqualTo(EmploymentStatusSource.Status.UNKNOWN);
            assertThat(k.demands()).extracting(OpenDemand::id).contains(demand.id());
        });
    }

}
