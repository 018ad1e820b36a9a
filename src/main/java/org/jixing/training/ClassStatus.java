package org.jixing.training;

/** The life of a class from its opening application to its closing. */
public enum ClassStatus {

    /** The provider applied to open it; the region decides. */
    SUBMITTED,
    /** The region approved the opening; enrolment is open. */
    APPROVED,
    /** The region refused the opening; the reason says why. */
    REJECTED,
    /** Sessions have begun. */
    RUNNING,
    /** The last session is over and completions are recorded. */
    COMPLETED,
    /** Settled: nothing more changes. */
    CLOSED,
    /** Called off before completion, with a reason. */
    CANCELLED;

    /**
     * The region approved the opening and it was not called off: the classes a year's
     * figures count as opened.
     */
    public boolean opened() {
        return this == APPROVED || this == RUNNING || this == COMPLETED || this == CLOSED;
    }

}
