package org.jixing.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An outcome that closes a case: CONFIRMED with one or more steps of the sanction ladder
 * (by code), or DISMISSED as false; the reason is required. With a RECOVERY step, the
 * paid claims of the subject to recover from and the due date of the recovery orders.
 */
public record CaseOutcome(CaseStatus result, int version, String reason, List<String> steps, Set<Long> recoveryClaimIds,
        LocalDate recoveryDueOn) {
}
