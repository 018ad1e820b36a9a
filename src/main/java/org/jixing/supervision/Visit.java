package org.jixing.supervision;

import java.time.Instant;
import java.util.List;

/**
 * An inspector's visit to a class, with the roster as found and the photos' particulars.
 * {@code sampleId} names the month's sample when the class was drawn in it;
 * {@code caseRequested} says the inspector opened a case with it, {@code caseId} and
 * {@code caseNo} name that case.
 */
public record Visit(long id, String visitNo, long classId, String classNo, String regionCode, long providerId,
        Long sampleId, VisitVerdict verdict, int rosterSize, int presentCount, int unknownPresent, String remarks,
        boolean caseRequested, Long caseId, String caseNo, String visitedBy, Instant visitedAt, List<Presence> presence,
        List<Photo> photos) {

    /** One enrolment of the roster at the visit, found present or not. */
    public record Presence(long enrolmentId, long personId, boolean present) {
    }

    /** A photo's particulars; its content is read apart. */
    public record Photo(long id, String fileName, String contentType, long sizeBytes, String sha256) {
    }

    /** A photo uploaded with a visit. */
    public record Upload(String fileName, byte[] content) {
    }

}
