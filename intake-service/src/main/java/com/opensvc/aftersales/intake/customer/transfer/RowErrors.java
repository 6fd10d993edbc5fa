package com.opensvc.aftersales.intake.customer.transfer;

import java.util.ArrayList;
import java.util.List;

import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;

/**
 * The errors of an import, each naming its cell as {@code rows[7].contactPhone} (row 7 as Excel numbers it).
 * Only the first {@code cap} are kept; the report then says how many there were in all. Messages never
 * repeat a cell's value: the value may be a phone (SEC-04) and the sender has the file.
 */
final class RowErrors {
    private final int cap;
    private final List<FieldError> kept = new ArrayList<>();
    private int total;

    RowErrors(int cap) {
        this.cap = cap;
    }

    void add(int row, CustomerColumn column, String message) {
        add("rows[" + row + "]." + column.key(), column.header() + ": " + message);
    }

    void add(String field, String message) {
        total++;
        if (kept.size() < cap) {
            kept.add(new FieldError(field, message));
        }
    }

    boolean isEmpty() {
        return total == 0;
    }

    int total() {
        return total;
    }

    void throwIfAny() {
        if (total == 0) {
            return;
        }
        List<FieldError> errors = new ArrayList<>(kept);
        if (total > kept.size()) {
            errors.add(new FieldError("rows", total + " errors in all; the first " + kept.size() + " are listed"));
        }
        throw new InvalidFieldException(errors);
    }
}
