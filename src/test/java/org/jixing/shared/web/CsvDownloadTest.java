package org.jixing.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Spreadsheet formulas never reach a download as formulas. */
class CsvDownloadTest {

    @Test
    void textThatASpreadsheetWouldRunIsNeutralised() {
        assertThat(CsvDownload.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvDownload.cell("+1")).isEqualTo("'+1");
        assertThat(CsvDownload.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvDownload.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvDownload.cell("\tx")).isEqualTo("'\tx");
        assertThat(CsvDownload.cell("济南市")).isEqualTo("济南市");
        assertThat(CsvDownload.cell(null)).isEqualTo("");
    }

    @Test
    void numbersStayNumbers() {
        assertThat(CsvDownload.cell(-5)).isEqualTo(-5);
        assertThat(CsvDownload.cell(new BigDecimal("-0.5"))).isEqualTo(new BigDecimal("-0.5"));
    }

}
