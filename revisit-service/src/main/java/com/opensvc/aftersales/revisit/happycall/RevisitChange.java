package com.opensvc.aftersales.revisit.happycall;

import java.time.Instant;
import java.util.List;

/**
 * What a transition of a revisit caused: the revisit as it now is, when, the events to publish and the calls to add
 * to its history (REV-03, REV-06).
 */
record RevisitChange(Revisit revisit, Instant at, List<RevisitEvent> events, List<RevisitCall> calls) {

    /** A change that adds no call to the history. */
    RevisitChange(Revisit revisit, Instant at, List<RevisitEvent> events) {
        this(revisit, at, events, List.of());
    }
}
