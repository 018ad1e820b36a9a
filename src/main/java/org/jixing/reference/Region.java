package org.jixing.reference;

import org.jixing.shared.RegionCode;

/** A GB/T 2260 region: the province, a city or a county. */
public record Region(String code, String nameZh, String nameEn, RegionCode.Level level, String parentCode,
        int sortOrder) implements Localized {
}
