package com.opensvc.aftersales.dispatch.partsalert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * PRT-01, PRT-03: a flag parts raised on a work order, open until what it waits for happens. REQUEST_REJECTED names
 * the refused reservation, its store and lines; WRITE_OFF_BLOCKED the loan, its part and quantity and what was read on
 * the returned old part. {@code reason} is parts' words (the storekeeper's reason, or the PRT-03 mismatch code);
 * {@code timesRaised} counts the events that raised it (the same loan blocked again updates the open alert).
 */
public record PartsAlert(UUID id, PartsAlertKind kind, UUID workOrderId, UUID ticketId, String technicianId,
                         String reason, UUID reservationId, String fromLocation, List<Line> lines, UUID loanId,
                         String partNumber, Integer quantity, String returnedSerial, LocalDate returnedFactoryDate,
                         String raisedBy, Instant raisedAt, int timesRaised, Instant lastRaisedAt, boolean open,
                         Instant closedAt, String closedBy, String closeReason) {

    /** One refused line of a parts request. */
    public record Line(String partNumber, int quantity) {
    }
}
