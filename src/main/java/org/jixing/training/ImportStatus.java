package org.jixing.training;

/**
 * Where a roster import is: waiting, running, done, rejected (all or nothing, and some
 * rows were invalid), cancelled, or failed (with what was committed).
 */
public enum ImportStatus {

    QUEUED, RUNNING, DONE, REJECTED, CANCELLED, FAILED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }

}
