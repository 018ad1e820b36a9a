package org.jixing.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jixing.IntegrationTest;
import org.jixing.certification.Certificate;
import org.jixing.certification.CertificateFilter;
import org.jixing.certification.CertificateRoute;
import org.jixing.certification.CertificateStatus;
import org.jixing.certification.Certificates;
import org.jixing.certification.CertificateSignatures;
import org.jixing.certification.Verification;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo province (generated when the test context starts, small) has past certificates
 * of its trainees, the ladder respected, a few revoked.
 */
class DemoCertificatesIT extends IntegrationTest {

    @Autowired
    Certificates certificates;

    @Autowired

    CertificateSignatures signatures;

    @Test
    void pastTraineesHoldCertificatesAndTwoWereRevoked() {
        CurrentUser admin = new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN, DataScope.province("370000"));
        List<Certificate> all = RunAs
            .user(admin, () -> certificates.search(CertificateFilter.none(), 0, 10_000).items())
            .stream()
            .filter(c -> c.bodyName().equals("济南职业技能等级认定中心"))
            .toList();
        assertThat(all).isNotEmpty().allMatch(c -> c.route() == CertificateRoute.IMPORTED);
        assertThat(all).filteredOn(c -> c.status() == CertificateStatus.REVOKED).hasSizeBetween(1, 2);
        // Every certificate above 初级工 has the rung below it (the ladder).
        for (Certificate c : all) {
            certificates.prerequisite(certificates.level(c.levelCode()).orElseThrow())
                .ifPresent(p -> assertThat(all).anyMatch(x -> x.personId() == c.personId()
                        && x.occupationCode().equals(c.occupationCode()) && x.levelCode().equals(p.code())));
        }
        assertThat(signatures.verify(all.get(0).number()).outcome()).isIn(Verification.Outcome.VALID,
                Verification.Outcome.REVOKED);
    }

}
