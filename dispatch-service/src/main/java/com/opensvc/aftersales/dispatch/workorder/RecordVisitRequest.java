package com.opensvc.aftersales.dispatch.workorder;

import java.time.LocalDate;
import java.util.List;

import com.opensvc.aftersales.dispatch.charge.ChargesInput;
import com.opensvc.aftersales.dispatch.charge.PaymentInput;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * DSP-05: what the technician records for a fixed product: the facts of the repair; for paid (or explicitly
 * chargeable) work the {@code charges} and the {@code payment}; the customer's {@code confirmation} and
 * {@code customerRating} (null: the customer declined to rate). {@code customerConfirmation}, a free text, is the
 * older way to say the customer confirmed, still accepted when {@code confirmation} is absent.
 */
public record RecordVisitRequest(
        @NotNull Outcome outcome,
        @NotBlank @Size(max = 2000) String symptom,
        @NotBlank @Size(max = 64) String causeCode,
        @NotBlank @Size(max = 4000) String actions,
        @NotNull @Size(max = 50) List<@Valid PartUsed> partsUsed,
        @Min(0) @Max(7 * 24 * 60) int labourMinutes,
        @Size(max = 200) String customerConfirmation,
        Handling handling,
        @Valid ChargesInput charges,
        @Valid PaymentInput payment,
        @Valid CustomerConfirmation confirmation,
        CustomerRating customerRating) {

    /** A report the older way: no charges, the customer's confirmation as free text. */
    public RecordVisitRequest(Outcome outcome, String symptom, String causeCode, String actions,
                              List<PartUsed> partsUsed, int labourMinutes, String customerConfirmation) {
        this(outcome, symptom, causeCode, actions, partsUsed, labourMinutes, customerConfirmation, null, null, null,
                null, null);
    }

    /** NOT_FIXED (DSP-06) arrives with the technical-support flow. */
    public enum Outcome {
        FIXED
    }


    /** DSP-05: the customer's on-the-spot rating, on the four-point scale revisit also uses. */
    public enum CustomerRating {
        VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED
    }

    /**
     * One fitted part; PRT-03: {@code oldSerial} and {@code oldFactoryDate} are what the technician read on the removed
     * part (either may be absent), for parts to check against the unit's production inspection record.
     */
    public record PartUsed(@NotBlank @Size(max = 64) String partNumber, @Min(1) @Max(999) int quantity,
                           @Size(max = 100) String newSerial, @Size(max = 100) String oldSerial,
                           LocalDate oldFactoryDate) {
        /** A part used without the removed part's factory date. */
        public PartUsed(String partNumber, int quantity, String newSerial, String oldSerial) {
            this(partNumber, quantity, newSerial, oldSerial, null);
        }
    }

    /** What the visit row keeps of the confirmation: the method, or the older free text. */
    String confirmationSummary() {
        return confirmation != null ? confirmation.method().name() : customerConfirmation;
    }
}
