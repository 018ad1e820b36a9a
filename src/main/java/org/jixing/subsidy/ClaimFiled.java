package org.jixing.subsidy;

import java.time.Instant;
import java.util.List;

/**
 * A claim was filed, or filed again after a correction: its class, provider and city, the
 * people and enrolments on its lines as filed now. Published in the filing's transaction;
 * supervision runs its claim rules on it and asks the trainees to confirm.
 */
public record ClaimFiled(long claimId, String claimNo, long classId, long providerId, String regionCode,
        String lineCode, List<Long> personIds, List<Long> enrolmentIds, boolean resubmitted, Instant filedAt) {

    public ClaimFiled {
        personIds = List.copyOf(personIds);
        enrolmentIds = List.copyOf(enrolmentIds);
    }

}
