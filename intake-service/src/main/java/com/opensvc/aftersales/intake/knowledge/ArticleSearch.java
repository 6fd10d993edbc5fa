package com.opensvc.aftersales.intake.knowledge;

import java.util.List;
import java.util.UUID;

/** Search results (INT-09): one page, best first. */
public final class ArticleSearch {
    private ArticleSearch() {
    }

    /**
     * How the words were matched: ALL of them, ANY of them (no article had all), SIMILAR (trigram similarity
     * when no word matched, e.g. a typo) or NONE (no words typed: the articles in scope, most used first).
     */
    public enum MatchMode {
        ALL, ANY, SIMILAR, NONE
    }

    /** How the article's scope relates to the searched model. */
    public enum Scope {
        MODEL, PRODUCT_LINE, ALL_MODELS, OTHER
    }

    /**
     * @param rank    text rank times the scope weight (model-specific 2, product line 1.5, all models 1)
     * @param snippet HTML-escaped symptom and solution text with the matched words in {@code <mark>}
     */
    public record Hit(UUID id, String title, String symptom, List<String> solutionSteps, List<String> keywords,
                      List<String> productModels, String productLine, ArticleStatus status, int version,
                      int usageCount, java.time.Instant lastUsedAt, Scope scope, double rank, String snippet) {
    }

    public record Page(List<Hit> items, int page, int size, long totalElements, int totalPages, MatchMode matchMode,
                       String model, String productLine, String tsquery) {
    }
}
