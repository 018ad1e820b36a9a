package org.jixing.certification;

import java.time.LocalDate;

/**
 * A candidate of a batch with their result so far (scores null before entry). The name
 * and ID number come masked from the person register.
 */
public record Candidate(long id, long batchId, long personId, String name, String idNumberMasked, Source source,
        Long enrolmentId, LocalDate tradeSince, String declaredLevelCode, String prerequisiteOutcome, Long resultId,
        Integer theoryScore, Integer practicalScore, Boolean passed, ResultStatus resultStatus, String enteredBy,
        String signedOffBy) {

    public enum Source {

        COMPLETION, APPLICATION

    }

    public enum ResultStatus {

        ENTERED, SIGNED_OFF, CANCELLED, FINAL

    }

}
