package org.jixing.employment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.UnifiedSocialCreditCode;

/**
 * One row of a contribution file as checked, before anyone is looked up: either the ID
 * number (normalised), the employer's credit code, the month and the base in fen, or the
 * first rule it breaks. Pure; a repeated person-month is found later, in the database,
 * across the whole file.
 */
public record ContributionRow(String idNumber, String creditCode, int monthNo, long baseFen, Refusal refusal,
        String detail) {

    /**
     * Why a row is refused; each has a message {@code employment.contribution.refused.*}.
     */
    public enum Refusal {

        /** Not a valid resident ID number (detail: format, region, birth date, check). */
        ID_NUMBER,
        /** Not a month (2026-13), or before 1990. */
        MONTH,
        /** A month that has not ended yet (detail: the month). */
        MONTH_FUTURE,
        /** Not a unified social credit code, or its check character is wrong. */
        CREDIT_CODE,
        /** Not an amount in yuan with at most two decimals, from 0 to 9,999,999.99. */
        BASE,
        /** The same person and month as an earlier row (detail: that row's number). */
        REPEATED

    }

    private static final BigDecimal MAX_BASE = new BigDecimal("10000000");

    public boolean refused() {
        return refusal != null;
    }

    static ContributionRow refuse(Refusal r, String detail) {
        return new ContributionRow(null, null, 0, 0, r, detail);
    }

    /**
     * Checks a row's four cells; {@code today} (in China) decides which months have
     * ended: the current month has not.
     */
    public static ContributionRow check(String idNumber, String creditCode, String month, String base,
            LocalDate today) {
        Optional<ResidentIdNumbers.Problem> id = ResidentIdNumbers.check(idNumber, today);
        if (id.isPresent()) {
            return refuse(Refusal.ID_NUMBER, id.get().name());
        }
        OptionalInt m = ContributionMonths.parse(month);
        if (m.isEmpty()) {
            return refuse(Refusal.MONTH, clip(month));
        }
        if (m.getAsInt() >= ContributionMonths.of(today)) {
            return refuse(Refusal.MONTH_FUTURE, ContributionMonths.format(m.getAsInt()));
        }
        String code = UnifiedSocialCreditCode.normalize(creditCode);
        if (!UnifiedSocialCreditCode.isValid(code)) {
            return refuse(Refusal.CREDIT_CODE, clip(creditCode));
        }
        BigDecimal yuan;
        try {
            yuan = new BigDecimal(base == null ? "" : base.strip().replace(",", ""));
        }
        catch (NumberFormatException ex) {
            return refuse(Refusal.BASE, clip(base));
        }
        if (yuan.signum() < 0 || yuan.compareTo(MAX_BASE) >= 0 || yuan.stripTrailingZeros().scale() > 2) {
            return refuse(Refusal.BASE, clip(base));
        }
        return new ContributionRow(ResidentIdNumbers.normalize(idNumber), code, m.getAsInt(),
                yuan.movePointRight(2).longValue(), null, null);
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        String v = s.strip();
        return v.length() > 40 ? v.substring(0, 40) : v;
    }

}
