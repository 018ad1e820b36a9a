package org.jixing.employment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jixing.employment.internal.FollowUpStore;
import org.jixing.employment.internal.OutcomeStore;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcome indicators of completed training from the contribution records, per class,
 * provider, programme, occupation, line, city or year, in the reader's scope: completion
 * rate, employment rate at 3, 6 and 12 months (the sample: completions whose month is
 * known), the median contribution base at 6 months, and for order classes retention with
 * the order's employer. Groups below {@code jixing.employment.min-group} have their rates
 * withheld. The certificate rate is not here: employment may not depend on certification;
 * the figures that combine them are the statistics module's.
 */
@Service
public class OutcomeIndicators {

    /**
     * The columns a scope binds in these figures (the class's region, provider and line),
     * for a caller that builds its own clause.
     */
    public static final ScopeColumns SCOPE = FollowUpStore.SCOPE;

    private final OutcomeStore store;

    private final FollowUpStore followUps;

    private final Filings filings;

    private final FollowUpProperties properties;

    private final ScopeGuard guard;

    OutcomeIndicators(OutcomeStore store, FollowUpStore followUps, Filings filings, FollowUpProperties properties,
            ScopeGuard guard) {
        this.store = store;
        this.followUps = followUps;
        this.filings = filings;
        this.properties = properties;
        this.guard = guard;
    }

    /** The smallest group whose rates are shown. */
    public int minGroup() {
        return properties.minGroup();
    }

    /**
     * The indicators of each group in the caller's scope, ranked by the 3-month
     * employment rate (withheld groups last, then by size).
     */
    @Transactional(readOnly = true)
    public List<OutcomeFigures> by(OutcomeDimension dimension, OutcomeFilter filter) {
        requireReader();
        return figures(dimension, ScopeSql.forCurrentUser(FollowUpStore.SCOPE), filter, null);
    }

    /**
     * The same, for another module's figures (statistics' dashboard, annual figures,
     * progress report) that applies its own scope clause built over {@link #SCOPE}.
     */
    @Transactional(readOnly = true)
    public List<OutcomeFigures> by(OutcomeDimension dimension, OutcomeFilter filter, ScopeSql.Clause scope) {
        return figures(dimension, scope, filter, null);
    }

    /** One class's indicators, if the caller can see the class (else 404, audited). */
    @Transactional(readOnly = true)
    public OutcomeFigures ofClass(long classId) {
        requireReader();
        ScopeSql.Clause scope = ScopeSql.forCurrentUser(FollowUpStore.SCOPE);
        guard.require(followUps.classInScope(classId, scope), "follow_up_class", classId,
                () -> followUps.classExists(classId));
        return figures(OutcomeDimension.CLASS, scope, OutcomeFilter.ALL, classId).get(0);
    }

    private List<OutcomeFigures> figures(OutcomeDimension by, ScopeSql.Clause scope, OutcomeFilter filter,
            Long classId) {
        int min = properties.minGroup();
        Map<String, Long> enrolled = store.enrolled(by, scope, filter, classId);
        List<OutcomeStore.Counts> counts = store.counts(by, scope, filter, classId);
        Map<String, String> labels = labels(by, counts.stream().map(OutcomeStore.Counts::key).toList());
        List<OutcomeFigures> out = new ArrayList<>();
        for (OutcomeStore.Counts c : counts) {
            long e = enrolled.getOrDefault(c.key(), 0L);
            BigDecimal median = c.median6Fen() == null || Suppression.suppressed(c.employed6(), min) ? null
                    : c.median6Fen().movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
            BigDecimal rate3 = Suppression.percent(c.employed3(), c.known3(), min);
            BigDecimal rate6 = Suppression.percent(c.employed6(), c.known6(), min);
            BigDecimal rate12 = Suppression.percent(c.employed12(), c.known12(), min);
            BigDecimal retention = Suppression.percent(c.retained6(), c.orderKnown6(), min);
            boolean suppressed = Suppression.suppressed(c.completions(), min)
                    || (c.known3() > 0 && Suppression.suppressed(c.known3(), min));
            out.add(new OutcomeFigures(c.key(), labels.getOrDefault(c.key(), c.key()), e, c.completions(),
                    Suppression.percent(c.completions(), e, min), c.known3(), c.employed3(), rate3, c.known6(),
                    c.employed6(), rate6, c.known12(), c.employed12(), rate12, median, c.orderCompletions(),
                    c.orderKnown6(), c.retained6(), retention, suppressed));
        }
        out.sort(Comparator.comparing((OutcomeFigures f) -> f.rate3() == null)
            .thenComparing(OutcomeFigures::rate3, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(OutcomeFigures::completions, Comparator.reverseOrder())
            .thenComparing(OutcomeFigures::key));
        return out;
    }

    private Map<String, String> labels(OutcomeDimension by, List<String> keys) {
        return switch (by) {
            case CLASS -> store.classNumbers(keys);
            case PROVIDER -> {
                Map<String, String> names = new java.util.HashMap<>();
                filings.names(Registry.PROVIDER, keys.stream().map(Long::valueOf).toList())
                    .forEach((id, name) -> names.put(String.valueOf(id), name));
                yield names;
            }
            default -> Map.of();
        };
    }

    private static void requireReader() {
        if (!OutcomePermission.OUTCOME_READ.allows(CurrentUser.require())) {
            throw new AccessDeniedException("outcomes are read by officers and providers");
        }
    }

}
