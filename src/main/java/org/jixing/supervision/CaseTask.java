package org.jixing.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** A task of a case, with its assignee, due date, status and result. */
public record CaseTask(long id, long caseId, Kind kind, String assignee, LocalDate dueOn, Status status, String result,
        String createdBy, Instant createdAt, Instant doneAt, int version) {

    public enum Kind {

        ON_SITE_VISIT, TRAINEE_CALLBACK, DOCUMENT_REQUEST

    }

    public enum Status {

        OPEN, DONE, CANCELLED

    }

}
