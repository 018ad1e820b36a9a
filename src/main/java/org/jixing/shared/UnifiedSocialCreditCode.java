package org.jixing.shared;

import java.util.Locale;

/**
 * A unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, Z, S, V); the last is a check
 * character over the first 17 with weights 3^i mod 31. Lower-case input is accepted and
 * stored upper-case.
 */
public record UnifiedSocialCreditCode(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    public UnifiedSocialCreditCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid unified social credit code");
        }
    }

    /** Parses after trimming and upper-casing; throws for an invalid code. */
    public static UnifiedSocialCreditCode of(String raw) {
        return new UnifiedSocialCreditCode(normalize(raw));
    }

    public static String normalize(String raw) {
        return raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
    }

    /** True for an 18-character code in the alphabet whose check character is right. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * WEIGHTS[i];
        }
        int check = ALPHABET.indexOf(code.charAt(17));
        return check >= 0 && check == (31 - sum % 31) % 31;
    }

    /** The check character that completes 17 leading characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character not allowed at position " + (i + 1));
            }
            sum += v * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The six-digit administrative division code in positions 3 to 8. */
    public String regionCode() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }

}
