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
 * COMPLETION_SURGE: a provider's completions on a day of the period far above its usual
 * rate.
 */
@Component
class CompletionSurge implements RiskRule {

    static final String CODE = "COMPLETION_SURGE";

    private final ClassFacts facts;

    CompletionSurge(ClassFacts facts) {
        this.facts = facts;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.COMPLETION), Surges.parameters("人次结业", "completions"),
                Severity.MEDIUM, false, "机构结业人数远超其日常水平", "A provider's completions far above its usual rate");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        if (window.focused() && window.providerIds().isEmpty()) {
            return List.of();
        }
        int history = (int) version.whole("historyDays");
        LocalDate first = RuleSupport.firstDay(window.from());
        LocalDate dayAfter = RuleSupport.dayAfter(window.to());
        return Surges.find(facts.completionsPerDay(first.minusDays(history), dayAfter, window.providerIds()), first,
                dayAfter.minusDays(1), version.number("factor"), version.whole("minCount"), history,
                version.number("floorPerDay"));
    }

}
