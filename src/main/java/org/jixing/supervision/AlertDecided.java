package org.jixing.supervision;

/** An alert was decided: from and to which status, within which case (if any). */
public record AlertDecided(long alertId, String ruleCode, AlertStatus from, AlertStatus to, Long caseId) {
}
