package org.jixing.subsidy;

import java.util.Optional;

import org.jixing.subsidy.internal.PayeeStore;
import org.jixing.subsidy.internal.RuleStore;
import org.jixing.subsidy.internal.StandingStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a claim for a completed class would hold, before the provider files it: each
 * trainee priced with the rules in force on the class's first day, the ones left out with
 * the reason, and what keeps it from being filed.
 */
@Service
@EnableConfigurationProperties(SubsidyProperties.class)
public class ClaimPreviews {

    private final ClaimableClasses classes;

    private final StandingStore standing;

    private final PayeeStore payees;

    private final RuleStore rules;

    private final ClaimPricing pricing;

    ClaimPreviews(ClaimableClasses classes, StandingStore standing, PayeeStore payees, RuleStore rules,
            SubsidyProperties settings) {
        this.classes = classes;
        this.standing = standing;
        this.payees = payees;
        this.rules = rules;
        this.pricing = new ClaimPricing(settings);
    }

    @Transactional(readOnly = true)
    public ClaimPreview preview(long classId) {
        return preview(classId, 0);
    }

    /**
     * The preview of a claim for the class as if {@code exceptClaimId} (a claim being
     * filed again) did not stand.
     */
    ClaimPreview preview(long classId, long exceptClaimId) {
        ClaimableClass k = classes.get(classId);
        Optional<Claim> other = standing.standingClaimOfClass(classId).filter(claim -> claim.id() != exceptClaimId);
        return pricing.price(k, rules.inForceOn(k.trainingClass().startDate()),
                payees.payee(k.trainingClass().providerId()), other,
                standing.standingByPerson(k.personIds(), k.trainingClass().startDate().getYear(), exceptClaimId));
    }

}
