package org.jixing.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.jixing.shared.ResidentIdNumbers.Problem;
import org.junit.jupiter.api.Test;

class ResidentIdNumbersTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    /**
     * A number for the given region, birth date and order code, completed by the
     * algorithm.
     */
    static String number(String region, String birth, String order) {
        String first17 = region + birth + order;
        return first17 + ResidentIdNumbers.checkCharacter(first17);
    }

    @Test
    void theStandardsWorkedExampleIsValid() {
        // The example of GB 11643-1999's annex: 11010519491231002X.
        assertThat(ResidentIdNumbers.check("11010519491231002X", TODAY)).isEmpty();
        var parsed = ResidentIdNumbers.parse("11010519491231002x", TODAY);
        assertThat(parsed.value()).isEqualTo("11010519491231002X");
        assertThat(parsed.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(parsed.male()).isFalse();
        assertThat(parsed.masked()).isEqualTo("110105********002X");
    }

    @Test
    void genderFollowsTheParityOfTheOrderCode() {
        assertThat(ResidentIdNumbers.parse(number("370102", "19900101", "123"), TODAY).male()).isTrue();
        assertThat(ResidentIdNumbers.parse(number("370102", "19900101", "124"), TODAY).male()).isFalse();
    }

    @Test
    void peopleFromOtherProvincesAreAccepted() {
        assertThat(ResidentIdNumbers.check(number("510104", "19850615", "031"), TODAY)).isEmpty();
        assertThat(ResidentIdNumbers.check(number("650102", "20000229", "017"), TODAY)).isEmpty();
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        assertThat(ResidentIdNumbers.check("3701021990010112", TODAY)).contains(Problem.FORMAT);
        assertThat(ResidentIdNumbers.check("37010219900101123Y", TODAY)).contains(Problem.FORMAT);
        assertThat(ResidentIdNumbers.check(number("990102", "19900101", "123"), TODAY)).contains(Problem.REGION);
        assertThat(ResidentIdNumbers.check(number("370102", "19900230", "123"), TODAY)).contains(Problem.BIRTH_DATE);
        assertThat(ResidentIdNumbers.check(number("370102", "20261125", "123"), TODAY)).contains(Problem.BIRTH_DATE);
        String valid = number("370102", "19900101", "123");
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        assertThat(ResidentIdNumbers.check(valid.substring(0, 17) + wrong, TODAY)).contains(Problem.CHECK_CHARACTER);
    }

}
