package org.jixing.subsidy;

/**
 * What a claim list shows: any of status, action line, region (a city or county code
 * inside the caller's scope) and provider; {@code text} matches the claim, class or
 * provider name.
 */
public record ClaimFilter(ClaimStatus status, String lineCode, String regionCode, Long providerId, String text) {

    public static final ClaimFilter ALL = new ClaimFilter(null, null, null, null, null);

}
