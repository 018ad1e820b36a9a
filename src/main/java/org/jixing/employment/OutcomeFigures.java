package org.jixing.employment;

import java.math.BigDecimal;

/**
 * The outcome indicators of one group (a class, provider, programme, occupation, line,
 * city or year), each with its sample size. Rates are percentages with one decimal; a
 * rate or median whose sample is below {@code jixing.employment.min-group} is withheld
 * (null, and {@code suppressed} says so) while its sample size is still shown.
 *
 * @param key the group (a class or provider id, a code, a year) as text
 * @param label a readable name where the module knows one (class number, provider name)
 * @param enrolled trainees on the rosters of the group's classes (not withdrawn)
 * @param completions completions followed
 * @param completionRate completions over enrolled
 * @param known3 completions whose 3-month follow-up is known: the sample of the 3-month
 * rate (likewise 6 and 12)
 * @param employed3 of those, employed
 * @param rate3 employed3 over known3
 * @param median6 the median contribution base (yuan) of those employed at 6 months,
 * sample employed6
 * @param orderCompletions completions of order classes (with an employer)
 * @param retained6 of those, employed by the order class's employer at 6 months
 * @param retention6 retained6 over the order completions whose 6-month follow-up is known
 * @param suppressed whether some figure of the group is withheld for its sample size
 */
public record OutcomeFigures(String key, String label, long enrolled, long completions, BigDecimal completionRate,
        long known3, long employed3, BigDecimal rate3, long known6, long employed6, BigDecimal rate6, long known12,
        long employed12, BigDecimal rate12, BigDecimal median6, long orderCompletions, long orderKnown6, long retained6,
        BigDecimal retention6, boolean suppressed) {
}
