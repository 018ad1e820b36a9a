package org.jixing.supervision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An alert as it stands, with its evidence and targets. */
public record Alert(long id, String alertNo, String ruleCode, int ruleVersion, SubjectKind subjectKind, long subjectId,
        String subjectLabel, Severity severity, boolean blocking, int score, String regionCode, String lineCode,
        Long providerId, Long bodyId, AlertStatus status, Map<String, Object> evidence, int hits, Instant firstSeenAt,
        Instant lastSeenAt, Long caseId, String decidedBy, Instant decidedAt, String decisionReason, int version,
        List<Hit.Target> targets) {

    /** Whether it holds the claims it targets now. */
    public boolean locks() {
        return blocking && status.holds();
    }

}
