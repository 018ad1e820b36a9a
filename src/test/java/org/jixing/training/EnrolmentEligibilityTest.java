package org.jixing.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jixing.person.Person;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.training.internal.EligibilityFactStore.Facts;
import org.jixing.training.internal.EligibilityFactStore.OtherClass;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The enrolment rules without Spring: a subsidised welding class of 30 in Jinan starting
 * 14 December 2026, whose action line L02 asks for a trainee group; an adult with no
 * history is the starting point of each scenario.
 */
class EnrolmentEligibilityTest {

    static final LocalDate START = LocalDate.of(2026, 12, 14);

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    final EligibilityRules rules = new EligibilityRules(
            new EligibilityProperties(16, Map.of("L02", Set.of("UNEMPLOYED", "MIGRANT"))));

    static TrainingClass trainingClass(String line, boolean subsidised, ClassStatus status, int capacity) {
        return new TrainingClass(1, "370100-1", 7, "测试学校", "370100", 1, line, line + "-1", "WELDER", "JUNIOR",
                ClassType.REGULAR, null, null, subsidised, "历下区", null, null, START, START.plusDays(5), capacity,
                status, null, NOW, NOW, 1);
    }

    static final TrainingClass WELDING = trainingClass("L01", true, ClassStatus.APPROVED, 30);

    static final Person ADULT = new Person(42, "370102********0012", "张三", true, LocalDate.of(1990, 5, 1), null,
            "370102", 0);

    static Facts noHistory(int rosterSize) {
        return new Facts(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashSet<>(),
                new AtomicInteger(rosterSize));
    }

    static List<String> keys(List<Problem> problems) {
        return problems.stream().map(Problem::messageKey).toList();
    }

    @Test
    void anAdultWithNoHistoryEnrolsWithASubsidy() {
        Eligibility e = rules.evaluate(WELDING, ADULT, noHistory(0), Set.of());
        assertThat(e.eligibleForSubsidy()).isTrue();
    }

    @Nested
    class RulesThatRefuseTheEnrolment {

        @Test
        void aMinorIsRefused() {
            Person minor = new Person(43, "m", "小明", true, START.minusYears(15), null, "370102", 0);
            assertThat(keys(rules.evaluate(WELDING, minor, noHistory(0), Set.of()).blocking()))
                .containsExactly("training.error.enrol.age");
        }

        @Test
        void aFullClassRefusesANewcomerButNotSomeoneOnItsRoster() {
            assertThat(keys(rules.evaluate(WELDING, ADULT, noHistory(30), Set.of()).blocking()))
                .containsExactly("training.error.enrol.full");
            Facts onRoster = noHistory(30);
            onRoster.inClass().add(ADULT.id());
            assertThat(keys(rules.evaluate(WELDING, ADULT, onRoster, Set.of()).blocking()))
                .containsExactly("training.error.enrol.already");
        }

        @Test
        void aClassNotOpenForEnrolmentRefusesEveryone() {
            for (ClassStatus s : List.of(ClassStatus.SUBMITTED, ClassStatus.COMPLETED, ClassStatus.CANCELLED)) {
                TrainingClass c = trainingClass("L01", true, s, 30);
                assertThat(keys(rules.evaluate(c, ADULT, noHistory(0), Set.of()).blocking()))
                    .containsExactly("training.error.enrol.closed");
            }
        }

        @Test
        void anOverlappingClassOfAnotherProviderIsNotNamed() {
            Facts facts = noHistory(0);
            facts.overlapping().put(ADULT.id(), new OtherClass("370200-9", 99, "370200"));
            List<Problem> blocking = rules.evaluate(WELDING, ADULT, facts, Set.of()).blocking();
            assertThat(keys(blocking)).containsExactly("training.error.enrol.overlap.otherProvider");
        }

        @Test
        void anOverlappingClassOfTheSameProviderIsNamed() {
            Facts facts = noHistory(0);
            facts.overlapping().put(ADULT.id(), new OtherClass("370100-2", 7, "370100"));
            Problem overlap = rules.evaluate(WELDING, ADULT, facts, Set.of()).blocking().get(0);
            assertThat(overlap.messageKey()).isEqualTo("training.error.enrol.overlap");
            assertThat(overlap.args()).containsExactly("370100-2");
        }

    }

    @Nested
    class RulesThatLeaveOnlySelfFunding {

        @Test
        void aFourthSubsidisedTrainingOfTheYear() {
            Facts facts = noHistory(0);
            facts.usedSlots().put(ADULT.id(), new HashSet<>(Set.of(1, 2, 3)));
            Eligibility e = rules.evaluate(WELDING, ADULT, facts, Set.of());
            assertThat(e.blocking()).isEmpty();
            assertThat(keys(e.subsidy())).containsExactly("training.error.enrol.yearlyLimit");
        }

        @Test
        void theSameQualificationAgain() {
            Facts facts = noHistory(0);
            facts.sameQualification().put(ADULT.id(), new OtherClass("370100-0", 7, "370100"));
            assertThat(keys(rules.evaluate(WELDING, ADULT, facts, Set.of()).subsidy()))
                .containsExactly("training.error.enrol.sameQualification");
        }

        @Test
        void aLineForGroupsTakesOnlyTheirMembers() {
            TrainingClass forGroups = trainingClass("L02", true, ClassStatus.RUNNING, 30);
            assertThat(rules.requiredGroups(forGroups)).containsExactlyInAnyOrder("UNEMPLOYED", "MIGRANT");
            assertThat(keys(rules.evaluate(forGroups, ADULT, noHistory(0), Set.of("RETIRED")).subsidy()))
                .containsExactly("training.error.enrol.group");
            assertThat(rules.evaluate(forGroups, ADULT, noHistory(0), Set.of("MIGRANT")).eligibleForSubsidy()).isTrue();
        }

        @Test
        void aClassWithoutSubsidy() {
            TrainingClass selfFunded = trainingClass("L01", false, ClassStatus.APPROVED, 30);
            Eligibility e = rules.evaluate(selfFunded, ADULT, noHistory(0), Set.of());
            assertThat(e.blocking()).isEmpty();
            assertThat(keys(e.subsidy())).containsExactly("training.error.enrol.classNotSubsidised");
        }

    }

    @Test
    void aRosterBuiltInMemoryFillsTheClassAsSingleEnrolmentsWould() {
        Facts facts = noHistory(29);
        assertThat(rules.evaluate(WELDING, ADULT, facts, Set.of()).blocking()).isEmpty();
        facts.enrol(ADULT.id());
        Person next = new Person(44, "n", "李四", false, LocalDate.of(1995, 1, 1), null, "370102", 0);
        assertThat(keys(rules.evaluate(WELDING, next, facts, Set.of()).blocking()))
            .containsExactly("training.error.enrol.full");
    }

}
