package org.jixing.certification;

import java.time.LocalDate;

/**
 * A person passed a skill-level assessment and the result is final (after the publicity
 * period), or the province approved a direct recognition. {@code route} is "ASSESSMENT"
 * (an evaluation body's batch), "ENTERPRISE" (an enterprise's self-evaluation) or
 * "DIRECT_RECOGNITION" (then {@code resultId} is the recognition's id and {@code batchId}
 * is 0).
 */
public record AssessmentPassed(long resultId, long personId, String occupationCode, String levelCode,
        long evaluationBodyId, long batchId, String route, LocalDate finalOn) {
}
