package org.jixing.subsidy;

import org.jixing.shared.Money;

/**
 * One trainee's amount on a claim and how it was reached: the standard of the level in
 * the occupation's demand tier, the trainee-group adjustment and what it rested on
 * ({@code groupEvidence}: the registry's record or the provider's declaration; null when
 * no group applied, or for lines priced before the evidence was kept), and what a cap
 * took off. {@code recovered} is true once a recovery order covers the line.
 */
public record ClaimLine(long id, long enrolmentId, long personId, String name, String idNumberMasked, RuleSet.Tier tier,
        Money standard, String groupCode, int adjustPercent, RuleSet.CapKind capKind, Money capCut, Money amount,
        boolean recovered, GroupEvidence groupEvidence) {

    /** Whether a trainee group raised the amount above the standard. */
    public boolean adjusted() {
        return groupCode != null && adjustPercent > 0;
    }

    /** What the group adjustment added: the part of the amount above the standard. */
    public Money adjustment() {
        return adjusted() && amount.compareTo(standard) > 0 ? amount.minus(standard) : Money.ZERO;
    }

    /** Whether the adjustment rests only on the provider's own declaration. */
    public boolean declaredOnly() {
        return adjusted() && groupEvidence != null && groupEvidence.declaredOnly();
    }

}
