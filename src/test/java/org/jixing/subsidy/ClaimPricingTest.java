package org.jixing.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jixing.person.GroupBasis;
import org.jixing.person.HeldGroup;
import org.jixing.person.MembershipChannel;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.Money;
import org.jixing.training.ClassStatus;
import org.jixing.training.ClassType;
import org.jixing.training.Enrolment;
import org.jixing.training.EnrolmentStatus;
import org.jixing.training.Enrolments.ClassCompletion;
import org.jixing.training.TrainingClass;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How a claim for a class is priced from the records ({@link ClaimPricing}): trainees in
 * roster order with the rules in force, the ones left out with why, and what keeps the
 * claim from being filed.
 */
class ClaimPricingTest {

    static final LocalDate START = LocalDate.of(2026, 3, 2);

    static final Payee PAYEE = new Payee(7, "学校", "6222020200001234", "银行");

    /** Province review above 5,000 yuan and for action line KEY. */
    static final ClaimPricing PRICING = new ClaimPricing(new SubsidyProperties(5_000L, Set.of("KEY"), 10));

    static TrainingClass trainingClass(ClassStatus status, boolean subsidised, String line) {
        return new TrainingClass(10, "C10", 7, "学校", "370100", 1, line, null, "COOK", "JUNIOR", ClassType.REGULAR, null,
                null, subsidised, "济南", null, null, START, START.plusDays(20), 30, status, null, Instant.EPOCH,
                Instant.EPOCH, 0);
    }

    static ClassCompletion trainee(long person, EnrolmentStatus status, boolean subsidised) {
        return new ClassCompletion(new Enrolment(100 + person, 10, person, "3701**********" + person, "学员" + person,
                subsidised, subsidised ? null : "已享受", status, "t" + person, Instant.EPOCH, 0,
                status == EnrolmentStatus.NOT_COMPLETED ? "出勤不足" : null), START.plusDays(20));
    }

    /** A class with its roster, groups and certificates, built up by a scenario. */
    static final class Records {

        TrainingClass c = trainingClass(ClassStatus.COMPLETED, true, "L1");

        List<ClassCompletion> roster = new ArrayList<>();

        Map<Long, Map<String, HeldGroup>> groups = new HashMap<>();

        boolean providerActive = true;

        Instant completesFrom;

        Optional<Payee> payee = Optional.of(PAYEE);

        Optional<Claim> standing = Optional.empty();

        Map<Long, Long> already = new HashMap<>();

        Optional<RuleSet> rules = Optional.of(RuleSetQuoteTest.rules());

        Records completed(long... persons) {
            for (long p : persons) {
                roster.add(trainee(p, EnrolmentStatus.COMPLETED, true));
            }
            return this;
        }

        Records declared(long person, String group) {
            groups.computeIfAbsent(person, p -> new HashMap<>())
                .put(group, new HeldGroup(group, GroupBasis.DECLARED, 900 + person, MembershipChannel.ROSTER_IMPORT,
                        "staff-7"));
            return this;
        }

        ClaimPreview price() {
            return PRICING.price(new ClaimableClass(c, roster, groups, Set.of(), providerActive, completesFrom), rules,
                    payee, standing, already);
        }

    }

    static List<String> keys(ClaimPreview p) {
        return p.problems().stream().map(Problem::messageKey).toList();
    }

    @Nested
    class AProviderClaimingForACompletedClass {

        @Test
        void is_paid_for_each_completed_subsidised_trainee() {
            ClaimPreview p = new Records().completed(1, 2, 3).price();
            assertThat(p.fileable()).isTrue();
            assertThat(p.lines()).hasSize(3);
            assertThat(p.total()).isEqualTo(Money.ofYuan("3000"));
            assertThat(p.fundSourceCode()).isEqualTo("CENTRAL");
            assertThat(p.provinceReview()).isFalse();
            assertThat(p.payee()).contains(PAYEE);
        }

        @Test
        void leaves_out_those_who_did_not_complete_or_pay_themselves_and_says_why() {
            Records r = new Records().completed(1);
            r.roster.add(trainee(2, EnrolmentStatus.NOT_COMPLETED, true));
            r.roster.add(trainee(3, EnrolmentStatus.COMPLETED, false));
            r.roster.add(trainee(4, EnrolmentStatus.WITHDRAWN, true));
            ClaimPreview p = r.price();
            assertThat(p.lines()).extracting(ClaimLine::personId).containsExactly(1L);
            assertThat(p.exclusions()).extracting(ClaimExclusion::reasonKey)
                .containsExactly("subsidy.exclusion.notCompleted", "subsidy.exclusion.selfFunded");
            assertThat(p.exclusions().get(0).reasonArg()).isEqualTo("出勤不足");
        }

