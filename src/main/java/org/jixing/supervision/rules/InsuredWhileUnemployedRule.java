package org.jixing.supervision.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.employment.ContributionsImported;
import org.jixing.employment.EmploymentOutcomes;
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
import org.jixing.training.SupervisedTraining;
import org.jixing.training.SupervisedTraining.SubsidisedEnrolment;
import org.springframework.stereotype.Component;

/**
 * INSURED_WHILE_UNEMPLOYED: trainees subsidised as registered unemployed (失业人员: the group
 * {@value #UNEMPLOYED} held on the class's first day, as the registry holds it now) whom
 * the social-insurance records show contributing with an employer in a month of the
 * class. One alert per class, listing them, once at least {@code minTrainees} of its
 * trainees are such; it targets their enrolments (a blocking alert holds the claims
 * carrying them). The records come from employment's {@link EmploymentOutcomes}: only
 * completed enrolments are followed, and a month is known once a file of it was imported,
 * so the rule runs when a contribution file is imported ({@link ContributionsImported},
 * through {@link EmploymentRuleTriggers}) and in the scans, over the classes of the
 * enrolments made in the window and the {@code lookbackDays} before it.
 */
@Component
public class InsuredWhileUnemployedRule implements RiskRule {

    static final String CODE = "INSURED_WHILE_UNEMPLOYED";

    /** The trainee group of the registered unemployed. */
    static final String UNEMPLOYED = "REGISTERED_UNEMPLOYED";

    private final SupervisedTraining training;

    private final People people;

    private final EmploymentOutcomes outcomes;

    InsuredWhileUnemployedRule(SupervisedTraining training, People people, EmploymentOutcomes outcomes) {
        this.training = training;
        this.people = people;
        this.outcomes = outcomes;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.EMPLOYMENT_RECORDS),
                List.of(RuleParameter.of("minTrainees", 1, 1, 100, "班内在培训期间有社保缴费的失业人员学员人数下限",
                        "The fewest trainees subsidised as unemployed and contributing during the class"),
                        RuleParameter.of("lookbackDays", 400, 30, 800, "扫描时回看的报名天数（缴费记录在结业后数月才导入）",
                                "How far before the window a scan looks for enrolments (contributions arrive months "
                                        + "after the class)")),
                Severity.HIGH, true, "失业人员在参加面向失业人员的培训期间由用人单位缴纳社保",
                "Trainees subsidised as unemployed paying social insurance with an employer during the class");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        if (window.focused() && window.classIds().isEmpty() && window.personIds().isEmpty()) {
            return List.of();
        }
        Instant from = window.from().minus(Duration.ofDays((long) version.whole("lookbackDays")));
        List<SubsidisedEnrolment> enrolments = training.subsidisedEnrolments(from, window.to(), window.classIds(),
                window.classIds().isEmpty() ? window.personIds() : Set.of());
        if (enrolments.isEmpty()) {
            return List.of();
        }
        Set<Long> during = outcomes
            .contributingDuringClass(enrolments.stream().map(SubsidisedEnrolment::enrolmentId).toList());
        List<SubsidisedEnrolment> contributing = enrolments.stream()
            .filter(e -> during.contains(e.enrolmentId()))
            .toList();
        if (contributing.isEmpty()) {
            return List.of();
        }
        Map<Long, Person> persons = people
            .findAll(contributing.stream().map(SubsidisedEnrolment::personId).collect(Collectors.toSet()));
        Map<LocalDate, List<Long>> byStart = new LinkedHashMap<>();
        contributing.forEach(e -> byStart.computeIfAbsent(e.startDate(), k -> new ArrayList<>()).add(e.personId()));
        Map<String, Set<String>> held = new LinkedHashMap<>();
        byStart.forEach((day, ids) -> people.groupsOn(ids, day)
            .forEach((person, groups) -> held.put(person + "|" + day, groups)));
        Map<Long, String> endMonths = new LinkedHashMap<>();
        outcomes.followUps(contributing.stream().map(SubsidisedEnrolment::enrolmentId).toList())
            .forEach(f -> endMonths.put(f.enrolmentId(), f.endMonth()));
        return hits(contributing, persons, held, endMonths, (int) version.whole("minTrainees"));
    }

    /**
     * The hits among enrolments whose person contributed during the class.
     * @param held groups held by "personId|firstDay"
     * @param endMonths the month each enrolment's class ended (yyyy-MM)
     */
    static List<Hit> hits(List<SubsidisedEnrolment> contributing, Map<Long, Person> persons,
            Map<String, Set<String>> held, Map<Long, String> endMonths, int minTrainees) {
        Map<Long, List<SubsidisedEnrolment>> byClass = new LinkedHashMap<>();
        for (SubsidisedEnrolment e : contributing) {
            if (held.getOrDefault(e.personId() + "|" + e.startDate(), Set.of()).contains(UNEMPLOYED)) {
                byClass.computeIfAbsent(e.classId(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Hit> out = new ArrayList<>();
        byClass.forEach((classId, list) -> {
            if (list.size() < minTrainees) {
                return;
            }
            SubsidisedEnrolment first = list.get(0);
            String startMonth = YearMonth.from(first.startDate()).toString();
            String endMonth = endMonths.getOrDefault(first.enrolmentId(), startMonth);
            List<Map<String, Object>> trainees = new ArrayList<>();
            List<Hit.Target> targets = new ArrayList<>();
            for (SubsidisedEnrolment e : list) {
                Person p = persons.get(e.personId());
                trainees.add(Evidence.of("enrolmentId", e.enrolmentId(), "idNumber",
                        p == null ? null : p.idNumberMasked(), "name", p == null ? null : p.name()));
                targets.add(new Hit.Target(SubjectKind.ENROLMENT, e.enrolmentId()));
            }
            out.add(new Hit(SubjectKind.CLASS, classId, first.classNo(), first.regionCode(), first.lineCode(),
                    first.providerId(), null, 60 + 10 * list.size(),
                    Evidence.of("classNo", first.classNo(), "lineCode", first.lineCode(), "group", UNEMPLOYED,
                            "firstDay", first.startDate().toString(), "classMonths", startMonth + " – " + endMonth,
                            "traineeCount", list.size(), "trainees", Evidence.capped(trainees), "minTrainees",
                            minTrainees),
                    targets));
        });
        return out;
    }

}
