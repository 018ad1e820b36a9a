package org.jixing.supervision.rules;

import static org.jixing.supervision.rules.RuleSupport.cap;
import static org.jixing.supervision.rules.RuleSupport.map;

import java.math.BigDecimal;
import java.util.ArrayList;
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
import org.springframework.stereotype.Component;

/**
 * IDENTICAL_FACE_SCORES: many trainees of one session with exactly the same face-match
 * score (to four places), as when one face, or none, is matched for all of them.
 */
@Component
class IdenticalFaceScores implements RiskRule {

    static final String CODE = "IDENTICAL_FACE_SCORES";

    private final AttendanceFacts facts;

    IdenticalFaceScores(AttendanceFacts facts) {
        this.facts = facts;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CHECK_IN),
                List.of(RuleParameter.of("trainees", 5, 2, 500, "同一课次人脸比对分数完全相同的学员数",
                        "Trainees of one session with the very same face score"),
                        RuleParameter.of("share", 0.5, 0.1, 1, "这些学员占该课次签到学员的比例",
                                "Their share of the session's checked-in trainees")),
                Severity.MEDIUM, false, "同一课次多名学员人脸比对分数完全相同",
                "Many trainees of one session with identical face scores");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        return find(SessionCheckIns.read(facts, window), (int) version.whole("trainees"), version.number("share"));
    }

    static List<Hit> find(List<CheckInFact> checkIns, int trainees, double share) {
        Map<Long, CheckInFact> classes = new LinkedHashMap<>();
        Map<Long, List<Map<String, Object>>> sessions = new LinkedHashMap<>();
        Map<Long, Set<Long>> enrolments = new LinkedHashMap<>();
        for (List<CheckInFact> list : SessionCheckIns.bySession(checkIns).values()) {
            Map<BigDecimal, List<CheckInFact>> byScore = new TreeMap<>();
            for (CheckInFact c : list) {
                if (c.faceScore() != null) {
                    byScore.computeIfAbsent(c.faceScore().stripTrailingZeros(), k -> new ArrayList<>()).add(c);
                }
            }
            Map.Entry<BigDecimal, List<CheckInFact>> most = null;
            for (Map.Entry<BigDecimal, List<CheckInFact>> e : byScore.entrySet()) {
                if (most == null || e.getValue().size() > most.getValue().size()) {
                    most = e;
                }
            }
            if (most == null || most.getValue().size() < trainees || most.getValue().size() < share * list.size()) {
                continue;
            }
            CheckInFact first = list.get(0);
            classes.putIfAbsent(first.classId(), first);
            Set<Long> ids = enrolments.computeIfAbsent(first.classId(), k -> new LinkedHashSet<>());
            most.getValue().forEach(c -> ids.add(c.enrolmentId()));
            sessions.computeIfAbsent(first.classId(), k -> new ArrayList<>())
                .add(map("session", first.sessionId(), "faceScore", most.getKey().toPlainString(), "sameScore",
                        most.getValue().size(), "checkedIn", list.size(), "enrolments",
                        cap(most.getValue().stream().map(CheckInFact::enrolmentId).toList())));
        }
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<Long, CheckInFact> e : classes.entrySet()) {
            CheckInFact c = e.getValue();
            List<Map<String, Object>> rows = sessions.get(e.getKey());
            hits.add(
                    new Hit(SubjectKind.CLASS, c.classId(), c.classNo(), c.regionCode(), c.lineCode(), c.providerId(),
                            null, Math.min(100, 60 + 5 * rows.size()), map("threshold", trainees, "share", share,
                                    "sessionCount", rows.size(), "sessions", cap(rows)),
                            RuleSupport.targets(enrolments.get(e.getKey()), Set.of(c.classId()))));
        }
        return hits;
    }

}
