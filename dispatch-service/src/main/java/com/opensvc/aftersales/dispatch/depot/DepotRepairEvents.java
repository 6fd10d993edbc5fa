package com.opensvc.aftersales.dispatch.depot;

import java.time.Instant;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.depot.DepotRepair.ReturnedTo;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvent;

/** What a depot repair's steps publish to {@code aftersales.dispatch.workorder}, keyed by the ticket (DSP-07). */
public final class DepotRepairEvents {
    private DepotRepairEvents() {
    }

    /** How a loan ended. */
    public enum LoanerOutcome {
        RETURNED, KEPT_BY_CUSTOMER
    }

    /** The product is received at the depot; the clock runs until {@code dueAt} (transit excluded). */
    public record ProductCarriedIn(UUID depotRepairId, UUID workOrderId, UUID ticketId, String rmaNumber,
                                   DepotOption option, DepotArrival arrival, Instant dueAt, String exchangeUnitSerial,
                                   String loanerUnitSerial, String actor, Instant occurredAt) implements WorkOrderEvent {
    }

    /**
     * Handed to the carrier (or into stock after an exchange); {@code withinTarget}: not after the due time. The postage
     * is the company's ({@code postagePaidBy} is always COMPANY; a cost is a company cost, never a customer charge), as
     * a decimal string with two fractional digits ("18.00"), like every amount on the platform's events.
     */
    public record DepotRepairReturned(UUID depotRepairId, UUID workOrderId, UUID ticketId, String rmaNumber,
                                      DepotOption option, ReturnedTo returnedTo, String carrier, String trackingNumber,
                                      String postagePaidBy, String postageCost, String currency, Instant receivedAt,
                                      boolean withinTarget, String actor, Instant occurredAt) implements WorkOrderEvent {
    }

    public record LoanerUnitLent(UUID depotRepairId, UUID workOrderId, UUID ticketId, String rmaNumber,
                                 String serialNumber, String actor, Instant occurredAt) implements WorkOrderEvent {
    }

    public record LoanerUnitReturned(UUID depotRepairId, UUID workOrderId, UUID ticketId, String rmaNumber,
                                     String serialNumber, LoanerOutcome outcome, String note, String actor,
                                     Instant occurredAt) implements WorkOrderEvent {
    }

    /**
     * In-process only (not published): a work order became a depot repair, so it has no on-site visit to keep; the visit
     * clocks (DSP-08) stop.
     */
    public record DepotRepairOpened(UUID depotRepairId, UUID workOrderId, String rmaNumber, String actor, Instant at) {
    }
}
