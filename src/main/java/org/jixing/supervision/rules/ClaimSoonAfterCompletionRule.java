package org.jixing.supervision.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.jixing.training.SupervisedTraining;
import org.springframework.stereotype.Component;

/**
 * CLAIM_SOON_AFTER_COMPLETION: a claim filed within {@code minutes} of its class's
 * completion. Claims are prepared from the records after a class ends; one ready the
 * moment the class completes was prepared before anyone could know who completed.
 */
@Component
public class ClaimSoonAfterCompletionRule implements RiskRule {

    static final String CODE = "CLAIM_SOON_AFTER_COMPLETION";

    private final ClaimRiskFacts claims;

    private final SupervisedTraining training;

    ClaimSoonAfterCompletionRule(ClaimRiskFacts claims, SupervisedTraining training) {
        this.claims = claims;
        this.training = training;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CLAIM),
                List.of(RuleParameter.of("minutes", 30, 1, 1440, "班级结业后多少分钟内提交的补贴申请视为异常",
                        "Minutes after the class completed within which a claim is suspicious")),
                Severity.MEDIUM, false, "班级结业后数分钟内即提交补贴申请",
                "The claim was filed within minutes of the class completing");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        List<FiledClaim> filed = ClaimsInWindow.of(claims, window);
        if (filed.isEmpty()) {
            return List.of();
        }
        return hits(filed, training.completedAt(filed.stream().map(FiledClaim::classId).distinct().toList()),
                (int) version.whole("minutes"));
    }

    static List<Hit> hits(List<FiledClaim> filed, Map<Long, Instant> completedAt, int minutes) {
        List<Hit> out = new ArrayList<>();
        for (FiledClaim c : filed) {
            Instant done = completedAt.get(c.classId());
            if (done == null || c.submittedAt().isBefore(done)) {
                continue;
            }
            long seconds = Duration.between(done, c.submittedAt()).getSeconds();
            if (seconds <= minutes * 60L) {
                out.add(ClaimsInWindow.hit(c, (int) (100 - Math.min(50, seconds / 60)),
                        Evidence.of("claimNo", c.claimNo(), "classNo", c.classNo(), "classCompletedAt", done.toString(),
                                "claimFiledAt", c.submittedAt().toString(), "minutesBetween", seconds / 60, "minutes",
                                minutes)));
            }
        }
        return out;
    }

}
