package org.jixing.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Resident identity numbers of GB 11643-1999: six digits of the region of household
 * registration, eight of the birth date, three of order (odd for men, even for women),
 * and an ISO 7064 MOD 11-2 check character (0-9 or X). People from every province train
 * here, so any province-level prefix is accepted, including Hong Kong, Macao and Taiwan
 * residence permits (81, 82, 83).
 */
public final class ResidentIdNumbers {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

    private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

    /** The province-level codes of GB/T 2260 and the residence-permit prefixes. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82", "83");

    /** Why a number is not valid; the message key is {@code person.idNumber.<name>}. */
    public enum Problem {

        FORMAT, REGION, BIRTH_DATE, CHECK_CHARACTER

    }

    /** A checked number with what it says about its holder. */
    public record Parsed(String value, LocalDate birthDate, boolean male) {

        public String regionCode() {
            return value.substring(0, 6);
        }

        /** 370102********123X: region and the last four, as pages and exports show it. */
        public String masked() {
            return mask(value);
        }

    }

    private ResidentIdNumbers() {
    }

    /** Upper-cases a trailing x and trims; null stays null. */
    public static String normalize(String raw) {
        return raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
    }

    /** The first problem of a number on the given day, or empty when it is valid. */
    public static Optional<Problem> check(String raw, LocalDate today) {
        String v = normalize(raw);
        if (v == null || !v.matches("\\d{17}[\\dX]")) {
            return Optional.of(Problem.FORMAT);
        }
        if (!PROVINCES.contains(v.substring(0, 2))) {
            return Optional.of(Problem.REGION);
        }
        LocalDate birth = birthDate(v);
        if (birth == null || birth.isAfter(today) || birth.getYear() < 1900) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (checkCharacter(v.substring(0, 17)) != v.charAt(17)) {
            return Optional.of(Problem.CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    /**
     * Parses a valid number; throws {@link IllegalArgumentException} for an invalid one.
     */
    public static Parsed parse(String raw, LocalDate today) {
        Optional<Problem> problem = check(raw, today);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("invalid resident ID number: " + problem.get());
        }
        String v = normalize(raw);
        return new Parsed(v, birthDate(v), (v.charAt(16) - '0') % 2 == 1);
    }

    /** The check character that completes 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static String mask(String value) {
        if (value == null || value.length() != 18) {
            return value;
        }
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    private static LocalDate birthDate(String v) {
        try {
            return LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
        }
        catch (DateTimeException ex) {
            return null;
        }
    }

}
