package com.opensvc.aftersales.intake.quote;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import com.opensvc.aftersales.web.InvalidFieldException;

/** ETag = the record's version in quotes; If-Match takes the same (weak or strong). */
final class ETags {
    private ETags() {
    }

    static String of(int version) {
        return "\"" + version + "\"";
    }

    /** @return the version the caller expects, or null when there is no If-Match */
    static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("If-Match", "must be an ETag this service returned, e.g. \"3\"");
        }
    }

    static ResponseStatusException preconditionFailed(String what) {
        return new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
                what + " has changed since it was read; read it again (If-Match does not match)");
    }
}
