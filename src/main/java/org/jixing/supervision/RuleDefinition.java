package org.jixing.supervision;

import java.util.List;

/**
 * What a rule's code declares: its code, the events it runs on besides the scans, the
 * parameters it reads, and its first version's severity, blocking and descriptions. The
 * first version is published from this at start-up; later versions are data.
 */
public record RuleDefinition(String code, List<Trigger> triggers, List<RuleParameter> parameters, Severity severity,
        boolean blocking, String descriptionZh, String descriptionEn) {

    /** The events a rule runs on as they arrive; every rule also runs in the scans. */
    public enum Trigger {

        CHECK_IN, ENROLMENT, COMPLETION, CLAIM, CERTIFICATE, CONFIRMATION, EMPLOYMENT_RECORDS

    }

}
