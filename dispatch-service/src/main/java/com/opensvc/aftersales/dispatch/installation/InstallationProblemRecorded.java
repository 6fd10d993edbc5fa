package com.opensvc.aftersales.dispatch.installation;

import java.time.Instant;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.installation.InstallationProject.Category;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.Confirmation;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.Severity;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.SignerRole;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvent;
import com.opensvc.aftersales.messaging.OutgoingEvent;

/**
 * DSP-11: a problem met during an installation, signed by the customer or the site lead, handed to quality to follow
 * up. On {@code aftersales.dispatch.workorder}, keyed by the ticket when the project has one, else by the project.
 */
public record InstallationProblemRecorded(UUID projectId, UUID problemId, UUID workOrderId, UUID ticketId,
                                          String productModel, String problem, Category category, Severity severity,
                                          String signedBy, SignerRole signerRole, Confirmation confirmation,
                                          String actor, Instant occurredAt) implements OutgoingEvent {
    @Override
    public String aggregateType() {
        return WorkOrderEvent.AGGREGATE_TYPE;
    }

    @Override
    public UUID aggregateId() {
        return ticketId != null ? ticketId : projectId;
    }
}
