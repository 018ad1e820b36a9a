package org.jixing.supervision.rules;

import java.time.LocalDate;
import java.util.List;

import org.jixing.supervision.Hit;
import org.jixing.supervision.RiskRule;
import org.jixing.supervision.RuleDefinition;
import org.jixing.supervision.RuleDefinition.Trigger;
import org.jixing.supervision.RuleVersion;
import org.jixing.supervision.ScanWindow;
import org.jixing.supervision.Severity;
import org.jixing.training.ClassFacts;
import org.springframework.stereotype.Component;

/**
 * ENROLMENT_SURGE: a provider's enrolments on a day of the period far above its usual
 * rate.
 */
@Component
class EnrolmentSurge implements RiskRule {

    static final String CODE = "ENROLMENT_SURGE";

    private final ClassFacts facts;

    EnrolmentSurge(ClassFacts facts) {
        this.facts = facts;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.ENROLMENT), Surges.parameters("人次报名", "enrolments"),
                Severity.MEDIUM, false, "机构报名人数远超其日常水平", "A provider's enrolments far above its usual rate");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        if (window.focused() && window.providerIds().isEmpty()) {
            return List.of();
        }
        int history = (int) version.whole("historyDays");
        LocalDate first = RuleSupport.firstDay(window.from());
        LocalDate dayAfter = RuleSupport.dayAfter(window.to());
        return Surges.find(facts.enrolmentsPerDay(first.minusDays(history), dayAfter, window.providerIds()), first,
                dayAfter.minusDays(1), version.number("factor"), version.whole("minCount"), history,
                version.number("floorPerDay"));
    }

}
