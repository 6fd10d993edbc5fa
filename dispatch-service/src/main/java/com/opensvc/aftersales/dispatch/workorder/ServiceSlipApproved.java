package com.opensvc.aftersales.dispatch.workorder;

import java.time.Instant;
import java.util.UUID;

/** DSP-02: the quality lead or a manager approved a complaint work order's service slip. */
public record ServiceSlipApproved(UUID workOrderId, UUID ticketId, SlipApproval.Kind approval, String approver,
                                  String actor, Instant occurredAt) implements WorkOrderEvent {
}
