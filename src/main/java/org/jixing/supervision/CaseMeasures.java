package org.jixing.supervision;

import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.ProvinceTime;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.supervision.internal.CaseStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What cases say about the rules and the bodies: per rule, the cases its alerts went into
 * and how they ended (so precision = confirmed / (confirmed + dismissed)) and the money
 * the outcomes' recovery orders claim back; per provider or evaluation body, a
 * month-by-month risk profile of alerts, cases and outcomes.
 */
@Service
public class CaseMeasures implements RuleMeasures.CaseMeasureSource {

    private final CaseStore store;

    private final Filings filings;

    CaseMeasures(CaseStore store, Filings filings) {
        this.store = store;
        this.filings = filings;
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

    /** One month of a body's risk profile (China time). */
    public record Month(YearMonth month, long alerts, long cases, long confirmed, long dismissed) {
    }

    /**
     * A provider's or an evaluation body's risk profile: per month (oldest first, only
     * months with something), alerts first seen, cases opened, and cases confirmed and
     * dismissed. The body must be in the reader's scope (404 otherwise).
     */
    @Transactional(readOnly = true)
    public List<Month> profile(SubjectKind kind, long id) {
        Alerts.requireReader();
        if (kind != SubjectKind.PROVIDER && kind != SubjectKind.EVALUATION_BODY) {
            throw new IllegalArgumentException("profiles are of providers and evaluation bodies");
        }
        filings.get(kind == SubjectKind.PROVIDER ? Registry.PROVIDER : Registry.EVALUATION_BODY, id);
        String column = kind == SubjectKind.PROVIDER ? "provider_id" : "body_id";
        Map<YearMonth, long[]> months = new TreeMap<>();
        Function<Instant, long[]> at = t -> months.computeIfAbsent(YearMonth.from(t.atZone(ProvinceTime.CHINA)),
                m -> new long[4]);
        store.alertTimes(column, id).forEach(t -> at.apply(t)[0]++);
        for (CaseStore.CaseTimes c : store.caseTimes(column, id)) {
            at.apply(c.openedAt())[1]++;
            if (c.closedAt() != null) {
                at.apply(c.closedAt())[c.status() == CaseStatus.CONFIRMED ? 2 : 3]++;
            }
        }
        Map<YearMonth, Month> out = new LinkedHashMap<>();
        months.forEach((m, v) -> out.put(m, new Month(m, v[0], v[1], v[2], v[3])));
        return List.copyOf(out.values());
    }

}
