package org.jixing.supervision;

/** The case list's filters; each null means any. */
public record CaseFilter(CaseStatus status, String regionCode, SubjectKind subjectKind, String assignee) {

    public static CaseFilter none() {
        return new CaseFilter(null, null, null, null);
    }

}
