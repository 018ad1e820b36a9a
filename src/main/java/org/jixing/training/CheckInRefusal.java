package org.jixing.training;

/**
 * Why an attendance event was not accepted, in the order the rules are applied: first
 * what the server knows without believing the sender (the session, whose it is, the
 * device, when the event arrived), then what the event says (the class open, the person
 * enrolled, the time within the session's window, the place within the venue's radius,
 * the face result, no earlier event of the kind).
 */
public enum CheckInRefusal {

    /** No such session. */
    UNKNOWN_SESSION,
    /** A terminal of one provider sent an event for another provider's session. */
    OTHER_PROVIDER,
    /** The event names no device. */
    DEVICE_REQUIRED,
    /** The device is not a terminal registered by the sender's provider. */
    UNREGISTERED_DEVICE,
    /** The terminal was retired. */
    RETIRED_DEVICE,
    /** The terminal is registered at a venue farther than the radius from the class's. */
    TERMINAL_ELSEWHERE,
    /** Dated after its arrival by more than the allowed clock skew. */
    DATED_IN_FUTURE,
    /** Arrived after the session's late-upload window closed. */
    UPLOADED_TOO_LATE,
    /** The class is not approved or running. */
    CLASS_NOT_OPEN,
    /** The person is not on the class's roster (or not the sender). */
    NOT_ENROLLED,
    /** Not within the minutes around the session's start and end. */
    OUTSIDE_WINDOW,
    /** Not within the radius of the venue, or no position where one is needed. */
    OUTSIDE_RADIUS,
    /** The class needs a face result and the event carries none. */
    FACE_REQUIRED,
    /** The face result is below the lowest score allowed. */
    LOW_FACE_MATCH,
    /** The session already has an accepted event of this kind for the person. */
    DUPLICATE

}
