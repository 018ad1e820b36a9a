package org.jixing.supervision;

/**
 * A step of the sanction ladder (data: {@code supervision_sanction_step}): its code, rank
 * (low to high), names and what it does when an outcome takes it.
 */
public record SanctionStep(String code, int rank, String nameZh, String nameEn, Effect effect) {

    public enum Effect {

        /** Recorded on the case only (a warning, rectification, referral). */
        RECORD,
        /** Suspends the subject's filing. */
        SUSPEND,
        /** Blacklists the subject's filing (the province's inspectors). */
        BLACKLIST,
        /** Opens recovery orders for the paid claims the inspector names. */
        RECOVER

    }

    public String name(boolean english) {
        return english ? nameEn : nameZh;
    }

}
