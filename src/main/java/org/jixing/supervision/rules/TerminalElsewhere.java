package org.jixing.supervision.rules;

import static org.jixing.supervision.rules.RuleSupport.cap;
import static org.jixing.supervision.rules.RuleSupport.km;
import static org.jixing.supervision.rules.RuleSupport.map;
import static org.jixing.supervision.rules.RuleSupport.round;
import static org.jixing.supervision.rules.RuleSupport.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jixing.supervision.Hit;
import org.jixing.supervision.RiskRule;
import org.jixing.supervision.RuleDefinition;
import org.jixing.supervision.RuleDefinition.Trigger;
import org.jixing.supervision.RuleParameter;
import org.jixing.supervision.RuleVersion;
import org.jixing.supervision.ScanWindow;
import org.jixing.supervision.Severity;
import org.jixing.supervision.SubjectKind;
import org.jixing.training.AttendanceFacts;
import org.jixing.training.AttendanceFacts.TerminalUse;
import org.springframework.stereotype.Component;

/**
 * TERMINAL_ELSEWHERE: a registered terminal used for sessions at a venue other than its
 * own (the check-in refuses such events; the attempts themselves are the signal).
 */
@Component
class TerminalElsewhere implements RiskRule {

    static final String CODE = "TERMINAL_ELSEWHERE";

    private final AttendanceFacts facts;

    TerminalElsewhere(AttendanceFacts facts) {
        this.facts = facts;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CHECK_IN),
                List.of(RuleParameter.of("minMetres", 1000, 100, 100000, "终端登记场地与课程场地至少相距多远（米）",
                        "How far the terminal's venue must be from the class's venue (metres)"),
                        RuleParameter.of("minEvents", 1, 1, 1000, "在其他场地使用的次数达到此数即触发",
                                "Uses at another venue that fire the rule")),
                Severity.MEDIUM, false, "登记的签到终端在其登记场地以外使用", "A registered terminal used away from its own venue");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        if (window.focused() && window.classIds().isEmpty()) {
            return List.of();
        }
        return find(facts.terminalUses(window.from(), window.to(), window.classIds()), version.number("minMetres"),
                (int) version.whole("minEvents"));
    }

    static List<Hit> find(List<TerminalUse> uses, double minMetres, int minEvents) {
        Map<Long, List<TerminalUse>> away = new TreeMap<>();
        Map<Long, Double> farthest = new TreeMap<>();
        for (TerminalUse u : uses) {
            double metres = km(u.terminalLat(), u.terminalLng(), u.venueLat(), u.venueLng()) * 1000;
            if (metres > minMetres) {
                away.computeIfAbsent(u.terminalId(), k -> new ArrayList<>()).add(u);
                farthest.merge(u.terminalId(), metres, Math::max);
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<Long, List<TerminalUse>> e : away.entrySet()) {
            List<TerminalUse> list = e.getValue();
            if (list.size() < minEvents) {
                continue;
            }
            TerminalUse t = list.get(0);
            Set<Long> classes = new LinkedHashSet<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TerminalUse u : list) {
                if (u.classProviderId() == t.terminalProviderId()) {
                    classes.add(u.classId());
                }
                rows.add(map("event", u.eventId(), "class", u.classNo(), "session", u.sessionId(), "at",
                        text(u.occurredAt()), "metres",
                        round(km(u.terminalLat(), u.terminalLng(), u.venueLat(), u.venueLng()) * 1000, 0), "accepted",
                        u.accepted(), "reason", u.reason()));
            }
            hits.add(new Hit(SubjectKind.TERMINAL, t.terminalId(), t.terminalName() + " (" + t.deviceId() + ")",
                    t.terminalRegionCode(), null, t.terminalProviderId(), null, Math.min(100, 50 + 5 * list.size()),
                    map("device", t.deviceId(), "terminalLat", t.terminalLat(), "terminalLng", t.terminalLng(),
                            "useCount", list.size(), "farthestMetres", round(farthest.get(e.getKey()), 0), "uses",
                            cap(rows)),
                    RuleSupport.targets(SubjectKind.CLASS, classes)));
        }
        return hits;
    }

}
