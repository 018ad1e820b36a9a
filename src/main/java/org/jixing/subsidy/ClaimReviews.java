package org.jixing.subsidy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.subsidy.internal.ClaimReviewStore;
import org.jixing.subsidy.internal.ClaimStore;
import org.jixing.subsidy.internal.LedgerStore.Refs;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review of a claim: the city reviews, and the province too for key lines and large
 * amounts; the final approval commits the amount against the budget.
 */
@Service
public class ClaimReviews {

    private final ClaimStore store;

    private final ClaimReviewStore reviews;

    private final Claims claims;

    private final FundLedger ledger;

    private final AuditTrail audit;

    private final SubsidyProperties settings;

    private final Clock clock;

    private final ClaimHolds holds;

    ClaimReviews(ClaimStore store, ClaimReviewStore reviews, Claims claims, FundLedger ledger, AuditTrail audit,
            SubsidyProperties settings, Clock clock, ClaimHolds holds) {
        this.holds = holds;
        this.store = store;
        this.reviews = reviews;
        this.claims = claims;
        this.ledger = ledger;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A reviewer's decision. The city stage is a city officer's of the claim's city, the
     * province stage the province administrator's; nobody decides on a claim they filed
     * or of a provider they declared a tie to ({@link Claim#step}). Rejecting or
     * returning needs a comment. The final approval commits the amount against the city's
     * budget for the fund source and year, and is refused if that would overdraw it. A
     * claim held by a supervision alert ({@link ClaimSupervision}) is not approved: the
     * refusal names the alerts.
     */
    @Transactional
    public Claim decide(long id, ClaimDecision d) {
        CurrentUser me = CurrentUser.require();
        Claim claim = claims.get(id);
        boolean tied = reviews.conflictDeclared(me.username(), claim.providerId());
        ClaimAction action = d.action() == null ? ClaimAction.REVIEW : ClaimAction.of(d.action());
        List<String> heldBy = action == ClaimAction.APPROVE ? holds.heldBy(id) : List.of();
        ClaimStep.Allowed step = claim.step(action, me, tied, heldBy).orThrow();
        String stage = step.stage();
        String comment = blankToNull(d.comment());
        if (d.action() == null) {
            throw InvalidInputException.of("action", "subsidy.error.required");
        }
        if (d.action() != ClaimDecision.Action.APPROVE && comment == null) {
            throw InvalidInputException.of("comment", "subsidy.error.review.commentRequired");
        }
        Instant now = clock.instant();
        ClaimStatus to = step.to();
        LocalDate due = to == ClaimStatus.PROVINCE_REVIEW
                ? LocalDate.now(clock.withZone(SubsidyRules.CHINA)).plusDays(settings.reviewDays()) : null;
        Long budget = to == ClaimStatus.APPROVED ? commit(claim) : null;
        if (!store.changeStatus(id, d.version(), claim.status(), to, due, budget, now)) {
            throw new OptimisticLockingFailureException("claim " + id);
        }
        reviews.review(id, stage, d.action().name(), comment, me.username(), now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        after.put("stage", stage);
        if (claim.adjustments().anyDeclared()) {
            // The decision is taken knowing how much rests only on the provider's word.
            after.put("declaredLines", claim.adjustments().declaredLines());
            after.put("declaredFen", claim.adjustments().declared().fen());
        }
        if (comment != null) {
            after.put("comment", comment);
        }
        audit.record(AuditEvent.of("subsidy.claim." + d.action().name().toLowerCase(Locale.ROOT), "subsidy_claim", id,
                Map.of("status", claim.status().name()), after));
        return claims.get(id);
    }

    /** Commits an approved claim's amount against its budget; refuses an overdraft. */
    private long commit(Claim claim) {
        long budget = ledger.budgetFor(claim.regionCode(), claim.fundSourceCode(), claim.trainingYear());
        Money available = ledger.balance(budget, LedgerAccount.AVAILABLE);
        if (budget < 0 || available.compareTo(claim.amount()) < 0) {
            throw InvalidInputException.of(null, "subsidy.error.review.overdraw", available.toYuanString(),
                    claim.amount().toYuanString());
        }
        if (claim.amount().fen() > 0) {
            try {
                ledger.move(LedgerEntryKind.COMMITMENT, budget, claim.amount(), new Refs(claim.id(), null, null, null),
                        claim.claimNo());
            }
            catch (FundLedger.Overdrawn raced) {
                throw InvalidInputException.of(null, "subsidy.error.review.overdraw",
                        ledger.balance(budget, LedgerAccount.AVAILABLE).toYuanString(), claim.amount().toYuanString());
            }
        }
        return budget;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
