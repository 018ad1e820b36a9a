package org.jixing.supervision.rules;

import static org.jixing.supervision.rules.RuleSupport.cap;
import static org.jixing.supervision.rules.RuleSupport.map;
import static org.jixing.supervision.rules.RuleSupport.round;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jixing.supervision.Hit;
import org.jixing.supervision.RiskRule;
import org.jixing.supervision.RuleDefinition;
import org.jixing.supervision.RuleParameter;
import org.jixing.supervision.RuleVersion;
import org.jixing.supervision.ScanWindow;
import org.jixing.supervision.Severity;
import org.jixing.supervision.SubjectKind;
import org.jixing.training.AttendanceFacts;
import org.jixing.training.AttendanceFacts.CorrectionCount;
import org.springframework.stereotype.Component;

/**
 * HEAVY_CORRECTIONS: a provider whose hand-made corrections (marked present or absent)
 * are a large share of its attendance events. Runs in the scans.
 */
@Component
class HeavyCorrections implements RiskRule {

    static final String CODE = "HEAVY_CORRECTIONS";

    private final AttendanceFacts facts;

    HeavyCorrections(AttendanceFacts facts) {
        this.facts = facts;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(),
                List.of(RuleParameter.of("share", 0.2, 0.01, 1, "手工更正占机构考勤记录的比例",
                        "The share of a provider's attendance events that are corrections"),
                        RuleParameter.of("minCorrections", 10, 1, 100000, "至少多少条手工更正才判断",
                                "The fewest corrections for a provider to be judged")),
                Severity.MEDIUM, false, "机构手工更正考勤过多", "A provider corrects attendance by hand too often");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        return find(facts.corrections(window.from(), window.to(), window.providerIds(), window.classIds()),
                version.number("share"), (int) version.whole("minCorrections"));
    }

    static List<Hit> find(List<CorrectionCount> counts, double share, int minCorrections) {
        Map<Long, List<CorrectionCount>> byProvider = new TreeMap<>();
        counts.forEach(c -> byProvider.computeIfAbsent(c.providerId(), k -> new ArrayList<>()).add(c));
        List<Hit> hits = new ArrayList<>();
        for (List<CorrectionCount> list : byProvider.values()) {
            long events = 0;
            long corrections = 0;
            long present = 0;
            Set<Long> classes = new LinkedHashSet<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CorrectionCount c : list) {
                events += c.events();
                corrections += c.corrections();
                present += c.markedPresent();
                if (c.corrections() > 0) {
                    classes.add(c.classId());
                    rows.add(map("class", c.classNo(), "events", c.events(), "markedPresent", c.markedPresent(),
                            "markedAbsent", c.markedAbsent()));
                }
            }
            if (corrections < minCorrections || corrections < share * events) {
                continue;
            }
            rows.sort((a, b) -> Long.compare((long) b.get("markedPresent") + (long) b.get("markedAbsent"),
                    (long) a.get("markedPresent") + (long) a.get("markedAbsent")));
            CorrectionCount p = list.get(0);
            double actual = events == 0 ? 0 : (double) corrections / events;
            hits.add(new Hit(SubjectKind.PROVIDER, p.providerId(), p.providerName(), p.regionCode(), null,
                    p.providerId(), null, (int) Math.min(100, 40 + 60 * actual),
                    map("events", events, "corrections", corrections, "markedPresent", present, "share",
                            round(actual, 3), "threshold", share, "classCount", rows.size(), "classes", cap(rows)),
                    RuleSupport.targets(SubjectKind.CLASS, classes)));
        }
        return hits;
    }

}
