package org.jixing.shared.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file sent as a download: saved under its name (Chinese names too), never shown inline
 * nor sniffed as another type.
 */
public final class FileDownload {

    private FileDownload() {
    }

    public static ResponseEntity<byte[]> of(String filename, MediaType type, byte[] content) {
        return ResponseEntity.ok()
            .contentType(type)
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
            .header("X-Content-Type-Options", "nosniff")
            .body(content);
    }

}
