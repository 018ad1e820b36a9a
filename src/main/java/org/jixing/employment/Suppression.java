package org.jixing.employment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Small groups are not published: a rate or median of a group whose sample is below the
 * minimum size ({@code jixing.employment.min-group}) is withheld, so that nobody's
 * employment can be read off a group of two. The sample size itself is always shown: it
 * tells a reader why a figure is missing and says nothing about any one person.
 */
public final class Suppression {

    private Suppression() {
    }

    /** Whether a group of this sample size is withheld. */
    public static boolean suppressed(long sample, int minGroup) {
        return sample < minGroup;
    }

    /**
     * A share in percent with one decimal, or null when the sample is empty or below the
     * minimum.
     */
    public static BigDecimal percent(long part, long sample, int minGroup) {
        if (sample == 0 || suppressed(sample, minGroup)) {
            return null;
        }
        return BigDecimal.valueOf(part * 1000L)
            .divide(BigDecimal.valueOf(sample), 0, RoundingMode.HALF_UP)
            .movePointLeft(1);
    }

}
