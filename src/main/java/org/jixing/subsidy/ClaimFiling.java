package org.jixing.subsidy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.subsidy.internal.ClaimReviewStore;
import org.jixing.subsidy.internal.ClaimStore;
import org.jixing.training.TrainingClass;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A provider files a claim for a completed class, priced as its preview shows it, and
 * files a returned claim again after correcting it. A trainee's training is on one
 * standing claim at most: the database refuses a second.
 */
@Service
public class ClaimFiling {

    private final ClaimStore store;

    private final ClaimReviewStore reviews;

    private final ClaimPreviews previews;

    private final Claims claims;

    private final AuditTrail audit;

    private final SubsidyProperties settings;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    ClaimFiling(ClaimStore store, ClaimReviewStore reviews, ClaimPreviews previews, Claims claims, AuditTrail audit,
            SubsidyProperties settings, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.reviews = reviews;
        this.previews = previews;
        this.claims = claims;
        this.audit = audit;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** The provider's staff file a claim for their completed class. */
    @Transactional
    public Claim file(long classId) {
        CurrentUser me = SubsidyPermission.requireProviderStaff();
        ClaimPreview p = previews.preview(classId);
        if (!p.fileable()) {
            throw new InvalidInputException(p.problems());
        }
        return insert(p, ClaimKind.COMPLETION, me);
    }

    /**
     * The provider's staff file an employment claim for their completed class: one line
     * per trainee the social-insurance records show employed within the months the rules
     * name, priced as {@link ClaimPreviews#previewEmployment} shows it. The class's
     * completion claim is not touched; an enrolment already on a standing employment line
     * is refused by the database.
     */
    @Transactional
    public Claim fileEmployment(long classId) {
        CurrentUser me = SubsidyPermission.requireProviderStaff();
        ClaimPreview p = previews.previewEmployment(classId);
        if (!p.fileable()) {
            throw new InvalidInputException(p.problems());
        }
        return insert(p, ClaimKind.EMPLOYMENT, me);
    }

    private Claim insert(ClaimPreview p, ClaimKind kind, CurrentUser me) {
        TrainingClass c = p.trainingClass();
        Instant now = clock.instant();
        Payee payee = p.payee().orElseThrow();
        long id;
        try {
            id = store
                .insert(new ClaimStore.NewClaim(kind.prefix() + c.classNo() + "-" + (store.claimsOfClass(c.id()) + 1),
                        c.id(), c.classNo(), c.providerId(), c.providerName(), c.regionCode(), c.lineCode(),
                        c.occupationCode(), c.levelCode(), c.startDate().getYear(), p.fundSourceCode(), p.rules().id(),
                        p.lines().size(), p.total().fen(), p.provinceReview(), reviewDue(), payee.accountName(),
                        payee.accountNo(), payee.bankName(), me.username(), now, p.adjustments(), kind));
            writeLines(id, kind, c, p);
        }
        catch (DuplicateKeyException raced) {
            throw InvalidInputException.of("classId", kind == ClaimKind.EMPLOYMENT
                    ? "subsidy.error.class.employmentClaimedConcurrently" : "subsidy.error.class.claimedConcurrently");
        }
        reviews.review(id, "PROVIDER", "FILE", null, me.username(), now);
        Map<String, Object> figures = figures(p);
        figures.put("kind", kind.name());
        audit.record(AuditEvent.of("subsidy.claim.file", "subsidy_claim", id, null, figures));
        Claim filed = claims.get(id);
        announce(filed, p, false, now);
        return filed;
    }

    /**
     * The provider files a returned claim again after correcting what the reviewer named:
     * it is priced afresh from the records (with the same rules, which follow the class's
     * first day) and goes back to the city.
     */
    @Transactional
    public Claim resubmit(long id, int version, String comment) {
        CurrentUser me = SubsidyPermission.requireProviderStaff();
        Claim claim = claims.get(id);
        ClaimStep.Allowed step = claim.step(ClaimAction.RESUBMIT, me, false).orThrow();
        store.clearLines(id);
        ClaimPreview p = claim.employment() ? previews.previewEmployment(claim.classId(), id)
                : previews.preview(claim.classId(), id);
        if (!p.fileable()) {
            throw new InvalidInputException(p.problems());
        }
        Instant now = clock.instant();
        if (!store.changeStatus(id, version, claim.status(), step.to(), reviewDue(), null, now)) {
            throw new OptimisticLockingFailureException("claim " + id);
        }
        store.refigure(id, p.lines().size(), p.total().fen(), p.provinceReview(), p.adjustments());
        try {
            writeLines(id, claim.kind(), p.trainingClass(), p);
        }
        catch (DuplicateKeyException raced) {
            throw InvalidInputException.of("classId", "subsidy.error.class.claimedConcurrently");
        }
        reviews.review(id, "PROVIDER", "RESUBMIT", blankToNull(comment), me.username(), now);
        audit.record(AuditEvent.of("subsidy.claim.resubmit", "subsidy_claim", id,
                Map.of("amountFen", claim.amount().fen(), "trainees", claim.trainees()), figures(p)));
        Claim filed = claims.get(id);
        announce(filed, p, true, now);
        return filed;
    }

    private void announce(Claim c, ClaimPreview p, boolean resubmitted, Instant now) {
        events.publishEvent(new ClaimFiled(c.id(), c.claimNo(), c.classId(), c.providerId(), c.regionCode(),
                c.lineCode(), p.lines().stream().map(ClaimLine::personId).toList(),
                p.lines().stream().map(ClaimLine::enrolmentId).toList(), resubmitted, now));
    }

    /** The reviewers' deadline of a claim filed today. */
    private LocalDate reviewDue() {
        return LocalDate.now(clock.withZone(SubsidyRules.CHINA)).plusDays(settings.reviewDays());
    }

    private void writeLines(long claimId, ClaimKind kind, TrainingClass c, ClaimPreview p) {
        int year = c.startDate().getYear();
        for (ClaimLine l : p.lines()) {
            store.insertLine(claimId, kind, l.enrolmentId(), l.personId(), year,
                    new RuleSet.Quote(p.rules().version(), l.tier(), l.standard(), null, l.groupCode(),
                            l.adjustPercent(), l.capKind(), l.capCut(), l.amount(), null),
                    l.groupEvidence());
        }
        for (ClaimExclusion x : p.exclusions()) {
            store.insertExclusion(claimId, x.enrolmentId(), x.personId(), x.reasonKey(), x.reasonArg());
        }
    }

    private static Map<String, Object> figures(ClaimPreview p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class", p.trainingClass().classNo());
        m.put("ruleVersion", p.rules().version());
        m.put("trainees", p.lines().size());
        m.put("excluded", p.exclusions().size());
        m.put("amountFen", p.total().fen());
        m.put("fundSource", p.fundSourceCode());
        m.put("provinceReview", p.provinceReview());
        AdjustmentShare share = p.adjustments();
        m.put("adjustedLines", share.adjustedLines());
        m.put("declaredLines", share.declaredLines());
        m.put("adjustmentFen", share.adjustment().fen());
        m.put("declaredFen", share.declared().fen());
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
