package com.opensvc.aftersales.web;

import java.util.List;

/** Input that passed bean validation but breaks a domain rule; each bad field is named. */
public class InvalidFieldException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidFieldException(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public InvalidFieldException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {
    }
}
