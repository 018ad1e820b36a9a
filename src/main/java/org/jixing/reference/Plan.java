package org.jixing.reference;

/** The programme plan: its document, its years and the overall person-time target. */
public record Plan(String code, String nameZh, String nameEn, String documentNo, int startYear, int endYear,
        long overallTarget) implements Localized {
}
