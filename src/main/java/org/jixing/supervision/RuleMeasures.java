package org.jixing.supervision;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.supervision.internal.AlertStore;
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

    private final AlertStore alerts;

    private final RiskRules rules;

    private final List<CaseMeasureSource> cases;

    RuleMeasures(AlertStore alerts, RiskRules rules, List<CaseMeasureSource> cases) {
        this.alerts = alerts;
        this.rules = rules;
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
        Map<String, RuleMeasure> byCode = alerts.measures()
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
     * A provider's or body's risk profile within the reader's scope (empty outside it).
     */
    @Transactional(readOnly = true)
    public RiskProfile profile(SubjectKind kind, long id) {
        Alerts.requireReader();
        String column = switch (kind) {
            case PROVIDER -> "provider_id";
            case EVALUATION_BODY -> "body_id";
            default -> throw new IllegalArgumentException("profiles are of providers and evaluation bodies");
        };
        List<ProfileAlert> list = alerts.profile(column, id, ScopeSql.forCurrentUser(AlertStore.SCOPE));
        Map<YearMonth, long[]> months = new TreeMap<>();
        Map<String, Long> byRule = new TreeMap<>();
        for (ProfileAlert a : list) {
            YearMonth m = YearMonth.from(a.firstSeenAt().atZone(RiskScans.CHINA));
            long[] c = months.computeIfAbsent(m, k -> new long[4]);
            c[0]++;
            c[1] += a.severity() == Severity.HIGH ? 1 : 0;
            c[2] += a.status() == AlertStatus.CONFIRMED ? 1 : 0;
            c[3] += a.status() == AlertStatus.DISMISSED ? 1 : 0;
            byRule.merge(a.ruleCode(), 1L, Long::sum);
        }
        Map<YearMonth, long[]> ordered = new LinkedHashMap<>(months);
        return new RiskProfile(kind, id,
                ordered.entrySet()
                    .stream()
                    .map(e -> new RiskProfile.Month(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                            e.getValue()[3]))
                    .toList(),
                byRule);
    }

}
