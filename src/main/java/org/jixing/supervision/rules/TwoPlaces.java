package org.jixing.supervision.rules;

import static org.jixing.supervision.rules.RuleSupport.cap;
import static org.jixing.supervision.rules.RuleSupport.km;
import static org.jixing.supervision.rules.RuleSupport.map;
import static org.jixing.supervision.rules.RuleSupport.round;
import static org.jixing.supervision.rules.RuleSupport.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.jixing.training.AttendanceFacts;
import org.jixing.training.AttendanceFacts.CheckInFact;
import org.springframework.stereotype.Component;

/**
 * TWO_PLACES: a person checked in at two venues farther apart than the time between the
 * check-ins allows at the given speed.
 */
@Component
class TwoPlaces implements RiskRule {

    static final String CODE = "TWO_PLACES";

    /** How far around the window a person's other check-ins are read. */
    static final Duration MARGIN = Duration.ofHours(12);

    private final AttendanceFacts facts;

    private final People people;

    TwoPlaces(AttendanceFacts facts, People people) {
        this.facts = facts;
        this.people = people;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CHECK_IN),
                List.of(RuleParameter.of("speedKmh", 120, 10, 1000, "两次签到之间可能的最高移动速度（公里/小时）",
                        "The highest speed possible between two check-ins (km/h)"),
                        RuleParameter.of("minKm", 20, 1, 2000, "两个场地至少相距多远才算（公里）",
                                "How far apart two venues must be to count (km)")),
                Severity.HIGH, true, "同一人在两个相距过远、时间上无法到达的场地签到",
                "A person checked in at two venues too far apart for the time between");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        List<CheckInFact> checkIns = facts.checkIns(window.from().minus(MARGIN), window.to().plus(MARGIN),
                window.personIds(), window.classIds());
        if (window.focused() && window.personIds().isEmpty()) {
            // Classes named: their people's other check-ins too.
            Set<Long> people = new LinkedHashSet<>();
            checkIns.forEach(c -> people.add(c.personId()));
            checkIns = facts.checkIns(window.from().minus(MARGIN), window.to().plus(MARGIN), people, List.of());
        }
        Set<Long> ids = new LinkedHashSet<>();
        checkIns.forEach(c -> ids.add(c.personId()));
        Map<Long, Person> found = people.findAll(ids);
        return find(checkIns, version.number("speedKmh"), version.number("minKm"),
                id -> found.containsKey(id) ? found.get(id).idNumberMasked() : "#" + id);
    }

    /** The people whose consecutive check-ins are too far apart for the time between. */
    static List<Hit> find(List<CheckInFact> checkIns, double speedKmh, double minKm, LongFunction<String> label) {
        Map<Long, List<CheckInFact>> byPerson = new TreeMap<>();
        for (CheckInFact c : checkIns) {
            byPerson.computeIfAbsent(c.personId(), k -> new ArrayList<>()).add(c);
        }
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<Long, List<CheckInFact>> e : byPerson.entrySet()) {
            List<CheckInFact> list = e.getValue();
            list.sort(Comparator.comparing(CheckInFact::occurredAt).thenComparing(CheckInFact::eventId));
            List<Map<String, Object>> pairs = new ArrayList<>();
            Set<Long> enrolments = new LinkedHashSet<>();
            Set<Long> classes = new LinkedHashSet<>();
            double worst = 0;
            for (int i = 1; i < list.size(); i++) {
                CheckInFact a = list.get(i - 1);
                CheckInFact b = list.get(i);
                double d = km(a.venueLat(), a.venueLng(), b.venueLat(), b.venueLng());
                if (d < minKm) {
                    continue;
                }
                double hours = Duration.between(a.occurredAt(), b.occurredAt()).toMillis() / 3_600_000.0;
                double speed = hours <= 0 ? Double.POSITIVE_INFINITY : d / hours;
                if (speed <= speedKmh) {
                    continue;
                }
                worst = Math.max(worst, Math.min(speed, 100_000));
                enrolments.add(a.enrolmentId());
                enrolments.add(b.enrolmentId());
                classes.add(a.classId());
                classes.add(b.classId());
                pairs.add(map("first", side(a), "second", side(b), "km", round(d, 1), "minutes", round(hours * 60, 1),
                        "kmh", Double.isInfinite(speed) ? null : round(speed, 0)));
            }
            if (pairs.isEmpty()) {
                continue;
            }
            CheckInFact first = list.get(0);
            int score = (int) Math.min(100, 70 + 10 * pairs.size() + worst / speedKmh);
            hits.add(new Hit(SubjectKind.PERSON, e.getKey(), label.apply(e.getKey()), first.regionCode(),
                    first.lineCode(), first.providerId(), null, score,
                    map("pairCount", pairs.size(), "speedKmh", speedKmh, "minKm", minKm, "pairs", cap(pairs)),
                    RuleSupport.targets(enrolments, classes)));
        }
        return hits;
    }

    private static Map<String, Object> side(CheckInFact c) {
        return map("event", c.eventId(), "class", c.classNo(), "enrolment", c.enrolmentId(), "session", c.sessionId(),
                "at", text(c.occurredAt()), "venue", c.venueAddress(), "lat", c.venueLat(), "lng", c.venueLng(),
                "device", c.deviceId());
    }

}
