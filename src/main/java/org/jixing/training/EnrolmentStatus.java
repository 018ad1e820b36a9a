package org.jixing.training;

/** Where a person stands on a class roster. */
public enum EnrolmentStatus {

    ENROLLED, WITHDRAWN, COMPLETED, NOT_COMPLETED

}
