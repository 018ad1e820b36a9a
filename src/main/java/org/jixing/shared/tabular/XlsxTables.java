package org.jixing.shared.tabular;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * XLSX workbooks, the first sheet. Before the reader (fastexcel) sees a workbook, a
 * safety pass inflates every part through a counter that stops at the limits (a zip bomb
 * never reaches memory) and scans the first sheet with StAX, counting rows and refusing a
 * row of too many cells or a cell beyond the last column a sheet can have.
 */
final class XlsxTables {

    /** XFD, the last column of a sheet. */
    private static final int LAST_COLUMN = 16_384;

    private static final int MAX_PARTS = 10_000;

    private XlsxTables() {
    }

    static TableInspection inspect(Path file, TableLimits limits) throws IOException {
        long size = Files.size(file);
        int rows;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_PARTS) {
                throw new TableFileException("table.error.zipBomb");
            }
            if (zip.getEntry("[Content_Types].xml") == null || zip.getEntry("xl/workbook.xml") == null) {
                throw new TableFileException("table.error.notWorkbook");
            }
            Inflated budget = new Inflated(limits, size);
            String sheet = firstSheet(zip, budget);
            rows = -1;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                try (InputStream in = budget.count(zip.getInputStream(e))) {
                    if (e.getName().equals(sheet)) {
                        rows = scan(in, limits);
                    }
                    else {
                        in.transferTo(OutputStreamNull.INSTANCE);
                    }
                }
            }
            if (rows < 0) {
                throw new TableFileException("table.error.notWorkbook");
            }
        }
        catch (ZipException ex) {
            throw new TableFileException("table.error.brokenWorkbook");
        }
        List<String> header;
        try (TableReader reader = rows(file, limits)) {
            if (!reader.hasNext()) {
                throw new TableFileException("table.error.noHeader");
            }
            header = reader.next().cells();
        }
        return new TableInspection(TableFormat.XLSX, null, header, Math.max(0, rows - 1));
    }

    static TableReader open(Path file, TableLimits limits) throws IOException {
        TableReader reader = rows(file, limits);
        if (reader.hasNext()) {
            reader.next();
        }
        return reader;
    }

    private static TableReader rows(Path file, TableLimits limits) throws IOException {
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false));
        }
        catch (RuntimeException ex) {
            throw new TableFileException("table.error.brokenWorkbook");
        }
        Stream<Row> stream = workbook.getFirstSheet().openStream();
        return new Rows(workbook, stream, limits);
    }

    /** The part name of the first sheet, as the workbook and its relationships say. */
    private static String firstSheet(ZipFile zip, Inflated budget) throws IOException {
        String relId = null;
        try (InputStream in = budget.count(zip.getInputStream(zip.getEntry("xl/workbook.xml")))) {
            XMLStreamReader x = factory().createXMLStreamReader(in);
            while (x.hasNext() && relId == null) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("sheet")) {
                    for (int i = 0; i < x.getAttributeCount(); i++) {
                        if (x.getAttributeLocalName(i).equals("id")) {
                            relId = x.getAttributeValue(i);
                        }
                    }
                }
            }
        }
        catch (XMLStreamException ex) {
            throw new TableFileException("table.error.brokenWorkbook");
        }
        ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
        if (relId == null || rels == null) {
            throw new TableFileException("table.error.notWorkbook");
        }
        try (InputStream in = budget.count(zip.getInputStream(rels))) {
            XMLStreamReader x = factory().createXMLStreamReader(in);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship")
                        && relId.equals(x.getAttributeValue(null, "Id"))) {
                    String target = x.getAttributeValue(null, "Target");
                    if (target == null) {
                        break;
                    }
                    return target.startsWith("/") ? target.substring(1) : "xl/" + target;
                }
            }
        }
        catch (XMLStreamException ex) {
            throw new TableFileException("table.error.brokenWorkbook");
        }
        throw new TableFileException("table.error.notWorkbook");
    }

    /** Counts the rows of a sheet and checks every row's cells against the limits. */
    private static int scan(InputStream in, TableLimits limits) throws IOException {
        int rows = 0;
        try {
            XMLStreamReader x = factory().createXMLStreamReader(in);
            int cells = 0;
            while (x.hasNext()) {
                int event = x.next();
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = x.getLocalName();
                if (name.equals("row")) {
                    rows++;
                    cells = 0;
                    if (rows > limits.maxRows() + 1) {
                        throw new TableFileException("table.error.tooManyRows", ">" + limits.maxRows(),
                                limits.maxRows());
                    }
                }
                else if (name.equals("c")) {
                    cells++;
                    String ref = x.getAttributeValue(null, "r");
                    int column = ref == null ? cells : column(ref);
                    if (column > LAST_COLUMN || column < 0) {
                        throw new TableFileException("table.error.tooManyColumns", rows, column, limits.maxColumns());
                    }
                    if (cells > limits.maxColumns()) {
                        throw new TableFileException("table.error.tooManyColumns", rows, cells, limits.maxColumns());
                    }
                }
            }
        }
        catch (XMLStreamException ex) {
            throw new TableFileException("table.error.brokenWorkbook");
        }
        return rows;
    }

    /** The 1-based column of a cell reference such as {@code AB12}; -1 if malformed. */
    static int column(String ref) {
        int column = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            char c = Character.toUpperCase(ref.charAt(i));
            if (c < 'A' || c > 'Z' || i >= 4) {
                return -1;
            }
            column = column * 26 + (c - 'A' + 1);
            i++;
        }
        return i == 0 ? -1 : column;
    }

    /** XML without DTDs or external entities. */
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    /** What the parts inflate to in all, stopped at the limits. */
    private static final class Inflated {

        private final long limit;

        private long total;

        Inflated(TableLimits limits, long compressed) {
            this.limit = Math.min(limits.maxInflatedBytes(),
                    Math.max(16L * 1024 * 1024, compressed * limits.maxInflationRatio()));
        }

        InputStream count(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    add(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    add(Math.max(0, n));
                    return n;
                }
            };
        }

        private void add(long n) {
            this.total += n;
            if (this.total > this.limit) {
                throw new TableFileException("table.error.zipBomb");
            }
        }

    }

    private static final class OutputStreamNull extends OutputStream {

        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }

    }

    private static final class Rows extends SkippingBlankRows {

        private final ReadableWorkbook workbook;

        private final Stream<Row> stream;

        private final Iterator<Row> rows;

        private final TableLimits limits;

        Rows(ReadableWorkbook workbook, Stream<Row> stream, TableLimits limits) {
            this.workbook = workbook;
            this.stream = stream;
            this.rows = stream.iterator();
            this.limits = limits;
        }

        @Override
        protected TableRow fetch() {
            Row row;
            try {
                if (!this.rows.hasNext()) {
                    return null;
                }
                row = this.rows.next();
            }
            catch (TableFileException ex) {
                throw ex;
            }
            catch (RuntimeException ex) {
                throw new TableFileException("table.error.brokenWorkbook");
            }
            int count = Math.min(row.getCellCount(), LAST_COLUMN);
            if (row.getPhysicalCellCount() > this.limits.maxColumns()) {
                throw new TableFileException("table.error.tooManyColumns", row.getRowNum(), row.getPhysicalCellCount(),
                        this.limits.maxColumns());
            }
            List<String> cells = new ArrayList<>(count);
            Set<Integer> formulas = new HashSet<>();
            for (int i = 0; i < count; i++) {
                Cell cell = row.getCell(i);
                String text = cell == null || cell.getText() == null ? "" : cell.getText();
                if (text.length() > this.limits.maxCellChars()) {
                    throw new TableFileException("table.error.cellTooLong", row.getRowNum(),
                            this.limits.maxCellChars());
                }
                if (cell != null && cell.getType() == CellType.FORMULA) {
                    formulas.add(i);
                }
                cells.add(text.strip());
            }
            return new TableRow(row.getRowNum(), cells, formulas.isEmpty() ? Set.of() : formulas);
        }

        @Override
        public void close() {
            this.stream.close();
            try {
                this.workbook.close();
            }
            catch (IOException ex) {
                // Reading only.
            }
        }

    }

}
