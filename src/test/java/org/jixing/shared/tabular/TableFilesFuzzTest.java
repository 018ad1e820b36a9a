package org.jixing.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes, named as CSV or as XLSX: the readers either refuse the file with a
 * {@link TableFileException} or read it within the limits, and a second pass yields the
 * rows the first counted. Anything else thrown is a bug. {@code ./mvnw verify} runs the
 * seed corpus (regression mode); {@code JAZZER_FUZZ=1} fuzzes.
 */
class TableFilesFuzzTest {

    static final TableLimits SMALL = new TableLimits(512 * 1024, 500, 20, 100, 8L * 1024 * 1024, 100);

    @FuzzTest(maxDuration = "60s")
    void csvReader(byte[] data) throws Exception {
        read(data, "fuzz.csv");
    }

    @FuzzTest(maxDuration = "60s")
    void xlsxReader(byte[] data) throws Exception {
        read(data, "fuzz.xlsx");
    }

    private static void read(byte[] data, String name) throws Exception {
        Path file = Files.createTempFile("fuzz", name);
        try {
            Files.write(file, data);
            TableInspection inspection;
            try {
                inspection = TableFiles.inspect(file, name, SMALL);
            }
            catch (TableFileException refused) {
                assertThat(refused.messageKey()).startsWith("table.error.");
                return;
            }
            assertThat(inspection.rows()).isBetween(0, SMALL.maxRows());
            assertThat(inspection.header().size()).isLessThanOrEqualTo(16_384);
            int rows = 0;
            try (TableReader reader = TableFiles.open(file, inspection, SMALL)) {
                while (reader.hasNext()) {
                    TableRow row = reader.next();
                    rows++;
                    assertThat(row.cells()).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(100));
                }
            }
            catch (TableFileException refused) {
                // A workbook may be found broken only when its rows are read.
                assertThat(inspection.format()).isEqualTo(TableFormat.XLSX);
                return;
            }
            if (inspection.format() == TableFormat.CSV) {
                assertThat(rows).isEqualTo(inspection.rows());
            }
            else {
                assertThat(rows).isLessThanOrEqualTo(inspection.rows());
            }
        }
        finally {
            Files.delete(file);
        }
    }

}
