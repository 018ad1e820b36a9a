package org.jixing.subsidy;

/** A reviewer's decision on a claim at the version they saw. */
public record ClaimDecision(int version, Action action, String comment) {

    public enum Action {

        APPROVE, REJECT, RETURN

    }

}
