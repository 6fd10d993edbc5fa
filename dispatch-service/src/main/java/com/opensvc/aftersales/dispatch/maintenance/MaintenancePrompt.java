package com.opensvc.aftersales.dispatch.maintenance;

import java.time.Instant;
import java.util.UUID;

/**
 * DSP-09: after an installation is accepted (its INSTALLATION work order closed) the platform prompts for a
 * maintenance plan for the installed product; creating a plan for it (PLANNED) or dismissing it with a reason closes
 * the prompt.
 */
public record MaintenancePrompt(UUID id, UUID workOrderId, UUID ticketId, UUID customerId, UUID installedProductId,
                                String productModel, String serialNumber, String region, State state,
                                Instant createdAt, Instant closedAt, String closedBy, UUID planId,
                                String dismissalReason) {
    public enum State {
        OPEN, PLANNED, DISMISSED
    }
}
