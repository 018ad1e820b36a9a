package org.jixing.certification;

import org.jixing.shared.scope.CurrentUser;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issues the certificate of a final passed assessment result or an approved direct
 * recognition, dated the day it is issued, in the same transaction: a result becomes
 * final with its certificate or not at all, and a refusal (the ladder, the body's
 * permits) names why to whoever finalised.
 */
@Component
class CertificatesOnAssessment {

    private final CertificateIssuing issuing;

    CertificatesOnAssessment(CertificateIssuing issuing) {
        this.issuing = issuing;
    }

    @EventListener
    void on(AssessmentPassed passed) {
        CertificateRoute route = CertificateRoute.valueOf(passed.route());
        boolean fromBatch = route != CertificateRoute.DIRECT_RECOGNITION;
        issuing.issueAs(CurrentUser.current().map(CurrentUser::username).orElse("system"),
                new CertificateRequest(passed.personId(), passed.occupationCode(), passed.levelCode(),
                        passed.evaluationBodyId(), route, fromBatch ? passed.batchId() : null,
                        fromBatch ? passed.resultId() : null, null));
    }

}
