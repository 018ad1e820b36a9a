package org.jixing.supervision;

import java.util.List;
import java.util.Map;

/**
 * What a rule found about one subject: the subject with a label people recognise (a class
 * number, a provider's name, a masked ID number), the scope it belongs to (copied to the
 * alert so the desk is scoped like everything else), a score from 0 to 100, the evidence
 * (the records and values that fired it, as names and plain values) and the other records
 * it targets (a blocking alert holds the claims among them, of their classes, or with
 * their enrolments on a line).
 */
public record Hit(SubjectKind subjectKind, long subjectId, String subjectLabel, String regionCode, String lineCode,
        Long providerId, Long bodyId, int score, Map<String, Object> evidence, List<Target> targets) {

    public Hit {
        score = Math.max(0, Math.min(100, score));
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** A record an alert targets. */
    public record Target(SubjectKind kind, long id) {
    }

}
