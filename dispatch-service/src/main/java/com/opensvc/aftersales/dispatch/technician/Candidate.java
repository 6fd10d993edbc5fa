package com.opensvc.aftersales.dispatch.technician;

import java.time.Instant;
import java.util.Set;

/** A technician as the proposal sees them: skills, regions, load today and when they were last given work. */
public record Candidate(String login, Set<String> productLines, Set<String> regions, boolean available,
                        int openWorkOrders, int dailyCapacity, Instant lastAssignedAt) {
}
