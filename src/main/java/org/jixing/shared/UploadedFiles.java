package org.jixing.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checks every upload of evidence passes (a claim's attachments, a case finding's, a
 * visit's photos): not empty, not above a size, a PDF, JPEG or PNG judged by its first
 * bytes (never its name), a file name safe to store and send back, and its SHA-256.
 */
public final class UploadedFiles {

    /** A file that passed: its safe name, its content type and its SHA-256 (hex). */
    public record Checked(String name, String contentType, String sha256) {
    }

    private UploadedFiles() {
    }

    /**
     * Checks a PDF, JPEG or PNG upload, refusing it on {@code field} with the messages
     * {@code <prefix>.empty}, {@code <prefix>.tooLarge} (the limit in MB as argument) and
     * {@code <prefix>.type}.
     */
    public static Checked check(String field, String messagePrefix, String fileName, byte[] content, long maxBytes,
            String fallbackName) {
        if (content == null || content.length == 0) {
            throw InvalidInputException.of(field, messagePrefix + ".empty");
        }
        if (content.length > maxBytes) {
            throw InvalidInputException.of(field, messagePrefix + ".tooLarge", maxBytes / 1024 / 1024);
        }
        String type = sniff(content);
        if (type == null) {
            throw InvalidInputException.of(field, messagePrefix + ".type");
        }
        return new Checked(safeName(fileName, fallbackName), type, sha256(content));
    }

    /** The content type of a PDF, JPEG or PNG by its magic bytes, or null. */
    public static String sniff(byte[] b) {
        if (b == null) {
            return null;
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        return null;
    }

    /**
     * A file name safe to store and to send back in a header: stripped, slashes,
     * backslashes, quotes and line breaks replaced, at most its last 200 characters; the
     * fallback when blank.
     */
    public static String safeName(String fileName, String fallback) {
        String name = fileName == null || fileName.isBlank() ? fallback : fileName.strip();
        name = name.replaceAll("[\\\\/\\r\\n\"]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** The SHA-256 of the content, in hex. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
