package com.opensvc.aftersales.intake.customer.transfer;

import java.util.List;

import com.opensvc.aftersales.web.InvalidFieldException;

/** The upload as a whole cannot be read as a customer sheet (400, naming {@code file} or {@code rows}). */
final class SheetFileException extends InvalidFieldException {
    SheetFileException(String field, String message) {
        super(List.of(new FieldError(field, message)));
    }

    static SheetFileException file(String message) {
        return new SheetFileException("file", message);
    }
}
