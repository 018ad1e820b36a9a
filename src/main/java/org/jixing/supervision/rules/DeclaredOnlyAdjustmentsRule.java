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
 * DECLARED_ONLY_ADJUSTMENTS: at least {@code minLines} of a claim's trainees, and at
 * least {@code sharePercent} of them, are priced up for a group only the provider's own
 * roster file declared (no officer recorded it).
 */
@Component
public class DeclaredOnlyAdjustmentsRule implements RiskRule {

    static final String CODE = "DECLARED_ONLY_ADJUSTMENTS";

    private final ClaimRiskFacts claims;

    DeclaredOnlyAdjustmentsRule(ClaimRiskFacts claims) {
        this.claims = claims;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CLAIM), List.of(
                RuleParameter.of("minLines", 3, 1, 1000, "仅凭机构申报上浮的学员至少达到此人数",
                        "The fewest trainees adjusted on the provider's declaration alone"),
                RuleParameter.of("sharePercent", 50, 1, 100, "仅凭机构申报上浮的学员占申请学员的最低百分比",
                        "The lowest share (percent) of the claim's trainees adjusted on the declaration alone")),
                Severity.MEDIUM, false, "补贴申请中较多学员的群体上浮仅凭培训机构自行申报",
                "Many of the claim's group adjustments rest only on the provider's own declaration");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        return hits(ClaimsInWindow.of(claims, window), (int) version.whole("minLines"), version.number("sharePercent"));
    }

    static List<Hit> hits(List<FiledClaim> filed, int minLines, double sharePercent) {
        List<Hit> out = new ArrayList<>();
        for (FiledClaim c : filed) {
            if (c.lines() == 0 || c.declaredLines() < minLines) {
                continue;
            }
            double share = c.declaredLines() * 100.0 / c.lines();
            if (share >= sharePercent) {
                out.add(ClaimsInWindow.hit(c, (int) Math.round(40 + share / 2),
                        Evidence.of("claimNo", c.claimNo(), "classNo", c.classNo(), "trainees", c.lines(),
                                "adjustedLines", c.adjustedLines(), "declaredLines", c.declaredLines(),
                                "declaredSharePercent", Math.round(share * 10) / 10.0, "adjustmentFen",
                                c.adjustmentFen(), "declaredFen", c.declaredFen())));
            }
        }
        return out;
    }

}
