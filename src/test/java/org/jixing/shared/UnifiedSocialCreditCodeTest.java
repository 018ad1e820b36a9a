package org.jixing.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {

    @Test
    void acceptsTheStandardsWorkedExampleAndCodesEndingInALetter() {
        // The example printed in GB 32100-2015, and a code whose check character is a
        // letter.
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("91110000600037341L")).isTrue();
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91110000600037341K")).isFalse();
    }

    @Test
    void refusesLettersOutsideTheAlphabetAndWrongLengths() {
        // I, O, Z, S and V are not used, so they cannot be confused with digits.
        assertThat(UnifiedSocialCreditCode.isValid("91350100M00010OY43")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
    }

    @Test
    void lowerCaseInputIsStoredUpperCase() {
        assertThat(UnifiedSocialCreditCode.of(" 91110000600037341l ").value()).isEqualTo("91110000600037341L");
        assertThatIllegalArgumentException().isThrownBy(() -> UnifiedSocialCreditCode.of("91110000600037341K"));
    }

    @Test
    void theCheckCharacterCompletesAnyValidPrefix() {
        String first17 = "91370100MA3C12345";
        String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
        assertThat(UnifiedSocialCreditCode.of(code).regionCode()).isEqualTo("370100");
    }

}
