package com.opensvc.aftersales.revisit.happycall;

import java.time.Instant;
import java.util.UUID;

import com.opensvc.aftersales.messaging.OutgoingEvent;

/** Events on {@code aftersales.revisit.revisit}, keyed by ticket (EVT-02); platform/contracts holds their schemas. */
public interface RevisitEvent extends OutgoingEvent {
    String AGGREGATE_TYPE = "revisit.revisit";

    UUID ticketId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default UUID aggregateId() {
        return ticketId();
    }

    record RevisitScheduled(UUID revisitId, UUID ticketId, UUID workOrderId, String kind, Instant dueBy, String actor,
                            Instant occurredAt) implements RevisitEvent {
    }

    record RevisitCompleted(UUID revisitId, UUID ticketId, UUID workOrderId, Satisfaction satisfaction,
                            boolean flaggedForReview, String actor, Instant occurredAt) implements RevisitEvent {
    }

    record CustomerDissatisfied(UUID revisitId, UUID ticketId, UUID workOrderId, String comment, String actor,
                                Instant occurredAt) implements RevisitEvent {
    }
}
