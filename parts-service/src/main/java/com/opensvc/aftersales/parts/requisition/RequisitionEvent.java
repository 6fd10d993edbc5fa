package com.opensvc.aftersales.parts.requisition;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.messaging.OutgoingEvent;
import com.opensvc.aftersales.parts.stock.PartLine;

/**
 * Requisition events on {@code aftersales.parts.stock}, keyed by the requisition (a requisition has no ticket);
 * platform/contracts holds their schemas.
 */
public interface RequisitionEvent extends OutgoingEvent {
    /** The parts topic, {@code aftersales.parts.stock}. */
    String AGGREGATE_TYPE = "parts.stock";

    UUID requisitionId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default UUID aggregateId() {
        return requisitionId();
    }

    /**
     * PRT-01: a requisition was raised or grew, so that purchasing (or the central warehouse) can act on it.
     *
     * @param lines       the requisition's requested quantities after the change
     * @param added       what this change added (all of {@code lines} when it was raised)
     * @param source      SHORTAGE (raised by a backordered request, with its work order) or STOREKEEPER
     * @param workOrderId the backordered work order whose shortage this is (SHORTAGE only)
     */
    record ReplenishmentRequested(UUID requisitionId, RequisitionKind kind, String location, List<PartLine> lines,
                                  List<PartLine> added, RequisitionOrigin source, UUID workOrderId, UUID ticketId,
                                  UUID backorderId, String actor, Instant occurredAt) implements RequisitionEvent {
    }
}
