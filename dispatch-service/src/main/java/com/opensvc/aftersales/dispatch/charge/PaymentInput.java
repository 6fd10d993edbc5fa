package com.opensvc.aftersales.dispatch.charge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.opensvc.aftersales.web.InvalidFieldException.FieldError;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * DSP-05: how charged work is paid. {@code reference}: the receipt number (on site, optional), the invoice number
 * (INVOICED, required) or the prepayment's reference (PREPAID, required). {@code amountCollected}: what was taken on
 * site (COLLECTED_ON_SITE, required) or what the prepayment covers (PREPAID, default the whole total); none for
 * INVOICED.
 */
public record PaymentInput(@NotNull PaymentMethod method,
                           @Size(max = 64) @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with blanks")
                           String reference,
                           @DecimalMin("0.00") @DecimalMax(Money.MAX)
                           @Digits(integer = 7, fraction = 2, message = Money.TWO_DECIMALS) BigDecimal amountCollected) {

    /** The rules that need no work order; {@code path} is where this object sits in the request. */
    public List<FieldError> problems(String path) {
        List<FieldError> problems = new ArrayList<>();
        if (method == null) {
            return problems;
        }
        switch (method) {
            case COLLECTED_ON_SITE -> {
                if (amountCollected == null) {
                    problems.add(new FieldError(path + ".amountCollected", "is required for COLLECTED_ON_SITE"));
                }
            }
            case INVOICED -> {
                if (reference == null) {
                    problems.add(new FieldError(path + ".reference", "is required for INVOICED: the invoice number"));
                }
                if (amountCollected != null) {
                    problems.add(new FieldError(path + ".amountCollected",
                            "is not taken on an invoiced order: finance records the collection"));
                }
            }
            case PREPAID -> {
                if (reference == null) {
                    problems.add(new FieldError(path + ".reference", "is required for PREPAID: the prepayment's reference"));
                }
            }
        }
        return problems;
    }
}
