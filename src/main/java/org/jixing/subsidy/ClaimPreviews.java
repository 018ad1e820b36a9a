package org.jixing.subsidy;

import java.util.Optional;
import java.util.Set;

import org.jixing.employment.EmploymentOutcomes;

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

    private final EmploymentOutcomes outcomes;

    ClaimPreviews(ClaimableClasses classes, StandingStore standing, PayeeStore payees, RuleStore rules,
            SubsidyProperties settings, EmploymentOutcomes outcomes) {
        this.outcomes = outcomes;
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

    /**
     * What an employment claim for a completed class would hold: a line for each trainee
     * the social-insurance records show employed within the months of the employment
     * component in force on the class's first day (employment's
     * {@link EmploymentOutcomes#employedWithin}), the others left out with why.
     */
    @Transactional(readOnly = true)
    public ClaimPreview previewEmployment(long classId) {
        return previewEmployment(classId, 0);
    }

    ClaimPreview previewEmployment(long classId, long exceptClaimId) {
        ClaimableClass k = classes.get(classId);
        Optional<RuleSet> r = rules.inForceOn(k.trainingClass().startDate());
        Optional<Claim> other = standing.standingClaimOfClass(classId, ClaimKind.EMPLOYMENT)
            .filter(claim -> claim.id() != exceptClaimId);
        Set<Long> employed = r.map(RuleSet::employment)
            .map(pay -> outcomes.employedWithin(k.roster().stream().map(t -> t.enrolment().id()).toList(),
                    pay.withinMonths()))
            .orElse(Set.of());
        return pricing.priceEmployment(k, r, payees.payee(k.trainingClass().providerId()), other,
                standing.standingByPerson(k.personIds(), k.trainingClass().startDate().getYear(), exceptClaimId),
                employed);
    }

}
