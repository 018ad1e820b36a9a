package org.jixing.training;

/**
 * What an attendance event says: a terminal's check-in or check-out, or a provider's
 * correction.
 */
public enum AttendanceKind {

    CHECK_IN, CHECK_OUT, MARK_PRESENT, MARK_ABSENT;

    public boolean isCorrection() {
        return this == MARK_PRESENT || this == MARK_ABSENT;
    }

}
