package org.jixing.supervision;

/** A rule raised a new alert (not a merge into a live one). */
public record AlertRaised(long alertId, String ruleCode, SubjectKind subjectKind, long subjectId, boolean blocking,
        String regionCode, Long providerId) {
}
