package com.opensvc.aftersales.parts.loan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * What parts reads of dispatch's RepairClosed (PRT-03): which parts were used (with the old part's serial and
 * factory date as the technician read them), under which entitlement, the repaired unit, the charges and the payment
 * reference of paid work, and when the order closed (PRT-05).
 */
public record RepairClosed(@NotNull UUID workOrderId, @NotNull UUID ticketId, @NotNull String technicianId,
                           @NotNull String entitlement, @NotNull List<@NotNull @Valid PartUsed> partsUsed,
                           String productModel, String serialNumber, String causeCode, String symptom,
                           @Valid Charges charges, @Valid Payment payment, String actor, Instant occurredAt) {

    record PartUsed(@NotNull String partNumber, @NotNull Integer quantity, String oldSerial,
                    LocalDate oldFactoryDate) {
    }

    /** DSP-05: the charges of paid (or explicitly chargeable) work; parts reads which parts were charged. */
    record Charges(List<@NotNull @Valid ChargeLine> lines) {
    }

    record ChargeLine(String kind, String partNumber) {
    }

    /** DSP-05: how the charges are paid; {@code reference} is the receipt, invoice or prepayment reference. */
    record Payment(String reference) {
    }

    /** The reported use of one part: its lines' quantities added up, the first old serial and factory date given. */
    PartUsed used(String partNumber) {
        int quantity = 0;
        String oldSerial = null;
        LocalDate oldFactoryDate = null;
        for (PartUsed line : partsUsed) {
            if (line.partNumber().equals(partNumber)) {
                quantity += line.quantity();
                oldSerial = oldSerial != null ? oldSerial : line.oldSerial();
                oldFactoryDate = oldFactoryDate != null ? oldFactoryDate : line.oldFactoryDate();
            }
        }
        return new PartUsed(partNumber, quantity, oldSerial, oldFactoryDate);
    }

    /** True when the repair's charges bill this part (a PARTS line). */
    boolean charged(String partNumber) {
        return charges != null && charges.lines() != null && charges.lines().stream()
                .anyMatch(l -> "PARTS".equals(l.kind()) && partNumber.equals(l.partNumber()));
    }

    /** What the closed repair says about a loan of this part. */
    Loan.Repair repairOf(String partNumber, Instant fallbackClosedAt) {
        PartUsed used = used(partNumber);
        return new Loan.Repair(productModel, serialNumber, entitlement, causeCode, symptom,
                occurredAt != null ? occurredAt : fallbackClosedAt, used.quantity(), used.oldSerial(),
                used.oldFactoryDate(), Reconciliation.paid(entitlement, charged(partNumber)),
                payment != null ? payment.reference() : null);
    }
}
