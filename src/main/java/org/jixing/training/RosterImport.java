package org.jixing.training;

import java.time.Instant;

/**
 * A roster file (kind {@code ROSTER}, into a class) or a trainee list ({@code TRAINEES},
 * into the registry of a region) being imported or imported: the file, the chosen mode,
 * and the counts as they stand (rows read and checked, enrolled, enrolled self-funded,
 * already on the roster, invalid; people newly registered).
 */
public record RosterImport(long id, String kind, Long classId, String regionCode, String fileName, String format,
        String charset, String sha256, long size, ImportMode mode, boolean selfFunded, ImportStatus status,
        boolean cancelRequested, int rowsTotal, int rowsDone, int rowsValidated, int rowsEnrolled, int rowsSelfFunded,
        int rowsUnchanged, int rowsInvalid, int peopleRegistered, String failure, String createdBy, Instant createdAt,
        Instant startedAt, Instant finishedAt) {

    public boolean isRoster() {
        return classId != null;
    }

    /** How far the import has got, 0 to 100. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        return rowsTotal == 0 ? 0 : (int) Math.min(100, rowsValidated * 100L / rowsTotal);
    }

}
