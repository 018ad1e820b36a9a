package org.jixing.reference;

/** A co-issuing body of the plan; some lead action lines. */
public record Department(String code, String nameZh, String nameEn, int sortOrder) implements Localized {
}
