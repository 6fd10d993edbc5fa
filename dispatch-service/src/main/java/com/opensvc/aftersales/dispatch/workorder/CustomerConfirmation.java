package com.opensvc.aftersales.dispatch.workorder;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.opensvc.aftersales.web.InvalidFieldException.FieldError;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * DSP-05: how the customer confirmed the repair — a signature image (PNG or JPEG, base64, at most
 * {@value #MAX_SIGNATURE_BYTES} bytes decoded; a {@code data:image/…;base64,} prefix is allowed) or the confirmation
 * code they read out (4–12 letters or digits). The image is kept only in {@code visit_confirmation}, never logged:
 * {@link #toString()} leaves it out.
 */
public record CustomerConfirmation(@NotNull Method method, String signature,
                                   @Pattern(regexp = "[A-Za-z0-9]{4,12}", message = "must be 4 to 12 letters or digits")
                                   String code) {
    public static final int MAX_SIGNATURE_BYTES = 256 * 1024;
    private static final int MAX_SIGNATURE_TEXT = (MAX_SIGNATURE_BYTES + 2) / 3 * 4 + 64;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    public enum Method {
        SIGNATURE, CODE
    }

    /** The decoded, checked image: its bytes and media type. */
    record Signature(byte[] image, String mediaType) {
        @Override
        public String toString() {
            return "Signature[" + mediaType + ", " + image.length + " bytes]";
        }
    }

    /** The rules bean validation cannot say; {@code path} is where this object sits in the request. */
    List<FieldError> problems(String path) {
        List<FieldError> problems = new ArrayList<>();
        if (method == Method.SIGNATURE) {
            if (code != null) {
                problems.add(new FieldError(path + ".code", "is not given with a SIGNATURE"));
            }
            if (signature == null) {
                problems.add(new FieldError(path + ".signature", "is required for SIGNATURE: a base64 PNG or JPEG"));
            } else {
                signatureProblem().ifPresent(message -> problems.add(new FieldError(path + ".signature", message)));
            }
        } else if (method == Method.CODE) {
            if (signature != null) {
                problems.add(new FieldError(path + ".signature", "is not given with a CODE"));
            }
            if (code == null) {
                problems.add(new FieldError(path + ".code", "is required for CODE: the code the customer read out"));
            }
        }
        return problems;
    }

    /** The checked image of a SIGNATURE confirmation (call after {@link #problems} found none); null for a CODE. */
    Signature decodedSignature() {
        if (signature == null) {
            return null;
        }
        byte[] image = Base64.getDecoder().decode(stripDataUrl(signature));
        return new Signature(image, startsWith(image, PNG) ? "image/png" : "image/jpeg");
    }

    private Optional<String> signatureProblem() {
        String text = stripDataUrl(signature);
        if (text.length() > MAX_SIGNATURE_TEXT) {
            return Optional.of("is larger than " + MAX_SIGNATURE_BYTES / 1024 + " KB decoded");
        }
        byte[] image;
        try {
            image = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return Optional.of("must be base64 (RFC 4648, no line breaks)");
        }
        if (image.length > MAX_SIGNATURE_BYTES) {
            return Optional.of("is larger than " + MAX_SIGNATURE_BYTES / 1024 + " KB decoded");
        }
        if (!startsWith(image, PNG) && !startsWith(image, JPEG)) {
            return Optional.of("must be a PNG or JPEG image");
        }
        return Optional.empty();
    }

    private static String stripDataUrl(String text) {
        return text.replaceFirst("^data:image/(png|jpeg);base64,", "");
    }

    private static boolean startsWith(byte[] image, byte[] magic) {
        if (image.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (image[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "CustomerConfirmation[method=" + method + (signature == null ? "" : ", signature=…")
                + (code == null ? "" : ", code=…") + "]";
    }
}
