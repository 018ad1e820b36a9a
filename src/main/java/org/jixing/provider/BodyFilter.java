package org.jixing.provider;

/**
 * Filters of the registry lists; null or blank means any. {@code text} matches the name,
 * the credit code or the filing number.
 */
public record BodyFilter(FilingStatus status, BodyKind kind, String regionCode, String text) {

    public static BodyFilter none() {
        return new BodyFilter(null, null, null, null);
    }

}
