package org.jixing.employment;

/**
 * Which completions outcome indicators count: of classes that ended in a year, of a line,
 * a city, a provider; null means any. Always within the reader's scope.
 */
public record OutcomeFilter(Integer year, String lineCode, String cityCode, Long providerId) {

    public static final OutcomeFilter ALL = new OutcomeFilter(null, null, null, null);

}
