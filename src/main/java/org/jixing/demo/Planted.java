package org.jixing.demo;

import org.jixing.supervision.SubjectKind;

/**
 * One planted instance: the pattern, the rule that should fire on it and the subject the
 * alert should be about, with a line saying what was planted.
 */
public record Planted(String pattern, String ruleCode, SubjectKind subjectKind, long subjectId, String description) {
}
