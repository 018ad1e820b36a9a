package org.jixing.supervision;

import java.time.Instant;

/**
 * A complaint or report (投诉举报) about a provider or one of its classes, from a signed-in
 * trainee or the public (with a contact), decided here UPHELD or NOT_UPHELD with a
 * reason; a case may be opened from it.
 */
public record Complaint(long id, String complaintNo, Source source, Long personId, String contact, long providerId,
        Long classId, String regionCode, String details, Status status, String decisionReason, String decidedBy,
        Instant decidedAt, Long caseId, Instant receivedAt, int version) {

    public enum Source {

        TRAINEE, PUBLIC

    }

    public enum Status {

        RECEIVED, UPHELD, NOT_UPHELD

    }

}
