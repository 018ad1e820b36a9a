package org.jixing.subsidy;

import java.util.List;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.springframework.security.access.AccessDeniedException;

/**
 * Where an action on a payment order leads: the status it moves the order to, or why it
 * may not be taken.
 */
public sealed interface PaymentStep {

    boolean allowed();

    /** The step, or the refusal as the services have always refused. */
    Allowed orThrow();

    /**
     * The step may be taken: the order moves to {@code to} (unchanged for a download
     * after the first). An import settles the order too once every line is paid or
     * failed.
     */
    record Allowed(PaymentOrder.Status to) implements PaymentStep {

        @Override
        public boolean allowed() {
            return true;
        }

        @Override
        public Allowed orThrow() {
            return this;
        }

    }

    /**
     * The step may not be taken: by the policy ({@code problem} null, access denied) or
     * from the order's status ({@code problem} says why).
     */
    record Refused(Problem problem, String message) implements PaymentStep {

        @Override
        public boolean allowed() {
            return false;
        }

        public boolean notPermitted() {
            return problem == null;
        }

        @Override
        public Allowed orThrow() {
            if (notPermitted()) {
                throw new AccessDeniedException(message);
            }
            throw new InvalidInputException(List.of(problem));
        }

    }

}
