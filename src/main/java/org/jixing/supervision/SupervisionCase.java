package org.jixing.supervision;

import java.time.Instant;

/**
 * A supervision case (案件) about one subject: a provider, an evaluation body or a person.
 */
public record SupervisionCase(long id, String caseNo, SubjectKind subjectKind, long subjectId, String subjectLabel,
        String regionCode, String lineCode, Long providerId, Long bodyId, CaseOrigin origin, Long originRef,
        String summary, String assignee, CaseStatus status, String outcomeReason, String openedBy, Instant openedAt,
        String closedBy, Instant closedAt, int version) {
}
