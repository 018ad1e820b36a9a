package org.jixing.certification;

import org.jixing.subsidy.ClaimPreviews;

import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asStaff;
import org.jixing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jixing.subsidy.ClaimExclusion;
import org.jixing.subsidy.ClaimPreview;
import org.jixing.subsidy.RuleSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A level whose subsidy is paid on a certificate: the trainee is left out of the claim
 * until they hold the class's certificate earned since it began, and priced once they do.
 */
class CertificateSubsidyIT extends IntegrationTest implements AssessmentFixtures {

    @Autowired
    ClaimPreviews claimPreviews;

    @Autowired

    CertificateIssuing issuing;

    @Test
    void aStandardPaidOnACertificatePaysTheTraineeWhoEarnedItSinceTheClassBegan() throws Exception {
        RuleSet r = rulesInForce();
        RuleSet.Tier tier = r.tierOf("CLEANER");
        assertThat(r.standard("SENIOR", tier)).as("the rules in force pay 高级工 on a certificate")
            .hasValueSatisfying(s -> assertThat(s.paysOn()).isEqualTo(RuleSet.PaysOn.CERTIFICATE));
        PastFixture f = completedClass("CLEANER", "SENIOR", "L06-1",
                List.of(new Trainee("VETERAN", true), new Trainee("REGISTERED_UNEMPLOYED", true)));
        long first = f.personIds().get(0);

        ClaimPreview before = asStaff(f.provider().id(), () -> claimPreviews.preview(f.classId()));
        assertThat(before.lines()).isEmpty();
        assertThat(before.exclusions()).hasSize(2)
            .extracting(ClaimExclusion::reasonKey)
            .containsOnly("subsidy.exclusion.needsCertificate");

        // The lower levels were certified years ago; the intermediate one does not pay
        // for
        // the senior class.
        Body body = body(jinan(), JINAN, "TECHNICAL_COLLEGE", "CLEANER/SENIOR");
        asAdmin(() -> issuing.recordPast(new CertificateRequest(first, "CLEANER", "JUNIOR", body.id(),
                CertificateRoute.IMPORTED, null, null, pastStart().minusYears(4))));
        asAdmin(() -> issuing.recordPast(new CertificateRequest(first, "CLEANER", "INTERMEDIATE", body.id(),
                CertificateRoute.IMPORTED, null, null, pastStart().minusYears(1))));
        assertThat(asStaff(f.provider().id(), () -> claimPreviews.preview(f.classId())).lines()).isEmpty();

        // The senior certificate, earned after the class: that trainee is priced.
        asAdmin(() -> issuing.issue(new CertificateRequest(first, "CLEANER", "SENIOR", body.id(),
                CertificateRoute.ASSESSMENT, null, null, null)));
        ClaimPreview after = asStaff(f.provider().id(), () -> claimPreviews.preview(f.classId()));
        assertThat(after.lines()).singleElement().satisfies(l -> {
            assertThat(l.personId()).isEqualTo(first);
            assertThat(l.amount().fen()).isPositive();
        });
        assertThat(after.exclusions()).singleElement()
            .satisfies(x -> assertThat(x.reasonKey()).isEqualTo("subsidy.exclusion.needsCertificate"));
    }

}
