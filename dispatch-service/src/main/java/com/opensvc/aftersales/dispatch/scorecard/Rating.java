package com.opensvc.aftersales.dispatch.scorecard;

import java.time.Instant;
import java.util.UUID;

/** One revisit's satisfaction with a work order and its survey's answers (REV-07 → DSP-10). */
record Rating(UUID revisitId, UUID ticketId, UUID workOrderId, Satisfaction satisfaction, String technicianId,
              Survey survey, Instant ratedAt) {
}
