package com.opensvc.aftersales.revisit.happycall;

import java.time.Instant;
import java.util.List;

/** What a transition of a revisit caused: the revisit as it now is, when, and the events to publish. */
record RevisitChange(Revisit revisit, Instant at, List<RevisitEvent> events) {
}
