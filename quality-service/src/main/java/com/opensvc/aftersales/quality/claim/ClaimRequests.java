package com.opensvc.aftersales.quality.claim;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** QLT-09: the request bodies of the supplier-claim endpoints. */
public final class ClaimRequests {
    private ClaimRequests() {
    }

    /** PUT /api/quality/purchased-components/{partNumber}. */
    public record ComponentRequest(@NotBlank @Size(max = 200) String supplier,
                                   @Size(max = 100) String supplierPartNumber,
                                   @Size(max = 500) String description) {
    }

    /** A claim raised by hand for a defect and the part that caused it. */
    public record RaiseRequest(@NotNull UUID defectId, @NotBlank @Size(max = 100) String partNumber) {
    }

    /** OPEN → SUBMITTED: purchasing sent the claim to the supplier under this reference. */
    public record SubmissionRequest(@NotBlank @Size(max = 200) String reference) {
    }

    /** SUBMITTED → ACCEPTED or REJECTED: the supplier's answer. */
    public record DecisionRequest(@NotNull Boolean accepted, @Size(max = 2000) String note) {
    }

    /** ACCEPTED → SETTLED: what the supplier paid or credited (two decimals, CNY). */
    public record SettlementRequest(@NotNull @DecimalMin(value = "0.00", inclusive = false)
                                    @DecimalMax("999999999999.99")
                                    @Digits(integer = 12, fraction = 2, message = "must have at most two decimals")
                                    BigDecimal recoveredAmount,
                                    @NotNull @Pattern(regexp = "CNY", message = "must be CNY") String currency) {
    }

    /** → CLOSED: why the claim is given up or done without money. */
    public record CloseRequest(@NotBlank @Size(max = 2000) String note) {
    }
}
