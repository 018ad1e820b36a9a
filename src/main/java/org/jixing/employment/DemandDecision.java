package org.jixing.employment;

import java.util.EnumSet;
import java.util.Set;

/**
 * A step of a job demand: from which statuses it may be taken and where it leads. A
 * return and a closing carry a reason.
 */
public sealed interface DemandDecision {

    /** The audit verb: approve, return, resubmit, close. */
    String verb();

    /** Why; null where none is asked. */
    String reason();

    Set<DemandStatus> from();

    DemandStatus to();

    /** True when the step needs a reason. */
    default boolean needsReason() {
        return false;
    }

    /** Whether the step may be taken from a status. */
    default boolean allowedFrom(DemandStatus status) {
        return from().contains(status);
    }

    /** The decision named by its verb, or null for an unknown verb. */
    static DemandDecision of(String verb, String reason) {
        if (verb == null) {
            return null;
        }
        return switch (verb) {
            case "approve" -> new Approve();
            case "return" -> new Return(reason);
            case "resubmit" -> new Resubmit();
            case "close" -> new Close(reason);
            default -> null;
        };
    }

    /** The city approves a submitted demand: it opens. */
    record Approve() implements DemandDecision {

        public String verb() {
            return "approve";
        }

        public String reason() {
            return null;
        }

        public Set<DemandStatus> from() {
            return EnumSet.of(DemandStatus.SUBMITTED);
        }

        public DemandStatus to() {
            return DemandStatus.APPROVED;
        }

    }

    /** The city returns a submitted demand with the reason. */
    record Return(String reason) implements DemandDecision {

        public String verb() {
            return "return";
        }

        public Set<DemandStatus> from() {
            return EnumSet.of(DemandStatus.SUBMITTED);
        }

        public DemandStatus to() {
            return DemandStatus.RETURNED;
        }

        @Override
        public boolean needsReason() {
            return true;
        }

    }

    /** The publisher submits a returned demand again. */
    record Resubmit() implements DemandDecision {

        public String verb() {
            return "resubmit";
        }

        public String reason() {
            return null;
        }

        public Set<DemandStatus> from() {
            return EnumSet.of(DemandStatus.RETURNED);
        }

        public DemandStatus to() {
            return DemandStatus.SUBMITTED;
        }

    }

    /** An approved demand is filled or withdrawn (a returned one withdrawn). */
    record Close(String reason) implements DemandDecision {

        public String verb() {
            return "close";
        }

        public Set<DemandStatus> from() {
            return EnumSet.of(DemandStatus.APPROVED, DemandStatus.RETURNED);
        }

        public DemandStatus to() {
            return DemandStatus.CLOSED;
        }

        @Override
        public boolean needsReason() {
            return true;
        }

    }

}
