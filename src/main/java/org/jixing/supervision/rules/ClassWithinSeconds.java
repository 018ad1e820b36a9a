package org.jixing.supervision.rules;

import static org.jixing.supervision.rules.RuleSupport.cap;
import static org.jixing.supervision.rules.RuleSupport.map;
import static org.jixing.supervision.rules.RuleSupport.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.jixing.training.AttendanceFacts;
import org.jixing.training.AttendanceFacts.CheckInFact;
import org.springframework.stereotype.Component;

/**
 * CLASS_WITHIN_SECONDS: most of a session's trainees checked in within a few seconds of
 * each other, which no queue at a terminal or group of phones does.
 */
@Component
class ClassWithinSeconds implements RiskRule {

    static final String CODE = "CLASS_WITHIN_SECONDS";

    private final AttendanceFacts facts;

    ClassWithinSeconds(AttendanceFacts facts) {
        this.facts = facts;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CHECK_IN),
                List.of(RuleParameter.of("seconds", 10, 1, 600, "时限（秒）", "The time (seconds)"),
                        RuleParameter.of("share", 0.8, 0.1, 1, "在时限内签到的学员占该课次签到学员的比例",
                                "The share of a session's checked-in trainees within the time"),
                        RuleParameter.of("minTrainees", 5, 2, 500, "课次至少有多少学员签到才判断",
                                "The fewest trainees checked in for the session to be judged")),
                Severity.HIGH, true, "一个课次的大部分学员在几秒内全部签到", "Most of a session's trainees checked in within seconds");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        return find(SessionCheckIns.read(facts, window), Duration.ofSeconds(version.whole("seconds")),
                version.number("share"), (int) version.whole("minTrainees"));
    }

    static List<Hit> find(List<CheckInFact> checkIns, Duration span, double share, int minTrainees) {
        Map<Long, Hit> byClass = new LinkedHashMap<>();
        Map<Long, List<Map<String, Object>>> sessions = new LinkedHashMap<>();
        Map<Long, Set<Long>> enrolments = new LinkedHashMap<>();
        Map<Long, CheckInFact> classes = new LinkedHashMap<>();
        for (List<CheckInFact> list : SessionCheckIns.bySession(checkIns).values()) {
            int total = list.size();
            if (total < minTrainees) {
                continue;
            }
            int best = 0;
            int bestFrom = 0;
            int left = 0;
            for (int right = 0; right < total; right++) {
                while (Duration.between(list.get(left).occurredAt(), list.get(right).occurredAt())
                    .compareTo(span) > 0) {
                    left++;
                }
                if (right - left + 1 > best) {
                    best = right - left + 1;
                    bestFrom = left;
                }
            }
            if (best < share * total) {
                continue;
            }
            CheckInFact first = list.get(0);
            classes.putIfAbsent(first.classId(), first);
            List<CheckInFact> burst = list.subList(bestFrom, bestFrom + best);
            Set<Long> ids = enrolments.computeIfAbsent(first.classId(), k -> new LinkedHashSet<>());
            burst.forEach(c -> ids.add(c.enrolmentId()));
            sessions.computeIfAbsent(first.classId(), k -> new ArrayList<>())
                .add(map("session", first.sessionId(), "checkedIn", total, "withinSeconds", best, "from",
                        text(burst.get(0).occurredAt()), "to", text(burst.get(best - 1).occurredAt()), "enrolments",
                        cap(burst.stream().map(CheckInFact::enrolmentId).toList())));
        }
        for (Map.Entry<Long, CheckInFact> e : classes.entrySet()) {
            CheckInFact c = e.getValue();
            List<Map<String, Object>> rows = sessions.get(e.getKey());
            byClass.put(e.getKey(),
                    new Hit(SubjectKind.CLASS, c.classId(), c.classNo(), c.regionCode(), c.lineCode(), c.providerId(),
                            null, Math.min(100, 75 + 5 * rows.size()), map("seconds", span.toSeconds(), "share", share,
                                    "sessionCount", rows.size(), "sessions", cap(rows)),
                            RuleSupport.targets(enrolments.get(e.getKey()), Set.of(c.classId()))));
        }
        return new ArrayList<>(byClass.values());
    }

}
