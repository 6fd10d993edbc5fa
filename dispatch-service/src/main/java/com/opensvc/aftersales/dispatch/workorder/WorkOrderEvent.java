package com.opensvc.aftersales.dispatch.workorder;

import java.util.UUID;

import com.opensvc.aftersales.messaging.OutgoingEvent;

/**
 * An event on {@code aftersales.dispatch.workorder}, keyed by the ticket (EVT-02). The work order's own events
 * ({@link WorkOrderEvents}) and the visit clocks' {@code SlaBreached} implement it.
 */
public interface WorkOrderEvent extends OutgoingEvent {
    String AGGREGATE_TYPE = "dispatch.workorder";

    UUID ticketId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default UUID aggregateId() {
        return ticketId();
    }
}
