package org.jixing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import org.jixing.shared.ResidentIdNumbers;

/**
 * Made-up, valid resident ID numbers for tests. The tests' people are numbered 9xx after
 * the birth date, the demo's 3799xx; {@link #unregisteredIdNumber} uses 8xx.
 */
public final class TestIdNumbers {

    private TestIdNumbers() {
    }

    /**
     * A synthetic, valid ID number of someone born on the given day (order codes 9xx).
     */
    public static String idNumber(LocalDate birth) {
        return withOrderCode(birth, 900 + ThreadLocalRandom.current().nextInt(100));
    }

    /** An adult born between 1970 and 2002. */
    public static String adultIdNumber() {
        return idNumber(adultBirthDay());
    }

    /**
     * An adult's number that no test registers, for checks that must meet a person the
     * registry does not hold, whatever ran before.
     */
    public static String unregisteredIdNumber() {
        return withOrderCode(adultBirthDay(), 800 + ThreadLocalRandom.current().nextInt(100));
    }

    private static LocalDate adultBirthDay() {
        return LocalDate.of(1970, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(12_000));
    }

    private static String withOrderCode(LocalDate birth, int orderCode) {
        String first17 = "370102" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + orderCode;
        return first17 + ResidentIdNumbers.checkCharacter(first17);
    }

}
