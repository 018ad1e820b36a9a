package org.jixing.subsidy;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.subsidy.internal.ClaimStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision holds (数据锁) on claims, asked of every {@link ClaimSupervision} bean
 * (none: nothing is held). Reviewers and the province see each hold with its alert and
 * who must act; the provider's staff only that the claim is on hold and the categories
 * ({@link #view}), never the rule, evidence or alert numbers.
 */
@Service
public class ClaimHolds {

    private final ClaimStore store;

    private final ScopeGuard guard;

    private final List<ClaimSupervision> supervision;

    ClaimHolds(ClaimStore store, ScopeGuard guard, List<ClaimSupervision> supervision) {
        this.store = store;
        this.guard = guard;
        this.supervision = List.copyOf(supervision);
    }

    /** What the reader may know of a claim's holds. */
    public record HoldsView(boolean held, Set<String> categories, List<ClaimSupervision.Hold> holds) {

        public static final HoldsView NONE = new HoldsView(false, Set.of(), List.of());

    }

    /** The holds of a claim in the caller's scope, or 404. */
    @Transactional(readOnly = true)
    public List<ClaimSupervision.Hold> of(long claimId) {
        get(claimId);
        return byClaim(List.of(claimId)).getOrDefault(claimId, List.of());
    }

    /**
     * A claim's holds as the signed-in user may see them: in full to whoever may read
     * supervision alerts or review claims, the categories only to anybody else (the
     * provider's staff).
     */
    @Transactional(readOnly = true)
    public HoldsView view(long claimId) {
        List<ClaimSupervision.Hold> holds = of(claimId);
        if (holds.isEmpty()) {
            return HoldsView.NONE;
        }
        Set<String> categories = holds.stream()
            .map(ClaimSupervision.Hold::category)
            .collect(Collectors.toCollection(TreeSet::new));
        return new HoldsView(true, categories, seesDetails(CurrentUser.require()) ? holds : List.of());
    }

    /**
     * Whether the user sees a hold's alerts: the city's and province's officers who
     * review or pay claims, inspectors and auditors; not the provider's staff nor a line
     * department.
     */
    public static boolean seesDetails(CurrentUser me) {
        ScopeKind kind = me.scope().kind();
        return (kind == ScopeKind.PROVINCE || kind == ScopeKind.REGION) && (SubsidyPermission.CLAIM_REVIEW.allows(me)
                || SubsidyPermission.PAYMENT_READ.allows(me) || me.hasRole(Role.INSPECTOR) || me.hasRole(Role.AUDITOR));
    }

    /**
     * The holds on the claims given, by claim id (claims not held are absent); unscoped,
     * for the module's services, which have read the claims.
     */
    Map<Long, List<ClaimSupervision.Hold>> byClaim(Collection<Long> claimIds) {
        if (supervision.isEmpty() || claimIds.isEmpty()) {
            return Map.of();
        }
        List<ClaimSupervision.Subject> subjects = store.subjects(claimIds);
        Map<Long, List<ClaimSupervision.Hold>> out = new LinkedHashMap<>();
        for (ClaimSupervision s : supervision) {
            for (ClaimSupervision.Hold h : s.holds(subjects)) {
                out.computeIfAbsent(h.claimId(), k -> new java.util.ArrayList<>()).add(h);
            }
        }
        out.replaceAll((k, v) -> v.stream().sorted(Comparator.comparing(ClaimSupervision.Hold::alertId)).toList());
        return out;
    }

    private Claim get(long id) {
        return guard.require(store.find(id, ScopeSql.forCurrentUser(ClaimStore.SCOPE)), "subsidy_claim", id,
                () -> store.exists(id));
    }

    /** The numbers of the alerts holding a claim, for its steps. */
    List<String> heldBy(long claimId) {
        return byClaim(List.of(claimId)).getOrDefault(claimId, List.of())
            .stream()
            .map(ClaimSupervision.Hold::alertNo)
            .distinct()
            .toList();
    }

    /** The risk panel of a claim in the caller's scope (null when there is none). */
    @Transactional(readOnly = true)
    public ClaimSupervision.Risk risk(long claimId) {
        Claim c = get(claimId);
        List<Long> enrolments = store.subjects(List.of(claimId)).get(0).enrolmentIds();
        for (ClaimSupervision s : supervision) {
            ClaimSupervision.Risk r = s.risk(c, enrolments);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

}
