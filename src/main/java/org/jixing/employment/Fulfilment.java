package org.jixing.employment;

/**
 * A hiring commitment's fulfilment: how many the enterprises committed to hire and how
 * many they recorded as hired, over one class or summed over many.
 */
public record Fulfilment(long classes, long committed, long hired) {

    public static final Fulfilment NONE = new Fulfilment(0, 0, 0);

    public Fulfilment plus(Fulfilment other) {
        return new Fulfilment(classes + other.classes, committed + other.committed, hired + other.hired);
    }

    /** hired / committed, or null when nothing was committed. */
    public Double rate() {
        return committed == 0 ? null : (double) hired / committed;
    }

}
