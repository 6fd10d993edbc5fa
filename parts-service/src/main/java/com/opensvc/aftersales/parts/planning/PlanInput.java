package com.opensvc.aftersales.parts.planning;

import java.util.ArrayList;
import java.util.List;

import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * PRT-06: the body of {@code PUT /api/parts/plans/{location}/{partNumber}}: whole, non-negative quantities with
 * safety stock ≤ minimum ≤ maximum.
 */
public record PlanInput(@NotNull @PositiveOrZero @Max(MAX) Integer safetyStock,
                        @NotNull @PositiveOrZero @Max(MAX) Integer minimum,
                        @NotNull @PositiveOrZero @Max(MAX) Integer maximum) {
    static final int MAX = 999_999;

    /** The figures, once they are in order; otherwise a 400 naming the field that is out of order. */
    public StockFigures figures() {
        List<FieldError> errors = new ArrayList<>();
        if (safetyStock > minimum) {
            errors.add(new FieldError("safetyStock", "must not be more than minimum (" + minimum + ")"));
        }
        if (minimum > maximum) {
            errors.add(new FieldError("minimum", "must not be more than maximum (" + maximum + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return new StockFigures(safetyStock, minimum, maximum);
    }
}
