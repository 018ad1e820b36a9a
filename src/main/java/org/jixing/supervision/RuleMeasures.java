package org.jixing.supervision;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jixing.provider.Filings;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.supervision.internal.AlertStore;
import org.jixing.supervision.internal.RiskMeasureStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How well the rules do, for the province to tune them: each rule's alerts, decisions and
 * precision (a dismissal counts against it), with the cases it led to and the money
 * recovered; and each provider's or body's risk profile over time.
 */
@Service
public class RuleMeasures {

    private final RiskMeasureStore store;

    private final RiskRules rules;

    private final Filings filings;

    private final List<CaseMeasureSource> cases;

    RuleMeasures(RiskMeasureStore store, RiskRules rules, Filings filings, List<CaseMeasureSource> cases) {
        this.store = store;
        this.rules = rules;
        this.filings = filings;
        this.cases = cases;
    }

    /**
     * What the cases add to a rule's measure: the money their outcomes recovered (fen),
     * by the rule of the alerts the case gathered. The cases' service provides it.
     */
    public interface CaseMeasureSource {

        Map<String, Long> recoveredFenByRule();

    }

    /** Every rule's measure, province-wide (the rules are the province's). */
    @Transactional(readOnly = true)
    public List<RuleMeasure> all() {
        CurrentUser me = CurrentUser.require();
        if (!SupervisionPermission.RULE_READ.allows(me)) {
            throw new AccessDeniedException("supervision rules");
        }
        Map<String, RuleMeasure> byCode = store.measures()
            .stream()
            .collect(Collectors.toMap(RuleMeasure::ruleCode, Function.identity()));
        Map<String, Long> recovered = new TreeMap<>();
        cases.forEach(c -> c.recoveredFenByRule().forEach((k, v) -> recovered.merge(k, v, Long::sum)));
        List<RuleMeasure> out = new ArrayList<>();
        for (RiskRules.Rule r : rules.list()) {
            String code = r.definition().code();
            RuleMeasure m = byCode.getOrDefault(code, new RuleMeasure(code, 0, 0, 0, 0, 0, 0, 0));
            out.add(m.withRecovered(recovered.getOrDefault(code, 0L)));
        }
        return out;
    }

    /**
     * A provider's or body's risk profile: the body must be in the reader's scope (404
     * otherwise); its alerts in the reader's scope and its cases, by month.
     */
    @Transactional(readOnly = true)
    public RiskProfile profile(SubjectKind kind, long id) {
        Alerts.requireReader();
        String column = switch (kind) {
            case PROVIDER -> "provider_id";
            case EVALUATION_BODY -> "body_id";
            default -> throw new IllegalArgumentException("profiles are of providers and evaluation bodies");
        };
        filings.get(Cases.registry(kind), id);
        Map<YearMonth, long[]> months = new TreeMap<>();
        Function<Instant, long[]> at = t -> months.computeIfAbsent(YearMonth.from(t.atZone(RiskScans.CHINA)),
                m -> new long[7]);
        Map<String, Long> byRule = new TreeMap<>();
        for (ProfileAlert a : store.profileAlerts(column, id, ScopeSql.forCurrentUser(AlertStore.SCOPE))) {
            long[] c = at.apply(a.firstSeenAt());
            c[0]++;
            c[1] += a.severity() == Severity.HIGH ? 1 : 0;
            c[2] += a.status() == AlertStatus.CONFIRMED ? 1 : 0;
            c[3] += a.status() == AlertStatus.DISMISSED ? 1 : 0;
            byRule.merge(a.ruleCode(), 1L, Long::sum);
        }
        for (RiskMeasureStore.CaseTimes c : store.caseTimes(column, id)) {
            at.apply(c.openedAt())[4]++;
            if (c.closedAt() != null) {
                at.apply(c.closedAt())[c.status() == CaseStatus.CONFIRMED ? 5 : 6]++;
            }
        }
        List<RiskProfile.Month> out = new ArrayList<>();
        months.forEach((m, v) -> out.add(new RiskProfile.Month(m, v[0], v[1], v[2], v[3], v[4], v[5], v[6])));
        return new RiskProfile(kind, id, out, byRule);
    }

}
