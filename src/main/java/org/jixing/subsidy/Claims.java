package org.jixing.subsidy;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.shared.Money;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.subsidy.internal.ClaimReviewStore;
import org.jixing.subsidy.internal.ClaimStore;
import org.jixing.training.Enrolment;
import org.jixing.training.Enrolments;
import org.jixing.training.Enrolments.ClassCompletion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subsidy claims as they stand, in the caller's scope: a claim with each amount
 * explained, the trainees left out, its review history, the reviewers' queue, and the
 * actions the caller may take on it. Filing is {@link ClaimFiling}'s, review
 * {@link ClaimReviews}', evidence {@link ClaimAttachments}'.
 */
@Service
public class Claims {

    private final ClaimStore store;

    private final ClaimReviewStore reviews;

    private final Enrolments enrolments;

    private final ScopeGuard guard;

    private final ClaimHolds holds;

    Claims(ClaimStore store, ClaimReviewStore reviews, Enrolments enrolments, ScopeGuard guard, ClaimHolds holds) {
        this.holds = holds;
        this.store = store;
        this.reviews = reviews;
        this.enrolments = enrolments;
        this.guard = guard;
    }

    @Transactional(readOnly = true)
    public Claim get(long id) {
        return guard.require(store.find(id, ScopeSql.forCurrentUser(ClaimStore.SCOPE)), "subsidy_claim", id,
                () -> store.exists(id));
    }

    /** A claim read by the module's own processes, unscoped. */
    Claim getUnscoped(long id) {
        return store.find(id, ScopeSql.UNSCOPED).orElseThrow();
    }

    /**
     * The actions the signed-in user may take on the claim now, by the same
     * {@link Claim#step} the services take them with (a claim held by supervision is not
     * approved).
     */
    @Transactional(readOnly = true)
    public Set<ClaimAction> actions(Claim claim) {
        CurrentUser me = CurrentUser.require();
        boolean tied = SubsidyPermission.mayDecide(me, claim)
                && reviews.conflictDeclared(me.username(), claim.providerId());
        List<String> heldBy = SubsidyPermission.mayDecide(me, claim) ? holds.heldBy(claim.id()) : List.of();
        Set<ClaimAction> out = EnumSet.noneOf(ClaimAction.class);
        for (ClaimAction a : ClaimAction.values()) {
            if (claim.step(a, me, tied, heldBy).allowed()) {
                out.add(a);
            }
        }
        return out;
    }

    @Transactional(readOnly = true)
    public PageResult<Claim> search(ClaimFilter filter, int page, int size) {
        var scope = ScopeSql.forCurrentUser(ClaimStore.SCOPE);
        return new PageResult<>(
                store.search(filter, scope, "c.submitted_at desc, c.id desc", PageResult.offset(page, size), size),
                page, size, store.count(filter, scope));
    }

    /**
     * The claims waiting on the caller's decision, oldest deadline first: a city
     * officer's city stage, the province administrator's province stage.
     */
    @Transactional(readOnly = true)
    public PageResult<Claim> queue(int page, int size) {
        CurrentUser me = CurrentUser.require();
        ClaimStatus waiting = me.hasRole(Role.CITY_OFFICER) ? ClaimStatus.SUBMITTED
                : me.hasRole(Role.PROVINCE_ADMIN) ? ClaimStatus.PROVINCE_REVIEW : null;
        if (waiting == null) {
            return new PageResult<>(List.of(), page, size, 0);
        }
        ClaimFilter f = new ClaimFilter(waiting, null, null, null, null);
        var scope = ScopeSql.forCurrentUser(ClaimStore.SCOPE);
        return new PageResult<>(store.search(f, scope, "c.review_due_on, c.id", PageResult.offset(page, size), size),
                page, size, store.count(f, scope));
    }

    @Transactional(readOnly = true)
    public List<ClaimLine> lines(long id) {
        get(id);
        List<ClaimStore.LineRow> rows = store.lines(id);
        Map<Long, Enrolment> byEnrolment = roster(id);
        return rows.stream().map(r -> {
            Enrolment e = byEnrolment.get(r.enrolmentId());
            return new ClaimLine(r.id(), r.enrolmentId(), r.personId(), e == null ? null : e.name(),
                    e == null ? null : e.idNumberMasked(), RuleSet.Tier.valueOf(r.tier()), Money.ofFen(r.standardFen()),
                    r.groupCode(), r.adjustPercent(), r.capKind() == null ? null : RuleSet.CapKind.valueOf(r.capKind()),
                    Money.ofFen(r.capCutFen()), Money.ofFen(r.amountFen()), r.recovered(), r.groupEvidence());
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<ClaimExclusion> exclusions(long id) {
        get(id);
        Map<Long, Enrolment> byEnrolment = roster(id);
        return store.exclusions(id).stream().map(x -> {
            Enrolment e = byEnrolment.get(x.enrolmentId());
            return new ClaimExclusion(x.enrolmentId(), x.personId(), e == null ? null : e.name(),
                    e == null ? null : e.idNumberMasked(), x.reasonKey(), x.reasonArg());
        }).toList();
    }

    private Map<Long, Enrolment> roster(long claimId) {
        Map<Long, Enrolment> m = new HashMap<>();
        // Whoever may see the claim may see its class: both are scoped by region, line
        // and provider.
        Claim c = getUnscoped(claimId);
        for (ClassCompletion t : enrolments.completions(c.classId())) {
            m.put(t.enrolment().id(), t.enrolment());
        }
        return m;
    }

    @Transactional(readOnly = true)
    public List<ClaimReview> reviews(long id) {
        get(id);
        return reviews.reviews(id);
    }

}
