package org.jixing.shared.web;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

/** A table download in the format the address asks for: {@code csv} or {@code xlsx}. */
public final class TableDownload {

    private TableDownload() {
    }

    public static void write(HttpServletResponse response, String format, String name, String sheet,
            List<String> header, Iterator<? extends List<?>> rows) throws IOException {
        if ("xlsx".equals(format)) {
            XlsxDownload.write(response, name + ".xlsx", sheet, header, rows);
        }
        else {
            CsvDownload.write(response, name + ".csv", header, rows);
        }
    }

}
