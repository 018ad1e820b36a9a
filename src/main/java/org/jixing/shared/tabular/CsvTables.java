package org.jixing.shared.tabular;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** CSV files: encoding detection and a streamed, bounded parse (commons-csv). */
final class CsvTables {

    static final Charset GB18030 = Charset.forName("GB18030");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvTables() {
    }

    static TableInspection inspect(Path file, TableLimits limits) throws IOException {
        Charset charset = detect(file);
        try (Rows rows = new Rows(file, charset, limits)) {
            if (!rows.hasNext()) {
                throw new TableFileException("table.error.noHeader");
            }
            List<String> header = rows.next().cells();
            int count = 0;
            while (rows.hasNext()) {
                rows.next();
                count++;
                if (count > limits.maxRows()) {
                    throw new TableFileException("table.error.tooManyRows", ">" + limits.maxRows(), limits.maxRows());
                }
            }
            return new TableInspection(TableFormat.CSV, charset, header, count);
        }
    }

    static TableReader open(Path file, Charset charset, TableLimits limits) throws IOException {
        Rows rows = new Rows(file, charset, limits);
        if (rows.hasNext()) {
            rows.next();
        }
        return rows;
    }

    /**
     * UTF-8 when the file starts with its byte-order mark or decodes as UTF-8 throughout;
     * otherwise GB18030 when it decodes as that; otherwise refused.
     */
    static Charset detect(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) {
                return StandardCharsets.UTF_8;
            }
        }
        if (decodes(file, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(file, GB18030)) {
            return GB18030;
        }
        throw new TableFileException("table.error.encoding");
    }

    private static boolean decodes(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        try (var channel = Files.newByteChannel(file)) {
            boolean eof = false;
            while (!eof) {
                eof = channel.read(in) < 0;
                in.flip();
                CoderResult r = decoder.decode(in, out, eof);
                if (r.isError()) {
                    return false;
                }
                out.clear();
                in.compact();
            }
            in.flip();
            if (decoder.decode(in, out, true).isError() || decoder.flush(out).isError()) {
                return false;
            }
            return !in.hasRemaining();
        }
        catch (CharacterCodingException ex) {
            return false;
        }
    }

    /**
     * Records one at a time, numbered as a spreadsheet numbers rows (empty lines count);
     * a record longer than the cell limits allow is refused.
     */
    private static final class Rows extends SkippingBlankRows {

        private final Bounded reader;

        private final CSVParser parser;

        private final Iterator<CSVRecord> records;

        private final TableLimits limits;

        private int number;

        Rows(Path file, Charset charset, TableLimits limits) throws IOException {
            this.limits = limits;
            InputStream in = Files.newInputStream(file);
            if (charset.equals(StandardCharsets.UTF_8)) {
                in = new BufferedInputStream(in);
                in.mark(3);
                byte[] bom = in.readNBytes(3);
                if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB
                        && (bom[2] & 0xFF) == 0xBF)) {
                    in.reset();
                }
            }
            this.reader = new Bounded(new InputStreamReader(in, charset),
                    (long) limits.maxColumns() * (limits.maxCellChars() + 3));
            this.parser = CSVParser.builder().setReader(this.reader).setFormat(FORMAT).get();
            this.records = this.parser.iterator();
        }

        @Override
        protected TableRow fetch() {
            CSVRecord r;
            try {
                if (!this.records.hasNext()) {
                    return null;
                }
                r = this.records.next();
            }
            catch (UncheckedIOException | IllegalStateException ex) {
                throw new TableFileException("table.error.csvMalformed", this.number + 1);
            }
            this.number++;
            this.reader.recordEnded(this.number + 1);
            if (r.size() > this.limits.maxColumns()) {
                throw new TableFileException("table.error.tooManyColumns", this.number, r.size(),
                        this.limits.maxColumns());
            }
            List<String> cells = new ArrayList<>(r.size());
            for (String v : r) {
                if (v.length() > this.limits.maxCellChars()) {
                    throw new TableFileException("table.error.cellTooLong", this.number, this.limits.maxCellChars());
                }
                cells.add(v.strip());
            }
            return new TableRow(this.number, cells, Set.of());
        }

        @Override
        public void close() {
            try {
                this.parser.close();
            }
            catch (IOException ex) {
                // Reading only; nothing to lose.
            }
        }

    }

    /**
     * Counts the characters read since the last record ended and refuses a record longer
     * than a row can be, so a line of a million commas never reaches the parser's memory.
     */
    private static final class Bounded extends FilterReader {

        private final long limit;

        private long count;

        private int row = 1;

        Bounded(Reader in, long limit) {
            super(in);
            this.limit = limit;
        }

        void recordEnded(int nextRow) {
            this.count = 0;
            this.row = nextRow;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            tally(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            tally(Math.max(0, n));
            return n;
        }

        private void tally(int n) {
            this.count += n;
            // The parser reads ahead by a buffer; allow for it.
            if (this.count > this.limit + 64 * 1024) {
                throw new TableFileException("table.error.rowTooLong", this.row, this.limit);
            }
        }

    }

}
