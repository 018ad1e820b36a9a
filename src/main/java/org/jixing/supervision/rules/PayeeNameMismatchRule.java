package org.jixing.supervision.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.subsidy.ClaimRiskFacts;
import org.jixing.subsidy.ClaimRiskFacts.FiledClaim;
import org.jixing.supervision.Hit;
import org.jixing.supervision.RiskRule;
import org.jixing.supervision.RuleDefinition;
import org.jixing.supervision.RuleDefinition.Trigger;
import org.jixing.supervision.RuleVersion;
import org.jixing.supervision.ScanWindow;
import org.jixing.supervision.Severity;
import org.springframework.stereotype.Component;

/**
 * PAYEE_NAME_MISMATCH: the account a claim is to be paid into is held in another name
 * than the provider's registered one (spaces, case and full-width brackets aside). The
 * money would leave the provider: blocking.
 */
@Component
public class PayeeNameMismatchRule implements RiskRule {

    static final String CODE = "PAYEE_NAME_MISMATCH";

    private final ClaimRiskFacts claims;

    private final Filings filings;

    PayeeNameMismatchRule(ClaimRiskFacts claims, Filings filings) {
        this.claims = claims;
        this.filings = filings;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CLAIM), List.of(), Severity.HIGH, true,
                "补贴申请的收款账户户名与培训机构备案名称不一致",
                "The claim's payee account name differs from the provider's registered name");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        List<FiledClaim> filed = ClaimsInWindow.of(claims, window);
        if (filed.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = filings.names(Registry.PROVIDER,
                filed.stream().map(FiledClaim::providerId).distinct().toList());
        return hits(filed, names);
    }

    /** The claims whose payee name is not the provider's registered name. */
    static List<Hit> hits(List<FiledClaim> filed, Map<Long, String> registeredNames) {
        List<Hit> out = new ArrayList<>();
        for (FiledClaim c : filed) {
            String registered = registeredNames.getOrDefault(c.providerId(), c.providerName());
            if (!normalised(registered).equals(normalised(c.payeeName()))) {
                out.add(ClaimsInWindow.hit(c, 90,
                        Evidence.of("claimNo", c.claimNo(), "classNo", c.classNo(), "providerName", registered,
                                "payeeName", c.payeeName(), "payeeAccount", Evidence.maskAccount(c.payeeAccount()),
                                "amountFen", c.amountFen())));
            }
        }
        return out;
    }

    static String normalised(String name) {
        if (name == null) {
            return "";
        }
        return name.replace('（', '(').replace('）', ')').replaceAll("[\\s\\u3000]+", "").toLowerCase(Locale.ROOT);
    }

}
