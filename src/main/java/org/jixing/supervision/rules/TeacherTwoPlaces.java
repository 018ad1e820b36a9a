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
import org.jixing.training.ClassFacts;
import org.jixing.training.ClassFacts.SessionFact;
import org.jixing.training.ClassFacts.TeacherOverlap;
import org.springframework.stereotype.Component;

/**
 * TEACHER_TWO_PLACES: one teacher (one registration, or one ID number registered by two
 * providers) booked into two overlapping sessions at different places.
 */
@Component
class TeacherTwoPlaces implements RiskRule {

    static final String CODE = "TEACHER_TWO_PLACES";

    private final ClassFacts facts;

    TeacherTwoPlaces(ClassFacts facts) {
        this.facts = facts;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.ENROLMENT),
                List.of(RuleParameter.of("minKm", 1, 0, 2000, "两个场地至少相距多远才算（公里）",
                        "How far apart the two venues must be to count (km)")),
                Severity.MEDIUM, false, "同一教师同一时间在两个地点授课", "One teacher teaching at two places at the same time");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        if (window.focused() && window.classIds().isEmpty()) {
            return List.of();
        }
        return find(facts.teacherOverlaps(window.from(), window.to(), window.classIds()), version.number("minKm"));
    }

    static List<Hit> find(List<TeacherOverlap> overlaps, double minKm) {
        Map<Long, List<TeacherOverlap>> byTeacher = new TreeMap<>();
        for (TeacherOverlap o : overlaps) {
            double d = km(o.a().venueLat(), o.a().venueLng(), o.b().venueLat(), o.b().venueLng());
            if (d >= minKm) {
                byTeacher.computeIfAbsent(Math.min(o.a().teacherId(), o.b().teacherId()), k -> new ArrayList<>())
                    .add(o);
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<Long, List<TeacherOverlap>> e : byTeacher.entrySet()) {
            Set<Long> classes = new LinkedHashSet<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TeacherOverlap o : e.getValue()) {
                classes.add(o.a().classId());
                classes.add(o.b().classId());
                rows.add(map("first", side(o.a()), "second", side(o.b()), "km",
                        round(km(o.a().venueLat(), o.a().venueLng(), o.b().venueLat(), o.b().venueLng()), 1)));
            }
            SessionFact a = e.getValue().get(0).a().teacherId() == e.getKey() ? e.getValue().get(0).a()
                    : e.getValue().get(0).b();
            hits.add(new Hit(SubjectKind.TEACHER, e.getKey(), a.teacherName(), a.regionCode(), a.lineCode(),
                    a.providerId(), null, Math.min(100, 60 + 5 * rows.size()),
                    map("overlapCount", rows.size(), "overlaps", cap(rows)),
                    RuleSupport.targets(SubjectKind.CLASS, classes)));
        }
        return hits;
    }

    private static Map<String, Object> side(SessionFact s) {
        return map("teacher", s.teacherId(), "class", s.classNo(), "session", s.sessionId(), "provider",
                s.providerName(), "startsAt", text(s.startsAt()), "endsAt", text(s.endsAt()), "venue",
                s.venueAddress());
    }

}
