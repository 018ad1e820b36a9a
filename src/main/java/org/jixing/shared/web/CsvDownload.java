package org.jixing.shared.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Streams rows to a CSV download as Chinese Excel opens it: UTF-8 with a byte-order mark,
 * RFC 4180 quoting. Text cells that a spreadsheet would run as a formula (starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) are written
 * with a leading apostrophe; numbers are written as they are.
 */
public final class CsvDownload {

    private CsvDownload() {
    }

    /**
     * Writes the download in the request's own thread (so the caller's scope applies to
     * every row fetched), row by row as {@code rows} yields them.
     */
    public static void write(HttpServletResponse response, String filename, List<String> header,
            Iterator<? extends List<?>> rows) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            csv.printRecord(header.stream().map(CsvDownload::cell).toList());
            while (rows.hasNext()) {
                csv.printRecord(rows.next().stream().map(CsvDownload::cell).toList());
            }
        }
    }

    /**
     * A CSV already written in full (with its byte-order mark if it has one) as a
     * download named {@code filename}.
     */
    public static ResponseEntity<byte[]> ofText(String filename, String content) {
        return FileDownload.of(filename, new MediaType("text", "csv", StandardCharsets.UTF_8),
                content.getBytes(StandardCharsets.UTF_8));
    }

    /** A cell as written: null empty, numbers as they are, text neutralised. */
    public static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

}
