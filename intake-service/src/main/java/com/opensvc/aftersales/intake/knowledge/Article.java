package com.opensvc.aftersales.intake.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A knowledge base article (INT-09). Scope: {@code productModels} when not empty; otherwise the whole
 * {@code productLine}; otherwise every model.
 */
public record Article(UUID id, String title, String symptom, List<String> solutionSteps, List<String> keywords,
                      List<String> productModels, String productLine, ArticleStatus status, int version,
                      int usageCount, Instant lastUsedAt, UUID sourceTicketId, Instant createdAt, String createdBy,
                      Instant updatedAt, String updatedBy) {
}
