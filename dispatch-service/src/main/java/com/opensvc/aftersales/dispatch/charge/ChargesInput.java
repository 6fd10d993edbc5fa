package com.opensvc.aftersales.dispatch.charge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.opensvc.aftersales.web.InvalidFieldException.FieldError;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * DSP-05: the charges a technician enters with a fixed visit: TRAVEL and SERVICE lines with their amounts. The parts
 * of paid work are charged from {@code partsUsed} at the catalogue price (INT-08); a PARTS line here is refused.
 *
 * @param chargeable true to charge work that is not PAID (e.g. travel to a product that cannot be removed, INT-08);
 *                   needs {@code reason}
 */
public record ChargesInput(Boolean chargeable, @Size(max = 500) String reason,
                           @NotNull @Size(max = 20) List<@Valid LineInput> lines) {

    public record LineInput(@NotNull ChargeKind kind, @NotBlank @Size(max = 200) String description,
                            @DecimalMin("0.00") @DecimalMax(Money.MAX)
                            @Digits(integer = 7, fraction = 2, message = Money.TWO_DECIMALS) BigDecimal amount,
                            @Size(max = 64) String partNumber,
                            @DecimalMin("0.00") @DecimalMax(Money.MAX)
                            @Digits(integer = 7, fraction = 2, message = Money.TWO_DECIMALS) BigDecimal unitPrice) {
    }

    public boolean isChargeable() {
        return Boolean.TRUE.equals(chargeable);
    }

    /** The rules of the lines that need no work order; {@code path} is where this object sits in the request. */
    public List<FieldError> problems(String path) {
        List<FieldError> problems = new ArrayList<>();
        if (isChargeable() && (reason == null || reason.isBlank())) {
            problems.add(new FieldError(path + ".reason", "is required when chargeable is true"));
        }
        for (int i = 0; lines != null && i < lines.size(); i++) {
            LineInput line = lines.get(i);
            String at = path + ".lines[" + i + "]";
            if (line.kind() == ChargeKind.PARTS) {
                problems.add(line.amount() != null || line.unitPrice() != null
                        ? new FieldError(at + (line.amount() != null ? ".amount" : ".unitPrice"),
                        "parts are priced from the catalogue, never entered: list the part under partsUsed")
                        : new FieldError(at + ".kind", "parts are priced from the catalogue from partsUsed: "
                        + "enter only TRAVEL and SERVICE lines"));
            } else if (line.kind() != null) {
                if (line.amount() == null) {
                    problems.add(new FieldError(at + ".amount", "is required on a " + line.kind() + " line"));
                }
                if (line.partNumber() != null || line.unitPrice() != null) {
                    problems.add(new FieldError(at + (line.partNumber() != null ? ".partNumber" : ".unitPrice"),
                            "belongs only to a PARTS line, which is priced from the catalogue"));
                }
            }
        }
        return problems;
    }
}
