package org.jixing.supervision.rules;

import org.jixing.employment.ContributionsImported;
import org.jixing.supervision.RiskScans;
import org.jixing.supervision.RuleDefinition.Trigger;
import org.jixing.supervision.ScanWindow;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the rules over employment records when a contribution file is imported: the rules
 * of trigger EMPLOYMENT_RECORDS look back over the enrolments of their look-back from the
 * import's moment.
 */
@Component
class EmploymentRuleTriggers {

    private final RiskScans scans;

    EmploymentRuleTriggers(RiskScans scans) {
        this.scans = scans;
    }

    @EventListener
    void on(ContributionsImported e) {
        if (e.rowsMatched() > 0) {
            scans.onEvent(Trigger.EMPLOYMENT_RECORDS,
                    ScanWindow.between(e.finishedAt(), e.finishedAt().plusSeconds(1)));
        }
    }

}
