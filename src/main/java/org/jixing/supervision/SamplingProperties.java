package org.jixing.supervision;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The province's setting for the monthly inspection sample: the share of a city's running
 * classes drawn ({@code jixing.supervision.sample-share}, default 0.05; at least one
 * class).
 */
@ConfigurationProperties("jixing.supervision")
public record SamplingProperties(BigDecimal sampleShare) {

    public SamplingProperties {
        if (sampleShare == null) {
            sampleShare = new BigDecimal("0.05");
        }
        if (sampleShare.signum() <= 0 || sampleShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("jixing.supervision.sample-share must be in (0, 1]: " + sampleShare);
        }
    }

    /** The share in basis points (1/10000). */
    public int shareBasisPoints() {
        return sampleShare.movePointRight(4).intValue();
    }

}
