package org.jixing.subsidy;

/**
 * What a user may do with a claim. Whether they may, and where it leads, the claim
 * decides ({@link Claim#step}): from which state its status, who by the module's policy
 * ({@link SubsidyPermission}).
 */
public enum ClaimAction {

    /** Taking a decision at the claim's review stage: approve, reject or return. */
    REVIEW,
    /** A reviewer approves: on to the province, or approved for good. */
    APPROVE,
    /** A reviewer refuses the claim for good. */
    REJECT,
    /** A reviewer sends the claim back to the provider for correction. */
    RETURN,
    /** The provider files a returned claim again. */
    RESUBMIT,
    /** The provider attaches evidence to a claim not yet decided. */
    ATTACH,
    /** An officer opens a recovery of money paid on the claim. */
    RECOVER;

    /** The action a reviewer's decision takes. */
    public static ClaimAction of(ClaimDecision.Action decision) {
        return switch (decision) {
            case APPROVE -> APPROVE;
            case REJECT -> REJECT;
            case RETURN -> RETURN;
        };
    }

}
