package org.jixing.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * An attachment's type is judged by its first bytes, not its name
 * ({@link ClaimAttachments#sniff}).
 */
class AttachmentTypeDetectionTest {

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void a_pdf_starts_with_its_version_marker() {
        assertThat(ClaimAttachments.sniff("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)))
            .isEqualTo("application/pdf");
    }

    @Test
    void a_jpeg_and_a_png_are_known_by_their_signatures() {
        assertThat(ClaimAttachments.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo("image/jpeg");
        assertThat(ClaimAttachments.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)))
            .isEqualTo("image/png");
    }

    @Test
    void text_named_like_a_pdf_is_refused() {
        assertThat(ClaimAttachments.sniff("just text".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void a_signature_cut_short_is_refused() {
        assertThat(ClaimAttachments.sniff("%PDF".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(ClaimAttachments.sniff(bytes(0x89, 'P', 'N', 'G'))).isNull();
        assertThat(ClaimAttachments.sniff(new byte[0])).isNull();
    }

}
