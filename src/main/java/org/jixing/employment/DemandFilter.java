package org.jixing.employment;

/** What a demand list is narrowed to; null matches anything. */
public record DemandFilter(DemandStatus status, String occupationCode, String cityCode) {

    public static DemandFilter none() {
        return new DemandFilter(null, null, null);
    }

}
