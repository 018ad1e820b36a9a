package org.jixing.subsidy;

import java.util.List;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.springframework.security.access.AccessDeniedException;

/**
 * Where an action on a claim leads: the status it moves the claim to, or why it may not
 * be taken. The services take the step only when it is allowed; the claim page shows an
 * action's button only when it is.
 */
public sealed interface ClaimStep {

    boolean allowed();

    /**
     * The step, or the refusal as the services have always refused: a policy refusal as
     * access denied, a state or a tie as invalid input.
     */
    Allowed orThrow();

    /**
     * The action may be taken: the claim moves to {@code to} (unchanged for actions that
     * do not move it), at the reviewers' {@code stage} (or {@code PROVIDER}).
     */
    record Allowed(ClaimStatus to, String stage) implements ClaimStep {

        @Override
        public boolean allowed() {
            return true;
        }

        @Override
        public Allowed orThrow() {
            return this;
        }

    }

    /** Why an action may not be taken. */
    enum Reason {

        /** The module's policy does not let the user take it at this stage. */
        NOT_PERMITTED,
        /** The claim's status does not allow it. */
        STATE,
        /** The user filed the claim or declared a tie to its provider. */
        CONFLICT,
        /**
         * A blocking supervision alert holds the claim (数据锁): it may not be approved.
         */
        HELD

    }

    /**
     * The action may not be taken: {@code problem} says why to the user, {@code message}
     * (for {@link Reason#NOT_PERMITTED}) to the log.
     */
    record Refused(Reason reason, Problem problem, String message) implements ClaimStep {

        static Refused notPermitted(String message) {
            return new Refused(Reason.NOT_PERMITTED, null, message);
        }

        static Refused state(String field, String key) {
            return new Refused(Reason.STATE, new Problem(field, key), null);
        }

        @Override
        public boolean allowed() {
            return false;
        }

        @Override
        public Allowed orThrow() {
            if (reason == Reason.NOT_PERMITTED) {
                throw new AccessDeniedException(message);
            }
            throw new InvalidInputException(List.of(problem));
        }

    }

}
