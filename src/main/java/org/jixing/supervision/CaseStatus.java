package org.jixing.supervision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jixing.shared.InvalidInputException.Problem;

/**
 * Where a case stands: OPEN while inspectors work it, then closed by its outcome as
 * CONFIRMED (the pattern is real; its alerts are confirmed and sanctions may follow) or
 * DISMISSED (found false; its alerts are dismissed, which counts against their rules).
 */
public enum CaseStatus {

    OPEN, CONFIRMED, DISMISSED;

    public boolean closed() {
        return this != OPEN;
    }

    /**
     * The guarded transition of an outcome: the problems that refuse closing a case in
     * this status as {@code to} with these sanction steps, or none. A case is closed
     * once, only with a finding recorded and a reason; a dismissal takes no sanction; a
     * confirmation takes at least one step of the ladder, each known.
     */
    public List<Problem> closing(CaseStatus to, boolean hasFinding, String reason, Collection<String> steps,
            Collection<String> ladder) {
        List<Problem> problems = new ArrayList<>();
        if (this != OPEN) {
            problems.add(new Problem(null, "supervision.error.case.closed"));
            return problems;
        }
        if (to == null || to == OPEN) {
            problems.add(new Problem("result", "supervision.error.case.result"));
        }
        if (!hasFinding) {
            problems.add(new Problem(null, "supervision.error.case.noFinding"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new Problem("reason", "supervision.error.reason"));
        }
        else if (reason.strip().length() > 1000) {
            problems.add(new Problem("reason", "supervision.error.tooLong"));
        }
        Collection<String> chosen = steps == null ? List.of() : steps;
        if (to == DISMISSED && !chosen.isEmpty()) {
            problems.add(new Problem("steps", "supervision.error.case.dismissNoSanction"));
        }
        if (to == CONFIRMED && chosen.isEmpty()) {
            problems.add(new Problem("steps", "supervision.error.case.stepRequired"));
        }
        if (chosen.stream().anyMatch(s -> !ladder.contains(s))) {
            problems.add(new Problem("steps", "supervision.error.case.unknownStep"));
        }
        return problems;
    }

}
