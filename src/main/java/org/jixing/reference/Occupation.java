package org.jixing.reference;

/**
 * An occupation or trade. {@code nationalCode} is the code of the national occupational
 * classification (e.g. 4-10-01-05) where known for certain, and null otherwise;
 * {@code lineCode} is the action line it usually counts toward.
 */
public record Occupation(String code, String nationalCode, String nameZh, String nameEn, String lineCode,
        boolean active) implements Localized {
}
