package com.opensvc.aftersales.parts.loan;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** What parts reads of dispatch's RepairClosed (PRT-03): which parts were used, under which entitlement. */
public record RepairClosed(@NotNull UUID workOrderId, @NotNull UUID ticketId, @NotNull String technicianId,
                           @NotNull String entitlement, @NotNull List<@NotNull @Valid PartUsed> partsUsed) {

    record PartUsed(@NotNull String partNumber, @NotNull Integer quantity, String oldSerial) {
    }

    /** The reported use of one part: its lines' quantities added up, the first old serial given. */
    PartUsed used(String partNumber) {
        int quantity = 0;
        String oldSerial = null;
        for (PartUsed line : partsUsed) {
            if (line.partNumber().equals(partNumber)) {
                quantity += line.quantity();
                oldSerial = oldSerial != null ? oldSerial : line.oldSerial();
            }
        }
        return new PartUsed(partNumber, quantity, oldSerial);
    }
}
