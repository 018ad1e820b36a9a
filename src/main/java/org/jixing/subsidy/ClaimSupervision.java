package org.jixing.subsidy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What subsidy asks supervision about its claims, without depending on it (supervision
 * implements this as a bean; with none, nothing is held and no risk panel shows). A claim
 * is held (数据锁) while a blocking alert that is open, in a case or confirmed targets or is
 * about the claim, its class or one of its current lines' enrolments: a line taken out of
 * the claim no longer holds it. {@link ClaimReviews#decide} refuses to approve a held
 * claim and {@link PaymentOrders#open} skips it; the claim's page and API show the holds,
 * to the provider's staff reduced to their category.
 */
public interface ClaimSupervision {

    /** A claim as supervision is asked about it: its class and current lines. */
    record Subject(long claimId, long classId, List<Long> enrolmentIds) {

        public Subject {
            enrolmentIds = List.copyOf(enrolmentIds);
        }

    }

    /**
     * One alert holding one claim: the alert's number and rule, the rule's category
     * ({@code attendance}, {@code payee}, {@code adjustment}, {@code eligibility},
     * {@code claim}, {@code assessment}, {@code other}; the provider is shown only this),
     * its descriptions, and who must act: the inspectors of {@code actRegionCode} (the
     * alert's city) or of the province.
     */
    record Hold(long claimId, long alertId, String alertNo, String ruleCode, String category, String severity,
            String descriptionZh, String descriptionEn, String actRegionCode, Instant since) {
    }

    /** The holds on the claims given, in no particular order; empty when none is held. */
    List<Hold> holds(Collection<Subject> claims);

    /**
     * What a reviewer weighs before deciding (the claim page's risk panel), read in the
     * reviewer's scope; null when supervision has nothing to say.
     */
    Risk risk(Claim claim, List<Long> enrolmentIds);

    /** An alert on the claim, its class or its lines, live or holding. */
    record AlertRef(long alertId, String alertNo, String ruleCode, String severity, boolean blocking, String status,
            String descriptionZh, String descriptionEn) {
    }

    /**
     * The risk panel: when the class ended and when the claim was filed; its attendance
     * (events, manual corrections, check-ins sharing a second with another trainee's,
     * events uploaded late); the provider's registered name beside the payee's; the open
     * alerts; the trainees' confirmations (confirmed, denied, not answered).
     */
    record Risk(Instant classEndedAt, Instant filedAt, long minutesToFile, int sessions, int attendanceEvents,
            int manualCorrections, int sameSecondCheckIns, int lateUploads, String registeredName, boolean payeeMatches,
            List<AlertRef> alerts, int confirmed, int denied, int unanswered) {

        public Risk {
            alerts = List.copyOf(alerts);
        }

        public int asked() {
            return confirmed + denied + unanswered;
        }

        /** The share confirmed, in whole percent of those asked (0 when none was). */
        public int confirmedPercent() {
            return asked() == 0 ? 0 : (int) Math.round(100.0 * confirmed / asked());
        }

    }

}
