package org.jixing.supervision.rules;

import static org.jixing.supervision.rules.RuleSupport.cap;
import static org.jixing.supervision.rules.RuleSupport.map;
import static org.jixing.supervision.rules.RuleSupport.round;
import static org.jixing.supervision.rules.RuleSupport.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * HOURS_BELOW_PROGRAMME: a completed class whose sessions held (anyone present) add up to
 * less than a share of its programme's hours.
 */
@Component
class HoursBelowProgramme implements RiskRule {

    static final String CODE = "HOURS_BELOW_PROGRAMME";

    private final ClassFacts facts;

    HoursBelowProgramme(ClassFacts facts) {
        this.facts = facts;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.COMPLETION),
                List.of(RuleParameter.of("share", 0.9, 0.1, 1, "实际授课学时至少应达到培训项目学时的比例",
                        "The share of the programme's hours the class must have delivered")),
                Severity.MEDIUM, false, "实际授课学时低于培训项目要求", "Hours delivered below the programme's");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        return find(ClassDeliveries.completed(facts, window), version.number("share"));
    }

    static List<Hit> find(List<ClassDelivery> classes, double share) {
        List<Hit> hits = new ArrayList<>();
        for (ClassDelivery c : classes) {
            long delivered = 0;
            List<Map<String, Object>> empty = new ArrayList<>();
            for (SessionDelivery s : c.sessions()) {
                if (s.present() > 0) {
                    delivered += Duration.between(s.startsAt(), s.endsAt()).toMinutes();
                }
                else {
                    empty.add(map("session", s.sessionId(), "seq", s.seq(), "startsAt", text(s.startsAt())));
                }
            }
            double required = c.programmeHours() * 60.0;
            if (delivered >= share * required) {
                continue;
            }
            hits.add(new Hit(SubjectKind.CLASS, c.classId(), c.classNo(), c.regionCode(), c.lineCode(), c.providerId(),
                    null, (int) Math.min(100, 40 + 60 * (1 - delivered / Math.max(required, 1))),
                    map("programmeHours", c.programmeHours(), "deliveredHours", round(delivered / 60.0, 1), "share",
                            share, "sessionsWithoutAttendance", empty.size(), "sessions", cap(empty)),
                    RuleSupport.targets(SubjectKind.CLASS, Set.of(c.classId()))));
        }
        return hits;
    }

}
