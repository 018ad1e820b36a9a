package org.jixing.subsidy;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Review settings: claims above {@code provinceReviewAboveYuan} or of a key line go on to
 * the province after the city; each stage has {@code reviewDays} days.
 */
@ConfigurationProperties("jixing.subsidy")
public record SubsidyProperties(Long provinceReviewAboveYuan, Set<String> keyLines, Integer reviewDays) {

    public SubsidyProperties {
        provinceReviewAboveYuan = provinceReviewAboveYuan == null ? 100_000L : provinceReviewAboveYuan;
        keyLines = keyLines == null ? Set.of() : Set.copyOf(keyLines);
        reviewDays = reviewDays == null ? 10 : reviewDays;
    }

}
