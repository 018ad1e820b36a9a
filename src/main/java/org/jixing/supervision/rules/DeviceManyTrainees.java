package org.jixing.supervision.rules;

import static org.jixing.supervision.rules.RuleSupport.cap;
import static org.jixing.supervision.rules.RuleSupport.map;
import static org.jixing.supervision.rules.RuleSupport.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.jixing.training.AttendanceFacts.CheckInFact;
import org.jixing.training.DeviceKind;
import org.springframework.stereotype.Component;

/**
 * DEVICE_MANY_TRAINEES: one device that is not a registered terminal (a phone, which
 * should check in its owner) checking in many different trainees within minutes. A
 * registered terminal checks in a whole class by design and is not counted. The subject
 * is each class the device's burst checked in.
 */
@Component
class DeviceManyTrainees implements RiskRule {

    static final String CODE = "DEVICE_MANY_TRAINEES";

    private final AttendanceFacts facts;

    DeviceManyTrainees(AttendanceFacts facts) {
        this.facts = facts;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CHECK_IN),
                List.of(RuleParameter.of("trainees", 5, 2, 500, "同一设备在时限内签到的不同学员数达到此数即触发",
                        "Different trainees one device checks in within the time that fire the rule"),
                        RuleParameter.of("minutes", 30, 1, 1440, "时限（分钟）", "The time (minutes)")),
                Severity.HIGH, true, "同一部手机（非登记终端）短时间内为多名学员签到",
                "One phone (not a registered terminal) checked in many trainees within minutes");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        Duration span = Duration.ofMinutes(version.whole("minutes"));
        if (window.focused() && window.classIds().isEmpty()) {
            return List.of();
        }
        List<CheckInFact> checkIns = facts.checkIns(window.from().minus(span), window.to().plus(span), List.of(),
                window.classIds());
        return find(checkIns, (int) version.whole("trainees"), span);
    }

    static List<Hit> find(List<CheckInFact> checkIns, int trainees, Duration span) {
        Map<String, List<CheckInFact>> byDevice = new TreeMap<>();
        for (CheckInFact c : checkIns) {
            if (c.deviceId() != null && c.terminalId() == null && c.deviceKind() == DeviceKind.PHONE) {
                byDevice.computeIfAbsent(c.deviceId(), k -> new ArrayList<>()).add(c);
            }
        }
        Map<Long, Hit> hits = new LinkedHashMap<>();
        for (Map.Entry<String, List<CheckInFact>> e : byDevice.entrySet()) {
            List<CheckInFact> list = e.getValue();
            list.sort(Comparator.comparing(CheckInFact::occurredAt).thenComparing(CheckInFact::eventId));
            // The largest set of different people within the span: two pointers.
            int best = 0;
            int bestFrom = 0;
            int bestTo = 0;
            Map<Long, Integer> inWindow = new HashMap<>();
            int left = 0;
            for (int right = 0; right < list.size(); right++) {
                inWindow.merge(list.get(right).personId(), 1, Integer::sum);
                while (Duration.between(list.get(left).occurredAt(), list.get(right).occurredAt())
                    .compareTo(span) > 0) {
                    inWindow.merge(list.get(left).personId(), -1, Integer::sum);
                    inWindow.remove(list.get(left).personId(), 0);
                    left++;
                }
                if (inWindow.size() > best) {
                    best = inWindow.size();
                    bestFrom = left;
                    bestTo = right;
                }
            }
            if (best < trainees) {
                continue;
            }
            List<CheckInFact> burst = list.subList(bestFrom, bestTo + 1);
            Map<Long, List<CheckInFact>> byClass = new TreeMap<>();
            burst.forEach(c -> byClass.computeIfAbsent(c.classId(), k -> new ArrayList<>()).add(c));
            for (List<CheckInFact> ofClass : byClass.values()) {
                CheckInFact first = ofClass.get(0);
                Set<Long> enrolments = new LinkedHashSet<>();
                List<Map<String, Object>> rows = new ArrayList<>();
                for (CheckInFact c : ofClass) {
                    enrolments.add(c.enrolmentId());
                    rows.add(map("event", c.eventId(), "enrolment", c.enrolmentId(), "session", c.sessionId(), "at",
                            text(c.occurredAt()), "faceScore", c.faceScore()));
                }
                int score = Math.min(100, 60 + 40 * best / Math.max(trainees * 4, 1));
                hits.put(first.classId(), new Hit(SubjectKind.CLASS, first.classId(), first.classNo(),
                        first.regionCode(), first.lineCode(), first.providerId(), null, score,
                        map("device", e.getKey(), "trainees", best, "threshold", trainees, "minutes", span.toMinutes(),
                                "from", text(burst.get(0).occurredAt()), "to",
                                text(burst.get(burst.size() - 1).occurredAt()), "checkInCount", rows.size(), "checkIns",
                                cap(rows)),
                        RuleSupport.targets(enrolments, Set.of(first.classId()))));
            }
        }
        return new ArrayList<>(hits.values());
    }

}
