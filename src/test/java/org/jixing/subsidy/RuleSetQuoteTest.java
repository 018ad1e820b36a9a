package org.jixing.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.shared.Money;
import org.jixing.subsidy.RuleSet.CapKind;
import org.jixing.subsidy.RuleSet.PaysOn;
import org.jixing.subsidy.RuleSet.Quote;
import org.jixing.subsidy.RuleSet.Standard;
import org.jixing.subsidy.RuleSet.Tier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What one trainee is paid under a version of the rules ({@link RuleSet#quote}): refusals
 * are results, not exceptions.
 */
class RuleSetQuoteTest {

    /**
     * Junior pays 1,000 yuan in tier B (the default), 1,500 in tier A (welders); senior
     * pays 2,000 on a certificate; the disabled get 20% more, the unemployed 10%; a
     * person 2,500 a year, a class 10,000.
     */
    static RuleSet rules() {
        return new RuleSet(1, 3, LocalDate.of(2024, 1, 1), null, Money.ofYuan("2500"), Money.ofYuan("10000"), Tier.B,
                List.of(new Standard("JUNIOR", Tier.A, Money.ofYuan("1500"), PaysOn.COMPLETION),
                        new Standard("JUNIOR", Tier.B, Money.ofYuan("1000"), PaysOn.COMPLETION),
                        new Standard("SENIOR", Tier.B, Money.ofYuan("2000"), PaysOn.CERTIFICATE)),
                Map.of("WELDER", Tier.A), Map.of("DISABLED", 20, "UNEMPLOYED", 10), Map.of("L1", "CENTRAL"), "admin",
                Instant.EPOCH);
    }

    @Nested
    class ATraineeWithoutGroups {

        @Test
        void is_paid_the_standard_of_the_level_in_the_occupations_tier() {
            Quote q = rules().quote("WELDER", "JUNIOR", Set.of(), Money.ZERO, false);
            assertThat(q.payable()).isTrue();
            assertThat(q.tier()).isEqualTo(Tier.A);
            assertThat(q.amount()).isEqualTo(Money.ofYuan("1500"));
            assertThat(q.ruleVersion()).isEqualTo(3);
            assertThat(q.capKind()).isNull();
        }

        @Test
        void of_an_occupation_not_listed_takes_the_default_tier() {
            Quote q = rules().quote("COOK", "JUNIOR", Set.of(), Money.ZERO, false);
            assertThat(q.tier()).isEqualTo(Tier.B);
            assertThat(q.amount()).isEqualTo(Money.ofYuan("1000"));
        }

        @Test
        void of_a_level_without_a_standard_is_refused() {
            Quote q = rules().quote("WELDER", "SENIOR", Set.of(), Money.ZERO, true);
            assertThat(q.payable()).isFalse();
            assertThat(q.refusal()).isEqualTo("subsidy.exclusion.noStandard");
            assertThat(q.amount()).isEqualTo(Money.ZERO);
        }

    }

    @Nested
    class ATraineeOfSeveralGroups {

        @Test
        void gets_the_largest_adjustment_they_hold() {
            Quote q = rules().quote("COOK", "JUNIOR", Set.of("UNEMPLOYED", "DISABLED", "OTHER"), Money.ZERO, false);
            assertThat(q.groupCode()).isEqualTo("DISABLED");
            assertThat(q.adjustPercent()).isEqualTo(20);
            assertThat(q.amount()).isEqualTo(Money.ofYuan("1200"));
            assertThat(q.standard()).isEqualTo(Money.ofYuan("1000"));
        }

        @Test
        void is_never_paid_a_fraction_of_a_fen_more() {
            RuleSet odd = new RuleSet(1, 1, LocalDate.of(2024, 1, 1), null, Money.ofYuan("2500"), Money.ofYuan("10000"),
                    Tier.B, List.of(new Standard("JUNIOR", Tier.B, Money.ofFen(999), PaysOn.COMPLETION)), Map.of(),
                    Map.of("UNEMPLOYED", 10), Map.of(), "admin", Instant.EPOCH);
            assertThat(odd.quote("COOK", "JUNIOR", Set.of("UNEMPLOYED"), Money.ZERO, false).amount())
                .isEqualTo(Money.ofFen(1098));
        }

    }

    @Nested
    class ATraineePaidOnACertificate {

        @Test
        void without_the_certificate_is_refused() {
            assertThat(rules().quote("COOK", "SENIOR", Set.of(), Money.ZERO, false).refusal())
                .isEqualTo("subsidy.exclusion.needsCertificate");
        }

        @Test
        void with_it_is_paid() {
            Quote q = rules().quote("COOK", "SENIOR", Set.of(), Money.ZERO, true);
            assertThat(q.amount()).isEqualTo(Money.ofYuan("2000"));
            assertThat(q.paysOn()).isEqualTo(PaysOn.CERTIFICATE);
        }

    }

    @Nested
    class ATraineeAlreadyPaidThisYear {

        @Test
        void is_cut_to_what_is_left_of_the_persons_yearly_cap() {
            Quote q = rules().quote("WELDER", "JUNIOR", Set.of(), Money.ofYuan("2000"), false);
            assertThat(q.amount()).isEqualTo(Money.ofYuan("500"));
            assertThat(q.capKind()).isEqualTo(CapKind.PERSON_YEAR);
            assertThat(q.capCut()).isEqualTo(Money.ofYuan("1000"));
        }

        @Test
        void up_to_the_cap_is_refused() {
            Quote q = rules().quote("WELDER", "JUNIOR", Set.of(), Money.ofYuan("2500"), false);
            assertThat(q.payable()).isFalse();
            assertThat(q.refusal()).isEqualTo("subsidy.exclusion.personCap");
        }

    }

    @Nested
    class AClassNearItsCap {

        @Test
        void cuts_the_trainee_to_what_is_left_of_it() {
            Quote q = rules().quote("WELDER", "JUNIOR", Set.of(), Money.ZERO, false).cappedByClass(Money.ofYuan("600"));
            assertThat(q.amount()).isEqualTo(Money.ofYuan("600"));
            assertThat(q.capKind()).isEqualTo(CapKind.CLASS);
            assertThat(q.capCut()).isEqualTo(Money.ofYuan("900"));
        }

        @Test
        void adds_its_cut_to_the_persons() {
            Quote q = rules().quote("WELDER", "JUNIOR", Set.of(), Money.ofYuan("2000"), false)
                .cappedByClass(Money.ofYuan("200"));
            assertThat(q.amount()).isEqualTo(Money.ofYuan("200"));
            assertThat(q.capCut()).isEqualTo(Money.ofYuan("1300"));
        }

        @Test
        void refuses_once_it_is_used_up() {
            Quote q = rules().quote("WELDER", "JUNIOR", Set.of(), Money.ZERO, false).cappedByClass(Money.ZERO);
            assertThat(q.payable()).isFalse();
            assertThat(q.refusal()).isEqualTo("subsidy.exclusion.classCap");
        }

        @Test
        void leaves_a_trainee_within_it_as_quoted() {
            Quote q = rules().quote("COOK", "JUNIOR", Set.of(), Money.ZERO, false);
            assertThat(q.cappedByClass(Money.ofYuan("1000"))).isEqualTo(q);
        }

    }

}
