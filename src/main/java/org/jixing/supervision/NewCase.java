package org.jixing.supervision;

import java.util.List;

/**
 * What opening a case takes: its subject (PROVIDER, EVALUATION_BODY or PERSON), the live
 * alerts it gathers (same subject; none for a case from a complaint or a visit, whose
 * record is named by {@code origin} and {@code originRef}), a summary and the inspector
 * assigned (the opener when blank).
 */
public record NewCase(SubjectKind subjectKind, Long subjectId, List<Long> alertIds, CaseOrigin origin, Long originRef,
        String summary, String assignee) {

    /** A case from live alerts about one subject. */
    public static NewCase fromAlerts(SubjectKind kind, long subjectId, List<Long> alertIds, String summary,
            String assignee) {
        return new NewCase(kind, subjectId, alertIds, CaseOrigin.ALERTS, null, summary, assignee);
    }

    /** A case from an inspection visit's findings (sampling calls this). */
    public static NewCase fromVisit(SubjectKind kind, long subjectId, long visitId, String summary, String assignee) {
        return new NewCase(kind, subjectId, List.of(), CaseOrigin.VISIT, visitId, summary, assignee);
    }

}
