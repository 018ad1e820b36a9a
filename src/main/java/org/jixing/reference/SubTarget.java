package org.jixing.reference;

/**
 * A measurable part of an action line. {@code annualTarget} is null where the plan sets
 * no number; {@code atLeast} says whether the plan's figure is a floor ("以上", "不少于") or a
 * plain figure.
 */
public record SubTarget(String code, String lineCode, String nameZh, String nameEn, Long annualTarget, boolean atLeast,
        int sortOrder) implements Localized {
}
