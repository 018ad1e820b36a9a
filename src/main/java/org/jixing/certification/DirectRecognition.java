package org.jixing.certification;

import java.time.Instant;

/** An application for direct recognition (直接认定) and the province's decision. */
public record DirectRecognition(long id, String applicationNo, long personId, String personName, String occupationCode,
        String levelCode, String justification, String employerName, long evaluationBodyId, String bodyName,
        String regionCode, Status status, String decisionNote, String decidedBy, Instant decidedAt, String submittedBy,
        Instant submittedAt, int version) {

    public enum Status {

        SUBMITTED, APPROVED, REJECTED

    }

}
