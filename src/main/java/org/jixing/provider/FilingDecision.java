package org.jixing.provider;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A decision on a filed body: which statuses it applies to and where it leads. Approval
 * carries the filing number and validity; every other decision carries a reason.
 */
public sealed interface FilingDecision {

    /** The version of the body the decider saw. */
    int version();

    /** Why; null only for an approval. */
    String reason();

    /** The audit verb: approve, reject, suspend, blacklist, reinstate. */
    String verb();

    Set<FilingStatus> from();

    FilingStatus to();

    record Approve(int version, String filingNo, LocalDate validFrom, LocalDate validUntil) implements FilingDecision {

        public String reason() {
            return null;
        }

        public String verb() {
            return "approve";
        }

        public Set<FilingStatus> from() {
            return EnumSet.of(FilingStatus.PENDING);
        }

        public FilingStatus to() {
            return FilingStatus.ACTIVE;
        }

    }

    record Reject(int version, String reason) implements FilingDecision {

        public String verb() {
            return "reject";
        }

        public Set<FilingStatus> from() {
            return EnumSet.of(FilingStatus.PENDING);
        }

        public FilingStatus to() {
            return FilingStatus.REJECTED;
        }

    }

    record Suspend(int version, String reason) implements FilingDecision {

        public String verb() {
            return "suspend";
        }

        public Set<FilingStatus> from() {
            return EnumSet.of(FilingStatus.ACTIVE);
        }

        public FilingStatus to() {
            return FilingStatus.SUSPENDED;
        }

    }

    record Blacklist(int version, String reason) implements FilingDecision {

        public String verb() {
            return "blacklist";
        }

        public Set<FilingStatus> from() {
            return EnumSet.of(FilingStatus.ACTIVE, FilingStatus.SUSPENDED);
        }

        public FilingStatus to() {
            return FilingStatus.BLACKLISTED;
        }

    }

    /**
     * Back to active after a suspension, or (by the province only) after a blacklisting.
     */
    record Reinstate(int version, String reason) implements FilingDecision {

        public String verb() {
            return "reinstate";
        }

        public Set<FilingStatus> from() {
            return EnumSet.of(FilingStatus.SUSPENDED, FilingStatus.BLACKLISTED);
        }

        public FilingStatus to() {
            return FilingStatus.ACTIVE;
        }

    }

}
