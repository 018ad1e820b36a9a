package org.jixing.supervision;

/** What an inspector found on a visit. */
public enum VisitVerdict {

    AS_EXPECTED, DISCREPANCIES, NO_CLASS_HELD;

    /** Whether a visit with this verdict may ask for a case. */
    public boolean mayOpenCase() {
        return this != AS_EXPECTED;
    }

}
