package org.jixing.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.jixing.employment.ContributionRow.Refusal;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;

/** The rules of one row of a contribution file and the month arithmetic they use. */
class ContributionRowTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

    static final String ID = "37010219900101123" + ResidentIdNumbers.checkCharacter("37010219900101123");

    static final String CODE = "91370100MA3C00001" + UnifiedSocialCreditCode.checkCharacter("91370100MA3C00001");

    @Test
    void a_good_row_gives_the_month_number_and_the_base_in_fen() {
        ContributionRow r = ContributionRow.check(ID.toLowerCase(), CODE.toLowerCase(), "2026-05", "4,500.5", TODAY);
        assertThat(r.refused()).isFalse();
        assertThat(r.monthNo()).isEqualTo(2026 * 12 + 4);
        assertThat(r.baseFen()).isEqualTo(450_050);
        assertThat(r.creditCode()).isEqualTo(CODE);
    }

    @Test
    void each_rule_refuses_with_its_reason() {
        assertThat(ContributionRow.check("37010219900101123Y", CODE, "2026-05", "1", TODAY).refusal())
            .isEqualTo(Refusal.ID_NUMBER);
        assertThat(ContributionRow.check(ID, CODE, "2026-13", "1", TODAY).refusal()).isEqualTo(Refusal.MONTH);
        assertThat(ContributionRow.check(ID, CODE, "26-05", "1", TODAY).refusal()).isEqualTo(Refusal.MONTH);
        assertThat(ContributionRow.check(ID, CODE, "1989-12", "1", TODAY).refusal()).isEqualTo(Refusal.MONTH);
        // The current month has not ended: its records are not final.
        assertThat(ContributionRow.check(ID, CODE, "2026-12", "1", TODAY).refusal()).isEqualTo(Refusal.MONTH_FUTURE);
        assertThat(ContributionRow.check(ID, CODE, "2026-11", "1", TODAY).refused()).isFalse();
        String wrong = CODE.substring(0, 17) + (CODE.charAt(17) == '1' ? '2' : '1');
        assertThat(ContributionRow.check(ID, wrong, "2026-05", "1", TODAY).refusal()).isEqualTo(Refusal.CREDIT_CODE);
        assertThat(ContributionRow.check(ID, CODE, "2026-05", "-1", TODAY).refusal()).isEqualTo(Refusal.BASE);
        assertThat(ContributionRow.check(ID, CODE, "2026-05", "1.005", TODAY).refusal()).isEqualTo(Refusal.BASE);
        assertThat(ContributionRow.check(ID, CODE, "2026-05", "abc", TODAY).refusal()).isEqualTo(Refusal.BASE);
    }

    @Test
    void months_are_numbered_so_that_adding_crosses_years() {
        int m = ContributionMonths.of(YearMonth.of(2025, 11));
        assertThat(ContributionMonths.format(m + 3)).isEqualTo("2026-02");
        assertThat(ContributionMonths.format(m + 12)).isEqualTo("2026-11");
        assertThat(ContributionMonths.of(LocalDate.of(2025, 11, 30))).isEqualTo(m);
        assertThat(ContributionMonths.parse("202602").getAsInt()).isEqualTo(m + 3);
        assertThat(ContributionMonths.parse("2026/2").getAsInt()).isEqualTo(m + 3);
        assertThat(ContributionMonths.parse("2026-00")).isEmpty();
        assertThat(ContributionMonths.parse("20262")).isEmpty();
        assertThat(ContributionMonths.parse(null)).isEmpty();
    }

    @Test
    void headers_are_found_in_chinese_or_english_in_any_order() {
        assertThat(ContributionColumns.of(java.util.List.of("缴费基数", "缴费月份", "身份证号码", "单位统一社会信用代码")))
            .isEqualTo(new ContributionColumns(2, 3, 1, 0));
        assertThat(ContributionColumns.of(java.util.List.of("ID number", "Month")).missing())
            .containsExactly("creditCode", "base");
    }

}
