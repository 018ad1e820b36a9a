package org.jixing.employment;

import java.time.Instant;

import org.jixing.training.ImportMode;
import org.jixing.training.ImportStatus;

/**
 * A contribution file being imported or imported, with its counts: rows read, rows
 * matched to people the follow-up knows, rows of people who are not trainees (counted and
 * discarded), rows refused, and contribution months written or changed.
 */
public record ContributionImport(long id, String fileName, String format, String charset, String sha256, long size,
        ImportMode mode, ImportStatus status, int rowsTotal, int rowsDone, boolean staged, int rowsRead,
        int rowsMatched, int rowsNotTrainee, int rowsRefused, int rowsChanged, String failure, String createdBy,
        Instant createdAt, Instant startedAt, Instant finishedAt) {

    /** How far the import has got, 0 to 100. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        return rowsTotal == 0 ? 0 : (int) Math.min(99, rowsRead * 100L / rowsTotal);
    }

}
