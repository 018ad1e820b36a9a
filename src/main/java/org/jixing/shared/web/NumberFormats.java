package org.jixing.shared.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.expression.Numbers;

/**
 * How pages write numbers, in one place: counts with thousands separators
 * ({@code 1,500,000}) and shares as percentages, in the page's language. Templates call
 * {@code ${@format.count(n)}} and {@code ${@format.percent(share, 1)}}; both give what
 * Thymeleaf's {@code #numbers} gave, and nothing for nothing.
 */
@Component("format")
public final class NumberFormats {

    /** A count such as 1,500,000 (null stays null). */
    public String count(Number n) {
        return numbers().formatInteger(n, 1, "COMMA");
    }

    /** A share (0.25) as a percentage with the given decimals ("25%" or "25.0%"). */
    public String percent(Number share, int decimals) {
        return numbers().formatPercent(share, 1, decimals);
    }

    private static Numbers numbers() {
        return new Numbers(LocaleContextHolder.getLocale());
    }

}
