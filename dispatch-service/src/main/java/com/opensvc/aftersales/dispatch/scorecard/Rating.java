package com.opensvc.aftersales.dispatch.scorecard;

import java.time.Instant;
import java.util.UUID;

/** One revisit's satisfaction with a work order (REV-07 → DSP-10). */
record Rating(UUID revisitId, UUID ticketId, UUID workOrderId, Satisfaction satisfaction, Instant ratedAt) {
}
