package org.jixing.training;

/**
 * Enrol a person by ID number. Name and phone register a person not yet in the registry.
 * With {@code selfFundedIfIneligible}, a person who fails a subsidy rule is enrolled
 * self-funded instead of refused.
 */
public record EnrolmentRequest(String idNumber, String name, String phone, Boolean selfFundedIfIneligible) {

    @Override
    public String toString() {
        return "EnrolmentRequest[" + name + "]";
    }

}
