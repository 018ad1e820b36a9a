package org.jixing.supervision.rules;

import static org.jixing.supervision.rules.RuleSupport.cap;
import static org.jixing.supervision.rules.RuleSupport.map;
import static org.jixing.supervision.rules.RuleSupport.text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;

import org.jixing.person.People;
import org.jixing.person.Person;
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
import org.jixing.training.ClassFacts.PersonOverlap;
import org.springframework.stereotype.Component;

/** OVERLAPPING_CLASSES: a person enrolled in two classes whose sessions overlap. */
@Component
class OverlappingClasses implements RiskRule {

    static final String CODE = "OVERLAPPING_CLASSES";

    private final ClassFacts facts;

    private final People people;

    OverlappingClasses(ClassFacts facts, People people) {
        this.facts = facts;
        this.people = people;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.ENROLMENT),
                List.of(RuleParameter.of("minMinutes", 1, 1, 1440, "两个课次至少重叠多少分钟",
                        "How many minutes two sessions must overlap")),
                Severity.MEDIUM, false, "同一人报名的两个班课次时间重叠", "A person enrolled in two classes whose sessions overlap");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        if (window.focused() && window.personIds().isEmpty()) {
            return List.of();
        }
        List<PersonOverlap> overlaps = facts.personOverlaps(window.from(), window.to(), window.personIds());
        Set<Long> ids = new LinkedHashSet<>();
        overlaps.forEach(o -> ids.add(o.personId()));
        Map<Long, Person> found = people.findAll(ids);
        return find(overlaps, version.whole("minMinutes"),
                id -> found.containsKey(id) ? found.get(id).idNumberMasked() : "#" + id);
    }

    static List<Hit> find(List<PersonOverlap> overlaps, long minMinutes, LongFunction<String> label) {
        Map<Long, List<PersonOverlap>> byPerson = new TreeMap<>();
        for (PersonOverlap o : overlaps) {
            Instant start = o.a().startsAt().isAfter(o.b().startsAt()) ? o.a().startsAt() : o.b().startsAt();
            Instant end = o.a().endsAt().isBefore(o.b().endsAt()) ? o.a().endsAt() : o.b().endsAt();
            if (Duration.between(start, end).toMinutes() >= minMinutes) {
                byPerson.computeIfAbsent(o.personId(), k -> new ArrayList<>()).add(o);
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<Long, List<PersonOverlap>> e : byPerson.entrySet()) {
            Set<Long> enrolments = new LinkedHashSet<>();
            Set<Long> classes = new LinkedHashSet<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (PersonOverlap o : e.getValue()) {
                enrolments.add(o.enrolmentA());
                enrolments.add(o.enrolmentB());
                classes.add(o.a().classId());
                classes.add(o.b().classId());
                rows.add(map("classA", o.a().classNo(), "sessionA", o.a().sessionId(), "startsA",
                        text(o.a().startsAt()), "endsA", text(o.a().endsAt()), "classB", o.b().classNo(), "sessionB",
                        o.b().sessionId(), "startsB", text(o.b().startsAt()), "endsB", text(o.b().endsAt())));
            }
            PersonOverlap first = e.getValue().get(0);
            hits.add(new Hit(SubjectKind.PERSON, e.getKey(), label.apply(e.getKey()), first.a().regionCode(),
                    first.a().lineCode(), first.a().providerId(), null, Math.min(100, 50 + 5 * rows.size()),
                    map("overlapCount", rows.size(), "classCount", classes.size(), "overlaps", cap(rows)),
                    RuleSupport.targets(enrolments, classes)));
        }
        return hits;
    }

}
