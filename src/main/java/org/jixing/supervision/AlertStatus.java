package org.jixing.supervision;

/**
 * Where an alert stands. OPEN and IN_CASE are live: a new hit of the same rule on the
 * same subject merges into it. A blocking alert holds payment while OPEN, IN_CASE or
 * CONFIRMED; DISMISSED (found false, which counts against the rule) and CLEARED (the lock
 * lifted with a reason, the finding kept) release it.
 */
public enum AlertStatus {

    OPEN, IN_CASE, CONFIRMED, DISMISSED, CLEARED;

    public boolean live() {
        return this == OPEN || this == IN_CASE;
    }

    /** Whether a blocking alert in this status holds the claims it targets. */
    public boolean holds() {
        return this == OPEN || this == IN_CASE || this == CONFIRMED;
    }

}
