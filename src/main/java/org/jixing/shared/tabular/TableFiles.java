package org.jixing.shared.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads table files that people upload: CSV (UTF-8, UTF-8 with a byte-order mark, or
 * GB18030 as Chinese Excel saves it; the encoding is detected) and XLSX. The type is
 * decided by the content, not the name, and a file that claims another type is refused;
 * so are old binary workbooks, binary junk, zip bombs, rows beyond the limits and cells
 * too long. Reading is streamed in two passes: {@link #inspect} checks the whole file and
 * counts its rows, {@link #open} then yields the rows.
 */
public final class TableFiles {

    private TableFiles() {
    }

    /**
     * Checks the whole file and reads its header; throws {@link TableFileException}
     * naming what is wrong.
     */
    public static TableInspection inspect(Path file, String declaredName, TableLimits limits) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new TableFileException("table.error.empty");
            }
            if (size > limits.maxBytes()) {
                throw new TableFileException("table.error.tooLarge", limits.maxBytes() / (1024 * 1024));
            }
            TableFormat format = sniff(file);
            String name = declaredName == null ? "" : declaredName.toLowerCase(Locale.ROOT);
            if (format == TableFormat.XLSX && name.endsWith(".csv")) {
                throw new TableFileException("table.error.claimsCsv");
            }
            if (format == TableFormat.CSV && (name.endsWith(".xlsx") || name.endsWith(".xls"))) {
                throw new TableFileException("table.error.claimsXlsx");
            }
            TableInspection inspection = (format == TableFormat.XLSX) ? XlsxTables.inspect(file, limits)
                    : CsvTables.inspect(file, limits);
            if (inspection.rows() > limits.maxRows()) {
                throw new TableFileException("table.error.tooManyRows", inspection.rows(), limits.maxRows());
            }
            return inspection;
        }
        catch (IOException ex) {
            throw new TableFileException("table.error.unreadable");
        }
    }

    /**
     * The rows after the header of a file {@link #inspect} accepted; blank rows skipped.
     */
    public static TableReader open(Path file, TableInspection inspection, TableLimits limits) {
        try {
            return inspection.format() == TableFormat.XLSX ? XlsxTables.open(file, limits)
                    : CsvTables.open(file, inspection.charset(), limits);
        }
        catch (IOException ex) {
            throw new TableFileException("table.error.unreadable");
        }
    }

    /**
     * Stores an upload in a file, refusing it ({@link TableFileException}) as soon as it
     * passes the size limit; returns its size.
     */
    public static long receive(InputStream in, Path to, TableLimits limits) throws IOException {
        try (OutputStream out = Files.newOutputStream(to)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limits.maxBytes()) {
                    throw new TableFileException("table.error.tooLarge", limits.maxBytes() / (1024 * 1024));
                }
                out.write(buffer, 0, n);
            }
            return total;
        }
    }

    /** The format by the first bytes; refuses what is neither. */
    static TableFormat sniff(Path file) throws IOException {
        byte[] head = new byte[8192];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return TableFormat.XLSX;
        }
        if (n >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            throw new TableFileException("table.error.oldExcel");
        }
        if (n >= 2 && (((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
                || ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF))) {
            throw new TableFileException("table.error.utf16");
        }
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b == 0) {
                throw new TableFileException("table.error.binary");
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0C) {
                control++;
            }
        }
        if (control > n / 100 + 1) {
            throw new TableFileException("table.error.binary");
        }
        return TableFormat.CSV;
    }

}
