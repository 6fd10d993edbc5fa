package com.opensvc.aftersales.parts.requisition;

import java.time.Instant;
import java.util.List;

/**
 * What a transition of a requisition caused: the requisition as it now is, when, the demands it collected, the
 * allocation it made (or null) and the events to publish.
 */
record RequisitionChange(Requisition requisition, Instant at, List<Requisition.Demand> addedDemands,
                         Allocation allocation, List<RequisitionEvent> events) {
}
