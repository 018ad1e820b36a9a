package org.jixing.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the registry checks before it records a person or a group membership, without
 * Spring or the database.
 */
class RegisteringAPersonTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    /** 济南 and its district 历下 are registrable; the province is not. */
    static final Predicate<String> REGISTRABLE = Set.of("370100", "370102", "370200")::contains;

    static final CurrentUser JINAN = new CurrentUser(2, "jinan", "jinan", Role.CITY_OFFICER,
            DataScope.region("370100"));

    static final CurrentUser PROVIDER = new CurrentUser(3, "provider", "provider", Role.PROVIDER_STAFF,
            DataScope.of(ScopeKind.PROVIDER, "1"));

    static String idNumber(String birth) {
        String first17 = "370102" + birth + "123";
        return first17 + ResidentIdNumbers.checkCharacter(first17);
    }

    static List<String> keys(List<Problem> problems) {
        return problems.stream().map(p -> p.field() + ":" + p.messageKey()).toList();
    }

    @Nested
    class ACityOfficer {

        @Test
        void registersSomeoneOfTheirCityWithAValidNumberNameAndMobile() {
            NewPerson p = new NewPerson(idNumber("19900101"), "张 三", "13800000000", "370102");
            assertThat(RegistrationRules.problems(p, JINAN, TODAY, REGISTRABLE)).isEmpty();
        }

        @Test
        void doesNotRegisterSomeoneOfAnotherCity() {
            NewPerson p = new NewPerson(idNumber("19900101"), "张三", "13800000000", "370200");
            assertThat(keys(RegistrationRules.problems(p, JINAN, TODAY, REGISTRABLE)))
                .containsExactly("regionCode:person.error.region.outOfScope");
        }

        @Test
        void isToldEverythingWrongAtOnce() {
            String good = idNumber("19900101");
            String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
            NewPerson p = new NewPerson(wrongCheck, "张三123", "0531-8888", "370000");
            assertThat(keys(RegistrationRules.problems(p, JINAN, TODAY, REGISTRABLE))).containsExactly(
                    "idNumber:person.error.idNumber.check_character", "name:person.error.name",
                    "phone:person.error.phone", "regionCode:person.error.region");
        }

        @Test
        void needsAMobileNumber() {
            NewPerson p = new NewPerson(idNumber("19900101"), "张三", " ", "370102");
            assertThat(keys(RegistrationRules.problems(p, JINAN, TODAY, REGISTRABLE)))
                .containsExactly("phone:person.error.required");
        }

    }

    @Test
    void providerStaffRegisterInTheRegionOfTheClassWhateverTheirScope() {
        NewPerson p = new NewPerson(idNumber("19900101"), "李四", "13900000000", "370200");
        assertThat(RegistrationRules.problems(p, PROVIDER, TODAY, REGISTRABLE)).isEmpty();
    }

    @Test
    void aNumberWhoseBirthDateIsAfterTodayIsRefused() {
        assertThat(RegistrationRules.idNumberProblem("idNumber", idNumber("20260602"), TODAY)).map(Problem::messageKey)
            .contains("person.error.idNumber.birth_date");
    }

    @Nested
    class AGroupMembership {

        final Predicate<String> known = Set.of("VETERAN", "RURAL_MIGRANT")::contains;

        @Test
        void isAKnownGroupWithEvidenceAndAValidityThatDoesNotEndBeforeItStarts() {
            assertThat(RegistrationRules.membershipProblems("VETERAN", "退役证", TODAY, null, known)).isEmpty();
            assertThat(RegistrationRules.membershipProblems("VETERAN", "退役证", TODAY, TODAY, known)).isEmpty();
        }

        @Test
        void isRefusedForAnUnknownGroupMissingEvidenceOrAValidityBackwards() {
            assertThat(keys(RegistrationRules.membershipProblems("ALIEN", " ", TODAY, TODAY.minusDays(1), known)))
                .containsExactly("groupCode:person.error.group", "evidence:person.error.evidence",
                        "validUntil:person.error.validUntil");
            assertThat(keys(RegistrationRules.membershipProblems("VETERAN", "x".repeat(301), null, null, known)))
                .containsExactly("evidence:person.error.evidence", "validFrom:person.error.required");
        }

    }

}
