package org.jixing.supervision.rules;

import java.util.ArrayList;
import java.util.List;

import org.jixing.subsidy.ClaimRiskFacts;
import org.jixing.subsidy.ClaimRiskFacts.FiledClaim;
import org.jixing.supervision.Hit;
import org.jixing.supervision.RiskRule;
import org.jixing.supervision.RuleDefinition;
import org.jixing.supervision.RuleDefinition.Trigger;
import org.jixing.supervision.RuleParameter;
import org.jixing.supervision.RuleVersion;
import org.jixing.supervision.ScanWindow;
import org.jixing.supervision.Severity;
import org.springframework.stereotype.Component;

/**
 * ALL_HIGHEST_ADJUSTMENT: every trainee of a claim (of at least {@code minTrainees}) is
 * priced at the rule set's highest group adjustment: a whole class of the most favoured
 * group is rare, a roster dressed up to look like one is not.
 */
@Component
public class AllHighestAdjustmentRule implements RiskRule {

    static final String CODE = "ALL_HIGHEST_ADJUSTMENT";

    private final ClaimRiskFacts claims;

    AllHighestAdjustmentRule(ClaimRiskFacts claims) {
        this.claims = claims;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CLAIM),
                List.of(RuleParameter.of("minTrainees", 10, 2, 1000, "申请中学员人数至少达到此数才判断",
                        "The fewest trainees on a claim for the rule to judge it")),
                Severity.MEDIUM, false, "补贴申请中全部学员均按最高上浮比例计算",
                "Every trainee of the claim is priced at the highest group adjustment");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        return hits(ClaimsInWindow.of(claims, window), (int) version.whole("minTrainees"));
    }

    static List<Hit> hits(List<FiledClaim> filed, int minTrainees) {
        List<Hit> out = new ArrayList<>();
        for (FiledClaim c : filed) {
            if (c.highestPercent() > 0 && c.lines() >= minTrainees && c.linesAtHighest() == c.lines()) {
                out.add(ClaimsInWindow.hit(c, Math.min(100, 50 + c.lines()),
                        Evidence.of("claimNo", c.claimNo(), "classNo", c.classNo(), "trainees", c.lines(), "atHighest",
                                c.linesAtHighest(), "highestPercent", c.highestPercent(), "minTrainees", minTrainees)));
            }
        }
        return out;
    }

}
