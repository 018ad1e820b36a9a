package org.jixing.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jixing.shared.scope.CurrentUser;

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

    /**
     * Whether a step may be taken from the batch's state on a day, and the status it
     * leads to: candidates and scores while planned or scoring (scores not before a
     * required approval), sign-off and publication while scoring, challenges and their
     * decisions while published (a challenge only until the period ends), finalising
     * after the period.
     */
    public BatchStep.Transition take(BatchStep step, LocalDate today) {
        boolean open = status == Status.PLANNED || status == Status.SCORING;
        return switch (step) {
            case ADD_CANDIDATES ->
                open ? new BatchStep.Allowed(status) : new BatchStep.Refused("assessment.error.notOpenForCandidates");
            case SCORE -> !open ? new BatchStep.Refused("assessment.error.notScoring")
                    : provinceApproval == Approval.REQUIRED ? new BatchStep.Refused("assessment.error.awaitingApproval")
                            : new BatchStep.Allowed(Status.SCORING);
            case SIGN_OFF -> status == Status.SCORING ? new BatchStep.Allowed(Status.SCORING)
                    : new BatchStep.Refused("assessment.error.notScoring");
            case PUBLISH -> status == Status.SCORING ? new BatchStep.Allowed(Status.PUBLICITY)
                    : new BatchStep.Refused("assessment.error.notScoring");
            case APPROVE -> provinceApproval == Approval.REQUIRED ? new BatchStep.Allowed(status)
                    : new BatchStep.Refused("assessment.error.noApprovalNeeded");
            case CHALLENGE -> status != Status.PUBLICITY ? new BatchStep.Refused("assessment.error.notPublicity")
                    : today.isAfter(publicityUntil) ? new BatchStep.Refused("assessment.error.publicityOver")
                            : new BatchStep.Allowed(status);
            case DECIDE_CHALLENGE -> status == Status.PUBLICITY ? new BatchStep.Allowed(status)
                    : new BatchStep.Refused("assessment.error.challengeDecided");
            case FINALISE -> status != Status.PUBLICITY ? new BatchStep.Refused("assessment.error.notPublicity")
                    : !today.isAfter(publicityUntil) ? new BatchStep.Refused("assessment.error.publicityRunning",
                            List.of(publicityUntil.toString())) : new BatchStep.Allowed(Status.FINAL);
        };
    }

    /**
     * Whether the user may take a step on this batch today: who, and from which state.
     */
    public boolean allows(BatchStep step, CurrentUser me, LocalDate today) {
        return step.mayBeTakenBy(me) && take(step, today).allowed();
    }

}
