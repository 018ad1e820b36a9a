package org.jixing.training;

import java.util.List;

import org.jixing.shared.InvalidInputException.Problem;

/**
 * The outcome of the enrolment rules for one person and class: {@code blocking} refuse
 * any enrolment, {@code subsidy} only the subsidy.
 */
public record Eligibility(List<Problem> blocking, List<Problem> subsidy) {

    public boolean eligibleForSubsidy() {
        return blocking.isEmpty() && subsidy.isEmpty();
    }

}
