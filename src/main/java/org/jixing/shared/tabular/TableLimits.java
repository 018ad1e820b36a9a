package org.jixing.shared.tabular;

/**
 * The bounds a table file must keep, so that reading it keeps memory bounded whatever it
 * holds.
 *
 * @param maxBytes the file's size
 * @param maxRows data rows after the header
 * @param maxColumns cells in a row
 * @param maxCellChars characters in a cell
 * @param maxInflatedBytes what a workbook's parts may inflate to in all
 * @param maxInflationRatio inflated size over compressed size, beyond which a workbook is
 * taken for a zip bomb
 */
public record TableLimits(long maxBytes, int maxRows, int maxColumns, int maxCellChars, long maxInflatedBytes,
        int maxInflationRatio) {

    /** The limits of an import: 50 MB, 100,000 rows, 200 columns. */
    public static final TableLimits IMPORT = new TableLimits(50L * 1024 * 1024, 100_000, 200, 2_000,
            1024L * 1024 * 1024, 100);

}