        @Test
        void prices_a_declared_group_and_keeps_what_it_rests_on() {
            ClaimPreview p = new Records().completed(1).declared(1, "DISABLED").price();
            ClaimLine line = p.lines().get(0);
            assertThat(line.amount()).isEqualTo(Money.ofYuan("1200"));
            assertThat(line.groupEvidence().declaredOnly()).isTrue();
            assertThat(p.adjustments().declaredLines()).isEqualTo(1);
            assertThat(p.adjustments().declared()).isEqualTo(Money.ofYuan("200"));
        }

        @Test
        void counts_what_each_person_has_on_other_standing_claims_that_year() {
            Records r = new Records().completed(1);
            r.already.put(1L, Money.ofYuan("2000").fen());
            ClaimPreview p = r.price();
            assertThat(p.lines().get(0).amount()).isEqualTo(Money.ofYuan("500"));
            assertThat(p.lines().get(0).capKind()).isEqualTo(RuleSet.CapKind.PERSON_YEAR);
        }

    }

    @Nested
    class AClassOverItsCap {

        @Test
        void pays_those_first_on_the_roster_and_leaves_out_the_rest() {
            // 11 trainees at 1,000 yuan against a class cap of 10,000.
            ClaimPreview p = new Records().completed(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).price();
            assertThat(p.total()).isEqualTo(Money.ofYuan("10000"));
            assertThat(p.lines()).hasSize(10);
            assertThat(p.exclusions()).singleElement()
                .satisfies(x -> assertThat(x.reasonKey()).isEqualTo("subsidy.exclusion.classCap"));
        }

    }

    @Nested
    class ALargeClaimOrAKeyProject {

        @Test
        void goes_to_the_province_too_above_the_threshold() {
            assertThat(new Records().completed(1, 2, 3, 4, 5).price().provinceReview()).isFalse();
            assertThat(new Records().completed(1, 2, 3, 4, 5, 6).price().provinceReview()).isTrue();
        }

        @Test
        void goes_to_the_province_for_a_key_action_line_whatever_the_amount() {
            Records r = new Records().completed(1);
            r.c = trainingClass(ClassStatus.COMPLETED, true, "KEY");
            assertThat(r.price().provinceReview()).isTrue();
        }

    }

    @Nested
    class ProviderClaimingForAClassNotYetCompleted {

        @Test
        void is_told_when_its_calendar_lets_it_complete() {
            Records r = new Records().completed(1);
            r.c = trainingClass(ClassStatus.RUNNING, true, "L1");
            r.completesFrom = Instant.parse("2026-03-22T01:00:00Z");
            ClaimPreview p = r.price();
            assertThat(p.fileable()).isFalse();
            assertThat(keys(p)).containsExactly("subsidy.error.class.notCompletedUntil");
        }

        @Test
        void that_will_not_run_is_simply_not_completed() {
            Records r = new Records().completed(1);
            r.c = trainingClass(ClassStatus.CANCELLED, true, "L1");
            assertThat(keys(r.price())).containsExactly("subsidy.error.class.notCompleted");
        }

    }

    @Nested
    class AClaimThatCannotBeFiled {

        @Test
        void names_every_reason_at_once() {
            Records r = new Records().completed(1);
            r.c = trainingClass(ClassStatus.COMPLETED, false, "L1");
            r.providerActive = false;
            r.payee = Optional.empty();
            r.standing = Optional.of(ClaimStepsTest.claim(ClaimStatus.SUBMITTED, false));
            assertThat(keys(r.price())).containsExactly("subsidy.error.class.selfFunded",
                    "subsidy.error.provider.notActive", "subsidy.error.payee.missing", "subsidy.error.class.claimed");
        }

        @Test
        void without_rules_in_force_prices_nobody() {
            Records r = new Records().completed(1);
            r.rules = Optional.empty();
            ClaimPreview p = r.price();
            assertThat(keys(p)).containsExactly("subsidy.error.rules.none");
            assertThat(p.lines()).isEmpty();
            assertThat(p.total()).isEqualTo(Money.ZERO);
        }

        @Test
        void when_nobody_is_payable_says_so() {
            Records r = new Records();
            r.roster.add(trainee(1, EnrolmentStatus.NOT_COMPLETED, true));
            assertThat(keys(r.price())).containsExactly("subsidy.error.claim.nobody");
        }

        @Test
        void when_the_rules_fund_no_source_for_its_action_line() {
            Records r = new Records().completed(1);
            r.c = trainingClass(ClassStatus.COMPLETED, true, "UNFUNDED");
            assertThat(keys(r.price())).containsExactly("subsidy.error.rules.noFund");
        }

    }

}
