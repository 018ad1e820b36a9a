package org.jixing.shared.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Streams rows to an XLSX download (fastexcel: rows are flushed as they are written, so
 * memory stays flat). Text is always written as text, never as a formula; numbers as
 * numbers; dates as dates.
 */
public final class XlsxDownload {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxDownload() {
    }

    public static void write(HttpServletResponse response, String filename, String sheet, List<String> header,
            Iterator<? extends List<?>> rows) throws IOException {
        response.setContentType(CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
        Workbook workbook = new Workbook(response.getOutputStream(), "Jixing", "1.0");
        Worksheet ws = workbook.newWorksheet(sheet);
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.style(0, c).bold().set();
        }
        int r = 1;
        while (rows.hasNext()) {
            List<?> row = rows.next();
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v instanceof Number n) {
                    ws.value(r, c, n);
                }
                else if (v instanceof LocalDate d) {
                    ws.value(r, c, d);
                    ws.style(r, c).format("yyyy-mm-dd").set();
                }
                else if (v instanceof BigDecimal b) {
                    ws.value(r, c, b);
                }
                else if (v != null) {
                    ws.value(r, c, v.toString());
                }
            }
            if (r % 1000 == 0) {
                ws.flush();
            }
            r++;
        }
        ws.freezePane(0, 1);
        workbook.finish();
    }

}
