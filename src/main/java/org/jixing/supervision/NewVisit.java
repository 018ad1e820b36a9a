package org.jixing.supervision;

import java.util.List;

/**
 * A visit as the inspector records it: the roster's enrolments found present, how many
 * people were there whom the roster does not list, remarks, the verdict, and whether a
 * case should be opened on it (only with discrepancies or no class held).
 */
public record NewVisit(Long classId, List<Long> presentEnrolmentIds, Integer unknownPresent, String remarks,
        VisitVerdict verdict, Boolean openCase) {

    /** Whether a case is asked for (absent: no). */
    public boolean opensCase() {
        return Boolean.TRUE.equals(openCase);
    }

}
