package org.jixing.person;

import java.time.LocalDate;
import java.time.Period;

/**
 * A trainee as pages and other modules see them: the ID number only masked. The full
 * number is given out by {@link People#revealIdNumber(long)}, which is audited.
 */
public record Person(long id, String idNumberMasked, String name, boolean male, LocalDate birthDate, String phoneMasked,
        String regionCode, int version) {

    /** Age in whole years on a day. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

}
