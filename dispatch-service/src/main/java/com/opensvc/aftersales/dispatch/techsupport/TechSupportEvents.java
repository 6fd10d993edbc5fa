package com.opensvc.aftersales.dispatch.techsupport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.workorder.PartLine;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvent;

/**
 * What technical support publishes to {@code aftersales.dispatch.workorder}, keyed by the ticket (EVT-02);
 * {@code workOrderId} is null for a technical question (INT-23). platform/contracts holds their schemas.
 */
public final class TechSupportEvents {
    private TechSupportEvents() {
    }

    /** DSP-06, INT-23: engineering is asked. */
    public record TechSupportRequested(UUID requestId, UUID workOrderId, UUID ticketId, TechSupportSource source,
                                       String productModel, String question, String technicianId, String actor,
                                       Instant occurredAt) implements WorkOrderEvent {
    }

    /** DSP-06, INT-23: engineering's answer; for NOT_FIXED the work order has its follow-up visit. */
    public record TechSupportSolved(UUID requestId, UUID workOrderId, UUID ticketId, TechSupportSource source,
                                    String solution, List<PartLine> partsNeeded, String actor, Instant occurredAt)
            implements WorkOrderEvent {
    }

    /** DSP-06, INT-23: closed without a solution, with the reason. */
    public record TechSupportClosed(UUID requestId, UUID workOrderId, UUID ticketId, TechSupportSource source,
                                    String reason, String actor, Instant occurredAt) implements WorkOrderEvent {
    }
}
