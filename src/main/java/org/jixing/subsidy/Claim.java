package org.jixing.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.Money;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.subsidy.ClaimStep.Allowed;
import org.jixing.subsidy.ClaimStep.Reason;
import org.jixing.subsidy.ClaimStep.Refused;

/**
 * A subsidy claim for a completed class as it stands. {@code ruleVersion} is the version
 * of the rules it was computed with; {@code version} guards concurrent decisions;
 * {@code adjustments} is how much of it trainee-group adjustments make and how much of
 * that rests only on the provider's declaration, as priced; {@code kind} whether it pays
 * for completions or for employment.
 */
public record Claim(long id, String claimNo, long classId, String classNo, long providerId, String providerName,
        String regionCode, String lineCode, String occupationCode, String levelCode, int trainingYear,
        String fundSourceCode, long ruleSetId, int ruleVersion, Long budgetId, int trainees, Money amount,
        boolean provinceReview, ClaimStatus status, LocalDate reviewDueOn, String payeeName, String payeeAccount,
        String payeeBank, String submittedBy, Instant submittedAt, Instant statusSince, int version,
        AdjustmentShare adjustments, ClaimKind kind) {

    /** A completion claim. */
    public Claim(long id, String claimNo, long classId, String classNo, long providerId, String providerName,
            String regionCode, String lineCode, String occupationCode, String levelCode, int trainingYear,
            String fundSourceCode, long ruleSetId, int ruleVersion, Long budgetId, int trainees, Money amount,
            boolean provinceReview, ClaimStatus status, LocalDate reviewDueOn, String payeeName, String payeeAccount,
            String payeeBank, String submittedBy, Instant submittedAt, Instant statusSince, int version,
            AdjustmentShare adjustments) {
        this(id, claimNo, classId, classNo, providerId, providerName, regionCode, lineCode, occupationCode, levelCode,
                trainingYear, fundSourceCode, ruleSetId, ruleVersion, budgetId, trainees, amount, provinceReview,
                status, reviewDueOn, payeeName, payeeAccount, payeeBank, submittedBy, submittedAt, statusSince, version,
                adjustments, ClaimKind.COMPLETION);
    }

    /** Whether it pays for employment (else for completions). */
    public boolean employment() {
        return kind == ClaimKind.EMPLOYMENT;
    }

    /** Waiting on a reviewer past its deadline. */
    public boolean overdue(LocalDate today) {
        return status.stage() != null && reviewDueOn != null && today.isAfter(reviewDueOn);
    }

    /** The payee's account number with all but the last four digits hidden. */
    public String payeeAccountMasked() {
        return AccountNumbers.mask(payeeAccount);
    }

    /**
     * Whether {@code me} may take {@code action} on the claim as it stands, and where it
     * leads. A reviewer decides only while the claim waits on a stage the policy lets
     * them decide ({@link SubsidyPermission#mayDecide}), and never on a claim they filed
     * or of a provider they declared a tie to ({@code tiedToProvider}); the provider's
     * staff correct only a returned claim and document only one not yet decided; the
     * officers recover only from a paid claim. The services ask this before they write,
     * the claim page before it shows a button.
     */
    public ClaimStep step(ClaimAction action, CurrentUser me, boolean tiedToProvider) {
        return step(action, me, tiedToProvider, List.of());
    }

    /**
     * As {@link #step(ClaimAction, CurrentUser, boolean)}, knowing the alerts that hold
     * the claim ({@code heldBy}, their numbers; see {@link ClaimSupervision}): a held
     * claim may be reviewed, rejected or returned, but not approved until every hold is
     * lifted.
     */
    public ClaimStep step(ClaimAction action, CurrentUser me, boolean tiedToProvider, List<String> heldBy) {
        return switch (action) {
            case REVIEW, REJECT, RETURN -> decision(action, me, tiedToProvider);
            case APPROVE -> {
                ClaimStep d = decision(action, me, tiedToProvider);
                yield d.allowed() && !heldBy.isEmpty() ? new Refused(Reason.HELD,
                        new Problem(null, "subsidy.error.review.held", String.join(", ", heldBy)), null) : d;
            }
            case RESUBMIT -> {
                if (!SubsidyPermission.CLAIM_FILE.allows(me)) {
                    yield Refused.notPermitted("provider staff file claims");
                }
                yield status == ClaimStatus.RETURNED ? new Allowed(ClaimStatus.SUBMITTED, "PROVIDER")
                        : Refused.state(null, "subsidy.error.claim.notReturned");
            }
            case RECOVER -> {
                if (!SubsidyPermission.RECOVERY_WRITE.allows(me)) {
                    yield Refused.notPermitted("officers recover subsidies");
                }
                yield status == ClaimStatus.PAID ? new Allowed(status, null)
                        : Refused.state(null, "subsidy.error.recovery.notPaid");
            }
            case ATTACH -> {
                if (!SubsidyPermission.CLAIM_FILE.allows(me)) {
                    yield Refused.notPermitted("provider staff file claims");
                }
                yield status == ClaimStatus.SUBMITTED || status == ClaimStatus.RETURNED
                        ? new Allowed(status, "PROVIDER") : Refused.state("file", "subsidy.error.attachment.decided");
            }
        };
    }

    private ClaimStep decision(ClaimAction action, CurrentUser me, boolean tiedToProvider) {
        String stage = status.stage();
        if (stage == null) {
            return Refused.state(null, "subsidy.error.review.notWaiting");
        }
        if (!SubsidyPermission.mayDecide(me, status)) {
            return Refused.notPermitted("this stage is decided by " + stage);
        }
        if (me.username().equals(submittedBy) || tiedToProvider) {
            return new Refused(Reason.CONFLICT, new Problem(null, "subsidy.error.review.conflict"), null);
        }
        ClaimStatus to = switch (action) {
            case REJECT -> ClaimStatus.REJECTED;
            case RETURN -> ClaimStatus.RETURNED;
            case APPROVE -> "CITY".equals(stage) && provinceReview ? ClaimStatus.PROVINCE_REVIEW : ClaimStatus.APPROVED;
            default -> status;
        };
        return new Allowed(to, stage);
    }

}
