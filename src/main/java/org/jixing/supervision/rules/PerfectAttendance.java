package org.jixing.supervision.rules;

import static org.jixing.supervision.rules.RuleSupport.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jixing.supervision.Hit;
import org.jixing.supervision.RiskRule;
import org.jixing.supervision.RuleDefinition;
import org.jixing.supervision.RuleDefinition.Trigger;
import org.jixing.supervision.RuleParameter;
import org.jixing.supervision.RuleVersion;
import org.jixing.supervision.ScanWindow;
import org.jixing.supervision.Severity;
import org.jixing.supervision.SubjectKind;
import org.jixing.training.ClassFacts;
import org.jixing.training.ClassFacts.ClassDelivery;
import org.jixing.training.ClassFacts.SessionDelivery;
import org.springframework.stereotype.Component;

/**
 * PERFECT_ATTENDANCE: a completed class where every trainee attended every session and
 * nobody was late: real classes miss a session now and then.
 */
@Component
class PerfectAttendance implements RiskRule {

    static final String CODE = "PERFECT_ATTENDANCE";

    private final ClassFacts facts;

    PerfectAttendance(ClassFacts facts) {
        this.facts = facts;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.COMPLETION), List.of(
                RuleParameter.of("minSessions", 5, 1, 500, "至少多少个课次才判断", "The fewest sessions to judge a class"),
                RuleParameter.of("minTrainees", 5, 1, 500, "至少多少名学员才判断", "The fewest trainees to judge a class")),
                Severity.LOW, false, "全班每个课次全员出勤、无人迟到", "Everybody attended every session, nobody late");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        return find(ClassDeliveries.completed(facts, window), (int) version.whole("minSessions"),
                (int) version.whole("minTrainees"));
    }

    static List<Hit> find(List<ClassDelivery> classes, int minSessions, int minTrainees) {
        List<Hit> hits = new ArrayList<>();
        for (ClassDelivery c : classes) {
            if (c.sessions().size() < minSessions || c.trainees() < minTrainees) {
                continue;
            }
            boolean perfect = true;
            for (SessionDelivery s : c.sessions()) {
                perfect &= s.present() >= c.trainees() && s.late() == 0;
            }
            if (!perfect) {
                continue;
            }
            hits.add(new Hit(SubjectKind.CLASS, c.classId(), c.classNo(), c.regionCode(), c.lineCode(), c.providerId(),
                    null, Math.min(100, 30 + c.sessions().size() + c.trainees() / 2),
                    map("sessions", c.sessions().size(), "trainees", c.trainees(), "attendances",
                            (long) c.sessions().size() * c.trainees(), "late", 0, "missing", 0),
                    RuleSupport.targets(SubjectKind.CLASS, Set.of(c.classId()))));
        }
        return hits;
    }

}
