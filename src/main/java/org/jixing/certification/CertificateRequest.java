package org.jixing.certification;

import java.time.LocalDate;

/**
 * What a certificate is issued for: a person, an occupation and level, the evaluation
 * body that evaluated (or recognised) them, the route, the assessment batch and result it
 * came from (null outside assessments), and the day of issue (null: today).
 */
public record CertificateRequest(long personId, String occupationCode, String levelCode, long evaluationBodyId,
        CertificateRoute route, Long batchId, Long resultId, LocalDate issuedOn) {
}
