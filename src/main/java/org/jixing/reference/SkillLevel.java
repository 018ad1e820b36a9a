package org.jixing.reference;

/**
 * A rung of the eight-level ladder; {@code grade} is 5..1 for 初级工..高级技师, null otherwise.
 */
public record SkillLevel(String code, int rank, String nameZh, String nameEn, Integer grade) implements Localized {
}
