package com.opensvc.aftersales.quality.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** QLT-05: an attachment's type from its magic bytes, and its file name made safe (no Spring). */
class AttachmentFilesTest {

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    @DisplayName("QLT-05 the type is decided from the magic bytes: PNG, JPEG, WebP, PDF; anything else none")
    void QLT05_typeFromMagicBytes() {
        assertThat(AttachmentFiles.typeOf(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0))).isEqualTo("image/png");
        assertThat(AttachmentFiles.typeOf(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo("image/jpeg");
        assertThat(AttachmentFiles.typeOf("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("image/webp");
        assertThat(AttachmentFiles.typeOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("application/pdf");
        assertThat(AttachmentFiles.typeOf("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(AttachmentFiles.typeOf("just text, named photo.png".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(AttachmentFiles.typeOf(bytes(0x89, 'P', 'N'))).as("too short").isNull();
    }

    @Test
    @DisplayName("QLT-05 file names keep their last segment, lose control characters, bidi overrides, quotes and leading dots")
    void QLT05_fileNamesSanitised() {
        assertThat(AttachmentFiles.fileName("../../etc/passwd", "image/png")).isEqualTo("passwd");
        assertThat(AttachmentFiles.fileName("C:\\Users\\li\\门封漏水.jpg", "image/jpeg")).isEqualTo("门封漏水.jpg");
        assertThat(AttachmentFiles.fileName("photo\r\nSet-Cookie: x.png", "image/png")).isEqualTo("photoSet-Cookie: x.png");
        assertThat(AttachmentFiles.fileName("gpj.\u202Eexe.png", "image/png")).isEqualTo("gpj.exe.png");
        assertThat(AttachmentFiles.fileName("\"quoted\".pdf", "application/pdf")).isEqualTo("quoted.pdf");
        assertThat(AttachmentFiles.fileName("..hidden.png", "image/png")).isEqualTo("hidden.png");
        assertThat(AttachmentFiles.fileName(null, "image/png")).isEqualTo("attachment.png");
        assertThat(AttachmentFiles.fileName("dir/", "application/pdf")).isEqualTo("attachment.pdf");
        assertThat(AttachmentFiles.fileName("x".repeat(300) + ".png", "image/png")).hasSize(200);
    }
}
