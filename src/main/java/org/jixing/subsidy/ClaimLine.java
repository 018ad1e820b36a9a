package org.jixing.subsidy;

import org.jixing.shared.Money;

/**
 * One trainee's amount on a claim and how it was reached: the standard of the level in
 * the occupation's demand tier, the trainee-group adjustment, and what a cap took off.
 * {@code recovered} is true once a recovery order covers the line.
 */
public record ClaimLine(long id, long enrolmentId, long personId, String name, String idNumberMasked, RuleSet.Tier tier,
        Money standard, String groupCode, int adjustPercent, RuleSet.CapKind capKind, Money capCut, Money amount,
        boolean recovered) {
}
