package org.jixing.employment;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The employment follow-up ({@code jixing.employment.*}, docs/employment.md).
 *
 * @param directory where uploaded contribution files are kept until their import ends
 * @param chunkRows rows of a file staged per transaction
 * @param maxRows the most data rows a contribution file may hold
 * @param maxMegabytes the largest contribution file accepted
 * @param minimumBase the contribution base (yuan) from which a month's record counts as
 * employment; 0 (the default): any record of the month counts
 * @param minGroup the smallest group whose rates and median are shown
 */
@ConfigurationProperties("jixing.employment")
public record FollowUpProperties(Path directory, Integer chunkRows, Integer maxRows, Integer maxMegabytes,
        BigDecimal minimumBase, Integer minGroup) {

    public FollowUpProperties {
        directory = directory == null ? Path.of("data", "contributions") : directory;
        chunkRows = chunkRows == null || chunkRows < 1 ? 50_000 : chunkRows;
        maxRows = maxRows == null || maxRows < 1 ? 10_000_000 : maxRows;
        maxMegabytes = maxMegabytes == null || maxMegabytes < 1 ? 1024 : maxMegabytes;
        minimumBase = minimumBase == null || minimumBase.signum() < 0 ? BigDecimal.ZERO : minimumBase;
        minGroup = minGroup == null || minGroup < 1 ? 10 : minGroup;
    }

    /** Where an import's file is kept while the import needs it. */
    public Path fileOf(long importId) {
        return directory.resolve("contribution-import-" + importId + ".bin");
    }

    /** The minimum base in fen. */
    public long minimumBaseFen() {
        return minimumBase.movePointRight(2).longValue();
    }

}
