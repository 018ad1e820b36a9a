package org.jixing.reference;

import java.util.List;

/**
 * The outcome of an occupation import: how many rows were added and changed, or the rows
 * that were wrong (then nothing was written).
 */
public record OccupationImportReport(int added, int changed, List<RowError> errors) {

    /** A wrong row: its line in the file, the column, and the rule as a message key. */
    public record RowError(long line, String column, String messageKey, Object... args) {
    }

    public boolean committed() {
        return errors.isEmpty();
    }

}
