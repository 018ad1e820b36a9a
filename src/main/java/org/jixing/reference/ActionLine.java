package org.jixing.reference;

import java.util.List;
import java.util.Locale;

/**
 * One of the plan's action lines, with its sub-targets and the departments that lead it.
 */
public record ActionLine(String code, int number, String nameZh, String nameEn, String summaryZh, String summaryEn,
        List<String> leadDepartments, List<SubTarget> subTargets) implements Localized {

    /** The sum of the sub-targets that carry a number; null when none does. */
    public Long annualTarget() {
        return subTargets.stream().map(SubTarget::annualTarget).filter(t -> t != null).reduce(Long::sum).orElse(null);
    }

    public String summary(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && summaryEn != null && !summaryEn.isBlank()
                ? summaryEn : summaryZh;
    }
}
