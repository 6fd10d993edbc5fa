package com.opensvc.aftersales.quality.improvement;

import java.time.Instant;
import java.time.LocalDate;

/** A corrective or preventive action of one round of a report, as assigned (never changed afterwards). */
public record ImprovementAction(int round, ActionKind kind, int position, String description, String owner,
                                LocalDate dueDate, String assignedBy, Instant assignedAt) {
}
