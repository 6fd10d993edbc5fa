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

    /**
     * A happy call (REV-01) has its work order; a complaint revisit (REV-02) has its complaint and no work order.
     */
    record RevisitScheduled(UUID revisitId, UUID ticketId, UUID workOrderId, UUID complaintId, String kind,
                            Selection selection, Instant dueBy, String actor, Instant occurredAt) implements RevisitEvent {
    }

    /** REV-01: the decision for a completed work order that is not called back. */
    record RevisitNotRequired(UUID ticketId, UUID workOrderId, String technicianId, NotRequiredReason reason,
                              double samplingRate, String actor, Instant occurredAt) implements RevisitEvent {
    }

    /** Why no revisit is required. */
    enum NotRequiredReason {
        NOT_SAMPLED
    }

    record RevisitCompleted(UUID revisitId, UUID ticketId, UUID workOrderId, Satisfaction satisfaction,
                            boolean flaggedForReview, String actor, Instant occurredAt) implements RevisitEvent {
    }

    record CustomerDissatisfied(UUID revisitId, UUID ticketId, UUID workOrderId, String comment, String actor,
                                Instant occurredAt) implements RevisitEvent {
    }

    /** REV-06: nobody answered the allowed attempts on different days; counts as done for closing, and is reported. */
    record RevisitUnreachable(UUID revisitId, UUID ticketId, UUID workOrderId, int attempts, String actor,
                              Instant occurredAt) implements RevisitEvent {
    }
}
