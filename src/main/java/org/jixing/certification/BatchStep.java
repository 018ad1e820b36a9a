package org.jixing.certification;

import java.util.List;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * The steps of an assessment batch after it is scheduled. Each is guarded twice: who may
 * take it, by its permission (and, for the steps of the body's own work, only the body's
 * evaluators), and from which state, by {@link AssessmentBatch#take}. The services refuse
 * what these refuse; the batch page asks the same methods which buttons to show.
 */
public enum BatchStep {

    /** Candidates join a batch until its results are published. */
    ADD_CANDIDATES(CertificationPermission.ASSESSMENT_RECORD, true, "evaluators run assessment batches"),
    /**
     * Scores are entered and corrected until publication, not before the province
     * approves.
     */
    SCORE(CertificationPermission.ASSESSMENT_RECORD, true, "evaluators run assessment batches"),
    /** A second evaluator confirms the entered scores. */
    SIGN_OFF(CertificationPermission.ASSESSMENT_RECORD, true, "evaluators run assessment batches"),
    /** The signed-off results are published: the publicity period starts. */
    PUBLISH(CertificationPermission.ASSESSMENT_RECORD, true, "evaluators run assessment batches"),
    /** The province approves a special-level batch, so that scoring may begin. */
    APPROVE(CertificationPermission.ASSESSMENT_APPROVE, false, "the province approves special-level batches"),
    /** Anyone signed in challenges a published result while the publicity period runs. */
    CHALLENGE(CertificationPermission.RESULT_CHALLENGE, false, "challenging a result"),
    /** The body or the province decides a challenge while the results are published. */
    DECIDE_CHALLENGE(CertificationPermission.CHALLENGE_DECIDE, false, "the body or the province decides challenges"),
    /** The results become final after the publicity period. */
    FINALISE(CertificationPermission.ASSESSMENT_RECORD, false, "the body or the province finalises");

    private final CertificationPermission permission;

    private final boolean bodyOnly;

    private final String refusal;

    BatchStep(CertificationPermission permission, boolean bodyOnly, String refusal) {
        this.permission = permission;
        this.bodyOnly = bodyOnly;
        this.refusal = refusal;
    }

    /** Whether the user's role may take this step (on a batch in their scope). */
    public boolean mayBeTakenBy(CurrentUser me) {
        return permission.allows(me) && (!bodyOnly || me.hasRole(Role.EVALUATOR));
    }

    /** The signed-in user, if they may take this step; refused (403) otherwise. */
    public CurrentUser requireTakenBy() {
        CurrentUser me = CurrentUser.require();
        if (!mayBeTakenBy(me)) {
            throw new AccessDeniedException(refusal);
        }
        return me;
    }

    /** What a batch says to a step: the status it leads to, or why not. */
    public sealed interface Transition {

        /** Whether the step may be taken. */
        default boolean allowed() {
            return this instanceof Allowed;
        }

        /**
         * The status the step leads to; refused as invalid input when it may not be
         * taken.
         */
        AssessmentBatch.Status next();

    }

    /** The step may be taken and leads to {@code next}. */
    public record Allowed(AssessmentBatch.Status next) implements Transition {
    }

    /** The step may not be taken now: the message that says why, with its arguments. */
    public record Refused(String messageKey, List<String> args) implements Transition {

        Refused(String messageKey) {
            this(messageKey, List.of());
        }

        @Override
        public AssessmentBatch.Status next() {
            throw InvalidInputException.of(null, messageKey, args.toArray());
        }

    }

}
