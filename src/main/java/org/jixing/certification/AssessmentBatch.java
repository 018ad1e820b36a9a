package org.jixing.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An assessment batch (评价批次) as it stands. {@code version} guards concurrent steps. */
public record AssessmentBatch(long id, String batchNo, long evaluationBodyId, String bodyName, String regionCode,
        String occupationCode, String levelCode, Kind kind, LocalDate assessedOn, String venue, Status status,
        Approval provinceApproval, String approvedBy, LocalDate publicityFrom, LocalDate publicityUntil,
        LocalDate finalisedOn, String createdBy, Instant createdAt, int version, List<String> evaluators) {

    /** BODY: an evaluation body's batch; ENTERPRISE: an enterprise's self-evaluation. */
    public enum Kind {

        BODY, ENTERPRISE

    }

    public enum Status {

        PLANNED, SCORING, PUBLICITY, FINAL

    }

    /** Special levels (特级技师, 首席技师) need the province's approval before scoring. */
    public enum Approval {

        NOT_NEEDED, REQUIRED, APPROVED

    }

}
