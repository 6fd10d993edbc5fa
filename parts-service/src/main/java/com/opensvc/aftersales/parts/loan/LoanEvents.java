package com.opensvc.aftersales.parts.loan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The settlement side's events on {@code aftersales.parts.stock} (PRT-03, PRT-04), keyed by ticket. */
final class LoanEvents {
    private LoanEvents() {
    }

    /**
     * PRT-03: the old part checked in for a warranty loan does not match the repaired unit's production record (or
     * there is none): the write-off is blocked and the work order flagged until a matching old part is checked in.
     */
    record PartsWriteOffBlocked(UUID workOrderId, UUID ticketId, String technicianId, UUID loanId, String partNumber,
                                int quantity, String returnedSerial, LocalDate returnedFactoryDate, String reason,
                                String actor, Instant occurredAt) implements PartsEvent {
    }

    /** PRT-03: an unused loaned part came back from the technician into the store's quarantine for inspection. */
    record PartsReturned(UUID workOrderId, UUID ticketId, String technicianId, UUID loanId, String partNumber,
                         int quantity, String fromLocation, String toLocation, String store, String actor,
                         Instant occurredAt) implements PartsEvent {
    }

    /**
     * PRT-04: a defective old part was received against a warranty loan (it matched the production record) and goes
     * to quality.
     */
    record DefectivePartReceived(UUID loanId, UUID workOrderId, UUID ticketId, String technicianId, String partNumber,
                                 int quantity, String serialNumber, LocalDate factoryDate, String productModel,
                                 String productSerialNumber, String causeCode, String symptom, String receivedBy,
                                 String actor, Instant occurredAt) implements PartsEvent {
    }
}
