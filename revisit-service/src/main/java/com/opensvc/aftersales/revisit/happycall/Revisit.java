package com.opensvc.aftersales.revisit.happycall;

import java.time.Instant;
import java.util.UUID;

public record Revisit(UUID id, UUID ticketId, UUID workOrderId, String technicianId, String kind, RevisitState state,
                      Instant dueBy, Satisfaction serviceQuality, Satisfaction technicalSkill, Boolean chargeReasonable,
                      Satisfaction punctuality, Satisfaction overall, String comment, String agent,
                      Instant completedAt, int version) {
}
