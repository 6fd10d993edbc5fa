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

    /** A new DRAFT written by {@code actor}. */
    static Article draft(UUID id, String title, String symptom, List<String> solutionSteps, List<String> keywords,
                         List<String> productModels, String productLine, Instant now, String actor) {
        return new Article(id, title, symptom, solutionSteps, keywords, productModels, productLine, ArticleStatus.DRAFT,
                0, 0, null, null, now, actor, now, actor);
    }

    /** INT-09: a solution that worked on the phone for {@code ticketId}, captured as a DRAFT that has been used once. */
    static Article captured(String title, String symptom, List<String> solutionSteps, String productModel,
                            String productLine, UUID ticketId, Instant now, String actor) {
        return new Article(UUID.randomUUID(), title, symptom, solutionSteps, List.of(), List.of(productModel),
                productLine, ArticleStatus.DRAFT, 0, 1, now, ticketId, now, actor, now, actor);
    }
}
