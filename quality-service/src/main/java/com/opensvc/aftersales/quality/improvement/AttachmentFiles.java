package com.opensvc.aftersales.quality.improvement;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import com.opensvc.aftersales.web.InvalidFieldException;

import lombok.RequiredArgsConstructor;

/**
 * QLT-05: checks an uploaded photo or file of a report's problem before anything is stored: present and not empty
 * (400), not larger than {@code attachment-max-size} (413), of an allowed type as its magic bytes show — a type the
 * bytes do not show, or a declared type that differs from them, is refused (415). Every refusal names {@code file}.
 * The file name is reduced to its last path segment without control characters.
 */
@Component
@RequiredArgsConstructor
class AttachmentFiles {
    static final String FIELD = "file";
    static final int MAX_NAME_LENGTH = 200;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP = {'W', 'E', 'B', 'P'};

    private final ImprovementReportProperties properties;

    /** A checked upload: its sanitised name, the type its bytes show, the bytes and their SHA-256 (hex). */
    record CheckedFile(String fileName, String contentType, byte[] bytes, String sha256) {
    }

    /** A refused upload, answered with {@code status} and a problem naming {@code file}. */
    static final class Refused extends RuntimeException {
        private final HttpStatus status;

        Refused(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }

        HttpStatus status() {
            return status;
        }
    }

    CheckedFile check(MultipartFile file) throws IOException {
        if (file == null) {
            throw new InvalidFieldException(FIELD, "is required: send the file as the multipart part named file");
        }
        long max = properties.attachmentMaxSize().toBytes();
        if (file.getSize() > max) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (bytes.length > max) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            throw new InvalidFieldException(FIELD, "is empty");
        }
        String detected = typeOf(bytes);
        if (detected == null || !properties.attachmentTypes().contains(detected)) {
            throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "must be one of " + String.join(", ",
                    properties.attachmentTypes()) + " (its content shows " + (detected == null ? "none of them" : detected) + ")");
        }
        String declared = declaredType(file.getContentType());
        if (declared != null && !declared.equals(detected)) {
            throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "declares a type that its content does not have (its content is " + detected + ")");
        }
        return new CheckedFile(fileName(file.getOriginalFilename(), detected), detected, bytes, sha256(bytes));
    }

    Refused tooLarge() {
        return new Refused(HttpStatus.CONTENT_TOO_LARGE, "must be at most " + properties.attachmentMaxSize().toBytes()
                + " bytes");
    }

    /** The type the file's first bytes show, or null when they show none this service knows. */
    static String typeOf(byte[] bytes) {
        if (startsWith(bytes, 0, PNG)) {
            return MediaType.IMAGE_PNG_VALUE;
        }
        if (startsWith(bytes, 0, JPEG)) {
            return MediaType.IMAGE_JPEG_VALUE;
        }
        if (startsWith(bytes, 0, PDF)) {
            return MediaType.APPLICATION_PDF_VALUE;
        }
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) {
            return "image/webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
        return bytes.length >= offset + magic.length
                && Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
    }

    /** The part's declared type without parameters, or null when it declares none in particular (octet-stream). */
    private static String declaredType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            String name = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
            if (name.equals(MediaType.APPLICATION_OCTET_STREAM_VALUE)) {
                return null;
            }
            return name.equals("image/jpg") || name.equals("image/pjpeg") ? MediaType.IMAGE_JPEG_VALUE : name;
        } catch (InvalidMediaTypeException e) {
            return "invalid";
        }
    }

    /**
     * The last segment of the client's file name (either slash), without control characters, bidirectional overrides
     * or quotes, at most {@value #MAX_NAME_LENGTH} characters; {@code attachment} (with the type's extension) when
     * nothing is left.
     */
    static String fileName(String original, String contentType) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\x00-\\x1F\\x7F-\\x9F\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\"]", "").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME_LENGTH));
        }
        return name.isBlank() ? "attachment" + extension(contentType) : name;
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case MediaType.IMAGE_PNG_VALUE -> ".png";
            case MediaType.IMAGE_JPEG_VALUE -> ".jpg";
            case MediaType.APPLICATION_PDF_VALUE -> ".pdf";
            case "image/webp" -> ".webp";
            default -> "";
        };
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
