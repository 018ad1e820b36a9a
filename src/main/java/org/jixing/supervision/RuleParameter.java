package org.jixing.supervision;

import java.math.BigDecimal;

/**
 * One parameter a rule reads: its name, what it means (zh and en, for the rules page) and
 * its default, the value of the rule's first version. A published version may set only
 * the names its rule declares, each to a number within {@code [min, max]}.
 */
public record RuleParameter(String name, BigDecimal defaultValue, BigDecimal min, BigDecimal max, String descriptionZh,
        String descriptionEn) {

    public static RuleParameter of(String name, double defaultValue, double min, double max, String zh, String en) {
        return new RuleParameter(name, BigDecimal.valueOf(defaultValue), BigDecimal.valueOf(min),
                BigDecimal.valueOf(max), zh, en);
    }

}
