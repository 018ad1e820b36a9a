package org.jixing.supervision.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.person.Person;
import org.jixing.supervision.Hit;
import org.jixing.supervision.SubjectKind;
import org.jixing.training.SupervisedTraining.SubsidisedEnrolment;
import org.junit.jupiter.api.Test;

/**
 * INSURED_WHILE_UNEMPLOYED at its threshold: a class fires when at least
 * {@code minTrainees} of the trainees who contributed during it were subsidised as
 * registered unemployed, one alert per class listing them and targeting their enrolments;
 * a trainee who contributed under another group (a veteran in work) does not count.
 */
class InsuredWhileUnemployedRuleTest {

    static final LocalDate START = LocalDate.of(2026, 3, 2);

    static final Map<Long, Person> PERSONS = Map.of(1L, person(1), 2L, person(2), 3L, person(3));

    static final List<SubsidisedEnrolment> CONTRIBUTING = List.of(enrolment(11, 1), enrolment(12, 2), enrolment(13, 3));

    /** People 1 and 2 were registered unemployed on the first day; 3 a veteran. */
    static final Map<String, Set<String>> HELD = Map.of("1|" + START, Set.of("REGISTERED_UNEMPLOYED"), "2|" + START,
            Set.of("REGISTERED_UNEMPLOYED", "VETERAN"), "3|" + START, Set.of("VETERAN"));

    static final Map<Long, String> END_MONTHS = Map.of(11L, "2026-04", 12L, "2026-04", 13L, "2026-04");

    @Test
    void at_the_threshold_the_class_fires_with_its_unemployed_trainees() {
        List<Hit> hits = InsuredWhileUnemployedRule.hits(CONTRIBUTING, PERSONS, HELD, END_MONTHS, 2);
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.subjectKind()).isEqualTo(SubjectKind.CLASS);
            assertThat(h.subjectId()).isEqualTo(70);
            assertThat(h.evidence()).containsEntry("traineeCount", 2)
                .containsEntry("classMonths", "2026-03 – 2026-04")
                .containsEntry("group", "REGISTERED_UNEMPLOYED");
            assertThat(h.targets()).extracting(Hit.Target::id).containsExactly(11L, 12L);
        });
    }

    @Test
    void below_the_threshold_nothing_fires() {
        assertThat(InsuredWhileUnemployedRule.hits(CONTRIBUTING, PERSONS, HELD, END_MONTHS, 3)).isEmpty();
    }

    @Test
    void a_trainee_not_subsidised_as_unemployed_does_not_count() {
        assertThat(InsuredWhileUnemployedRule.hits(List.of(enrolment(13, 3)), PERSONS, HELD, END_MONTHS, 1)).isEmpty();
    }

    private static SubsidisedEnrolment enrolment(long id, long person) {
        return new SubsidisedEnrolment(id, person, 70, "C70", 5, "370102", "L06", START, "COMPLETED");
    }

    private static Person person(long id) {
        return new Person(id, "3701**********001X", "学员" + id, true, START.minusYears(40), "139****0000", "370102", 0);
    }

}
