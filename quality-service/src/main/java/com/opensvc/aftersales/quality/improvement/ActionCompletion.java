package com.opensvc.aftersales.quality.improvement;

import java.time.Instant;
import java.util.UUID;

/** QLT-05: an action of a report recorded done, once, by its owner or quality (never changed afterwards). */
public record ActionCompletion(UUID reportId, int round, ActionKind kind, int position, String note,
                               String completedBy, Instant completedAt) {

    boolean completes(ImprovementAction action) {
        return action.round() == round && action.kind() == kind && action.position() == position;
    }
}
