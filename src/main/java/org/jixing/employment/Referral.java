package org.jixing.employment;

import java.time.Instant;

/**
 * A trainee who completed, referred to an open demand: the demand and its enterprise, the
 * trainee (name and masked ID number), where the referral stands.
 */
public record Referral(long id, long demandId, String demandNo, String enterpriseName, String occupationCode,
        String cityCode, long personId, String name, String idNumberMasked, long enrolmentId, String regionCode,
        ReferralStatus status, String note, String recordedBy, Instant createdAt, Instant updatedAt, int version) {
}
