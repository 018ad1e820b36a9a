package org.jixing.provider;

/**
 * Filters and order of the registry lists; null or blank means any. {@code text} matches
 * the name, the credit code or the filing number.
 */
public record BodyFilter(FilingStatus status, BodyKind kind, String regionCode, String text, String sort) {

    public BodyFilter(FilingStatus status, BodyKind kind, String regionCode, String text) {
        this(status, kind, regionCode, text, null);
    }

    public static BodyFilter none() {
        return new BodyFilter(null, null, null, null, null);
    }

    /**
     * The ORDER BY of a sort key ({@code name}, {@code until}: filing validity ending
     * soonest, {@code applied}: oldest first; default region then name); only these
     * constants reach SQL.
     */
    public String orderBy() {
        return switch (sort == null ? "" : sort) {
            case "name" -> "b.name, b.id";
            case "until" -> "b.filing_valid_until, b.id";
            case "applied" -> "b.created_at, b.id";
            default -> "b.region_code, b.name, b.id";
        };
    }

}
