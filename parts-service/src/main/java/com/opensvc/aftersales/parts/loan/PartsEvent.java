package com.opensvc.aftersales.parts.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.messaging.OutgoingEvent;
import com.opensvc.aftersales.parts.stock.MovementReason;
import com.opensvc.aftersales.parts.stock.PartLine;

/** Events on {@code aftersales.parts.stock}, keyed by ticket (EVT-02); platform/contracts holds their schemas. */
public interface PartsEvent extends OutgoingEvent {
    String AGGREGATE_TYPE = "parts.stock";

    UUID ticketId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default UUID aggregateId() {
        return ticketId();
    }

    /**
     * PRT-01: the whole request moved from the store to the technician's holding — when it arrived, or when received
     * stock filled its backorder. INT-08, DSP-05: each line carries the catalogue's unit price in {@code currency}, so
     * that dispatch prices the parts of paid work from the catalogue.
     *
     * @param reservationId the reservation the parts were issued from
     * @param complete      false when these are the available lines of a partly issued request (ISSUE_AVAILABLE),
     *                      the rest back-ordered; true when the work order's request is now issued in full
     */
    record PartsIssued(UUID workOrderId, UUID ticketId, String technicianId, String fromLocation, String toLocation,
                       List<IssuedLine> lines, String currency, UUID reservationId, boolean complete, String actor,
                       Instant occurredAt) implements PartsEvent {
    }

    /** One issued part with its catalogue unit price (null only for a part the catalogue does not price). */
    record IssuedLine(String partNumber, int quantity, BigDecimal unitPrice) {
    }

    /** A part the store has too few of, and when replenishment is expected (DSP-03). */
    record Shortage(String partNumber, int requested, int available, LocalDate expectedDate) {
    }

    /**
     * PRT-01: a line was short, so nothing moved; the request waits as a backorder until received stock fills it.
     *
     * @param expectedDate the latest of the lines' expected dates
     */
    record PartsBackordered(UUID workOrderId, UUID ticketId, String technicianId, String fromLocation,
                            List<Shortage> lines, LocalDate expectedDate, String actor, Instant occurredAt)
            implements PartsEvent {
    }

    /** PRT-01: the storekeeper refused a request above the auto-approval limit; its reservation was released. */
    record PartsRequestRejected(UUID workOrderId, UUID ticketId, String technicianId, UUID reservationId,
                                String fromLocation, List<PartLine> lines, String reason, String actor,
                                Instant occurredAt) implements PartsEvent {
    }

    /**
     * One part written off (PRT-03): {@code loanId} the loan it settles; {@code oldSerial}/{@code oldFactoryDate} of
     * the old part checked in (warranty); {@code paymentReference} of paid work.
     */
    record WrittenOff(String partNumber, int quantity, MovementReason reason, String oldSerial, UUID loanId,
                      String paymentReference, LocalDate oldFactoryDate) {
    }

    /** PRT-03: loaned parts consumed (under warranty or on paid work) or scrapped left stock. */
    record PartsWrittenOff(UUID workOrderId, UUID ticketId, String technicianId, List<WrittenOff> lines, String actor,
                           Instant occurredAt) implements PartsEvent {
    }
}
