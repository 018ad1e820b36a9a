package org.jixing.shared.tabular;

/** The two formats of a table file: CSV text and an Excel workbook. */
public enum TableFormat {

    CSV, XLSX

}
