package org.jixing.certification;

import java.time.LocalDate;

/** Published when a certificate is issued (or a past one recorded). */
public record CertificateIssued(long certificateId, String number, long personId, String occupationCode,
        String levelCode, long evaluationBodyId, String regionCode, LocalDate issuedOn, CertificateRoute route,
        Long batchId, Long resultId) {
}
