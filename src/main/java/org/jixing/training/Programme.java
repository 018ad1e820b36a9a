package org.jixing.training;

import org.jixing.reference.Localized;

/**
 * A catalogue entry: an occupation at a level, taught for so many hours in a mode,
 * counting toward one action line and one of its sub-targets.
 */
public record Programme(long id, String code, String nameZh, String nameEn, String occupationCode, String levelCode,
        int hours, DeliveryMode deliveryMode, String lineCode, String subTargetCode, boolean active,
        int version) implements Localized {
}
