package org.jixing.supervision.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
import org.jixing.training.EligibilityProperties;
import org.jixing.training.SupervisedTraining;
import org.jixing.training.SupervisedTraining.SubsidisedEnrolment;
import org.springframework.stereotype.Component;

/**
 * AGE_OR_GROUP_MISMATCH: a subsidised trainee whose age or group does not fit the class's
 * action line as the registry holds them now: younger than the province's minimum age or
 * older than {@code maxAge} on the first day; on a line for particular groups
 * ({@code jixing.eligibility.line-groups}) without any of them on that day (a membership
 * since ended or removed, or recorded after the enrolment); or counted a student or
 * graduate (the only group held of the line's) past {@code maxStudentAge}.
 */
@Component
public class AgeOrGroupMismatchRule implements RiskRule {

    static final String CODE = "AGE_OR_GROUP_MISMATCH";

    static final String STUDENT = "STUDENT_GRADUATE";

    private final SupervisedTraining training;

    private final People people;

    private final EligibilityProperties eligibility;

    AgeOrGroupMismatchRule(SupervisedTraining training, People people, EligibilityProperties eligibility) {
        this.training = training;
        this.people = people;
        this.eligibility = eligibility;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CLAIM, Trigger.ENROLMENT),
                List.of(RuleParameter.of("maxAge", 65, 45, 80, "开班首日学员年龄上限",
                        "The oldest a subsidised trainee may be on the first day"),
                        RuleParameter.of("maxStudentAge", 35, 20, 60, "按高校学生及毕业生身份享受补贴的年龄上限",
                                "The oldest a trainee counted a student or graduate may be")),
                Severity.MEDIUM, false, "学员年龄或所属群体与班级所属行动不符",
                "A trainee's age or group does not fit the class's action line");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        if (window.focused() && window.classIds().isEmpty() && window.personIds().isEmpty()) {
            return List.of();
        }
        List<SubsidisedEnrolment> enrolments = training.subsidisedEnrolments(window.from(), window.to(),
                window.classIds(), window.classIds().isEmpty() ? window.personIds() : Set.of());
        if (enrolments.isEmpty()) {
            return List.of();
        }
        Map<Long, Person> persons = people.findAll(enrolments.stream().map(SubsidisedEnrolment::personId).toList());
        Map<LocalDate, List<Long>> byStart = new LinkedHashMap<>();
        enrolments.forEach(e -> byStart.computeIfAbsent(e.startDate(), k -> new ArrayList<>()).add(e.personId()));
        Map<String, Set<String>> held = new LinkedHashMap<>();
        byStart.forEach((day, ids) -> people.groupsOn(ids, day)
            .forEach((person, groups) -> held.put(person + "|" + day, groups)));
        return hits(enrolments, persons, held, eligibility.lineGroups(), eligibility.minimumAge(),
                (int) version.whole("maxAge"), (int) version.whole("maxStudentAge"));
    }

    /**
     * @param held groups held by "personId|firstDay"
     */
    static List<Hit> hits(List<SubsidisedEnrolment> enrolments, Map<Long, Person> persons,
            Map<String, Set<String>> held, Map<String, Set<String>> lineGroups, int minAge, int maxAge,
            int maxStudentAge) {
        List<Hit> out = new ArrayList<>();
        for (SubsidisedEnrolment e : enrolments) {
            Person p = persons.get(e.personId());
            if (p == null) {
                continue;
            }
            int age = p.ageOn(e.startDate());
            Set<String> groups = held.getOrDefault(e.personId() + "|" + e.startDate(), Set.of());
            Set<String> required = lineGroups.getOrDefault(e.lineCode(), Set.of());
            Set<String> fitting = new TreeSet<>(groups);
            fitting.retainAll(required);
            List<String> reasons = new ArrayList<>();
            if (age < minAge) {
                reasons.add("UNDER_AGE");
            }
            if (age > maxAge) {
                reasons.add("OVER_AGE");
            }
            if (!required.isEmpty() && fitting.isEmpty()) {
                reasons.add("NO_GROUP_OF_LINE");
            }
            if (fitting.equals(Set.of(STUDENT)) && age > maxStudentAge) {
                reasons.add("STUDENT_TOO_OLD");
            }
            if (reasons.isEmpty()) {
                continue;
            }
            out.add(new Hit(SubjectKind.ENROLMENT, e.enrolmentId(), e.classNo() + " " + p.idNumberMasked(),
                    e.regionCode(), e.lineCode(), e.providerId(), null, 50 + 15 * reasons.size(),
                    Evidence.of("classNo", e.classNo(), "lineCode", e.lineCode(), "idNumber", p.idNumberMasked(),
                            "firstDay", e.startDate().toString(), "age", age, "groupsHeld", new TreeSet<>(groups),
                            "groupsOfLine", new TreeSet<>(required), "reasons", reasons, "minAge", minAge, "maxAge",
                            maxAge, "maxStudentAge", maxStudentAge),
                    List.of(new Hit.Target(SubjectKind.ENROLMENT, e.enrolmentId()))));
        }
        return out;
    }

}
