package org.jixing.subsidy;

import java.util.List;
import java.util.Optional;

import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.Money;
import org.jixing.training.TrainingClass;

/**
 * What a claim for a class would hold, computed and not saved: the trainees priced (each
 * group adjustment with what it rests on), the ones left out with why, and
 * {@code problems} that keep it from being filed at all.
 */
public record ClaimPreview(TrainingClass trainingClass, RuleSet rules, String fundSourceCode, List<ClaimLine> lines,
        List<ClaimExclusion> exclusions, Money total, boolean provinceReview, Optional<Payee> payee,
        List<Problem> problems) {

    public boolean fileable() {
        return problems.isEmpty();
    }

    /** The share of the adjustments that rests only on the provider's declaration. */
    public AdjustmentShare adjustments() {
        return AdjustmentShare.of(lines);
    }

}
