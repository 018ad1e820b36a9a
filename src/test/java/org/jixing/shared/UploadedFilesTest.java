package org.jixing.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * An attachment's type is judged by its first bytes, not its name
 * ({@link UploadedFiles#sniff}).
 */
class UploadedFilesTest {

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void a_pdf_starts_with_its_version_marker() {
        assertThat(UploadedFiles.sniff("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("application/pdf");
    }

    @Test
    void a_jpeg_and_a_png_are_known_by_their_signatures() {
        assertThat(UploadedFiles.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo("image/jpeg");
        assertThat(UploadedFiles.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0))).isEqualTo("image/png");
    }

    @Test
    void text_named_like_a_pdf_is_refused() {
        assertThat(UploadedFiles.sniff("just text".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void a_signature_cut_short_is_refused() {
        assertThat(UploadedFiles.sniff("%PDF".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(UploadedFiles.sniff(bytes(0x89, 'P', 'N', 'G'))).isNull();
        assertThat(UploadedFiles.sniff(new byte[0])).isNull();
    }

    @Test
    void a_name_is_made_safe_and_an_upload_is_checked() {
        assertThat(UploadedFiles.safeName(" a/b\\c\"d.pdf ", "x")).isEqualTo("a_b_c_d.pdf");
        assertThat(UploadedFiles.safeName("  ", "photo")).isEqualTo("photo");
        assertThat(UploadedFiles.safeName("x".repeat(250) + ".pdf", "x")).hasSize(200).endsWith(".pdf");
        UploadedFiles.Checked ok = UploadedFiles.check("file", "p", "scan.png",
                bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0), 100, "attachment");
        assertThat(ok.contentType()).isEqualTo("image/png");
        assertThat(ok.sha256()).hasSize(64);
        org.assertj.core.api.Assertions
            .assertThatThrownBy(() -> UploadedFiles.check("file", "p", "a.txt", "text".getBytes(), 100, "a"))
            .isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.problems()).extracting(InvalidInputException.Problem::messageKey)
                        .containsExactly("p.type"));
        org.assertj.core.api.Assertions
            .assertThatThrownBy(() -> UploadedFiles.check("file", "p", "a.pdf", "%PDF-1.4".getBytes(), 4, "a"))
            .isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.problems()).extracting(InvalidInputException.Problem::messageKey)
                        .containsExactly("p.tooLarge"));
    }

}
