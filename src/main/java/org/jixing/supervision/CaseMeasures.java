package org.jixing.supervision;

import java.util.Map;
import java.util.TreeMap;

import org.jixing.shared.scope.ScopeSql;
import org.jixing.supervision.internal.CaseStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What cases say about the rules and the bodies: per rule, the cases its alerts went into
 * and how they ended (so precision = confirmed / (confirmed + dismissed)) and the money
 * the outcomes' recovery orders claim back. A provider's or body's risk profile of alerts
 * and cases is {@link RuleMeasures#profile}.
 */
@Service
public class CaseMeasures implements RuleMeasures.CaseMeasureSource {

    private final CaseStore store;

    CaseMeasures(CaseStore store) {
        this.store = store;
    }

    /**
     * A rule's cases within the reader's scope: opened (any status), confirmed and
     * dismissed, and the fen of the recovery orders their outcomes opened (a case with
     * alerts of several rules counts for each).
     */
    public record RuleMeasure(String ruleCode, long casesOpened, long confirmed, long dismissed, long recoveredFen) {

        /** confirmed / (confirmed + dismissed), or null before any case is closed. */
        public Double precision() {
            long closed = confirmed + dismissed;
            return closed == 0 ? null : (double) confirmed / closed;
        }

    }

    /** Per rule code, the cases its alerts went into, in the reader's scope. */
    @Transactional(readOnly = true)
    public Map<String, RuleMeasure> byRule() {
        Alerts.requireReader();
        Map<String, RuleMeasure> out = new TreeMap<>();
        for (CaseStore.RuleRow r : store.byRule(ScopeSql.forCurrentUser(CaseStore.SCOPE))) {
            out.put(r.ruleCode(),
                    new RuleMeasure(r.ruleCode(), r.opened(), r.confirmed(), r.dismissed(), r.recoveredFen()));
        }
        return out;
    }

    /**
     * The money the outcomes recovered, by the rule of the alerts their cases gathered.
     */
    @Override
    public Map<String, Long> recoveredFenByRule() {
        Map<String, Long> out = new TreeMap<>();
        byRule().forEach((code, m) -> out.put(code, m.recoveredFen()));
        return out;
    }

}
