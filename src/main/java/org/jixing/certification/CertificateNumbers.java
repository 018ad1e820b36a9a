package org.jixing.certification;

/**
 * Certificate numbers: region (6 digits, the evaluation body's) + year of issue (4) +
 * level rank (1, 1..8) + sequence within the region and year (7) + a check character (ISO
 * 7064 MOD 11-2 as in resident ID numbers: 0-9 or X). 19 characters, e.g. 370100 2026 3
 * 0000042 7 → 3701002026300000427.
 */
public final class CertificateNumbers {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2, 1 };

    private static final String CHECK = "10X98765432";

    private CertificateNumbers() {
    }

    public static String format(String region, int year, int rank, int sequence) {
        if (sequence > 9_999_999) {
            throw new IllegalStateException("certificate sequence exhausted for " + region + " " + year);
        }
        String body = "%s%04d%d%07d".formatted(region, year, rank, sequence);
        return body + check(body);
    }

    public static char check(String first18) {
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            sum += (first18.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** Nineteen characters with a matching check character. */
    public static boolean wellFormed(String number) {
        return number != null && number.matches("\\d{18}[0-9X]") && check(number.substring(0, 18)) == number.charAt(18);
    }

}
