package org.jixing.statistics.internal;

/** A provider's completions of a year: subsidised and not. */
public record ProviderCount(long providerId, long subsidised, long notSubsidised) {
}
