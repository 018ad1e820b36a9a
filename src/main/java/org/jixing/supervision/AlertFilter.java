package org.jixing.supervision;

/** The desk's filters; each null means any. */
public record AlertFilter(AlertStatus status, Severity severity, String ruleCode, String regionCode, Long providerId,
        SubjectKind subjectKind, Boolean blocking) {

    public static AlertFilter none() {
        return new AlertFilter(null, null, null, null, null, null, null);
    }

}
