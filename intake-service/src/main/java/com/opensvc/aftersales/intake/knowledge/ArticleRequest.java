package com.opensvc.aftersales.intake.knowledge;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** The body of creating (as DRAFT) or editing an article: every content field, replaced whole on edit. */
public record ArticleRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 2000) String symptom,
        @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 1000) String> solutionSteps,
        @Size(max = 30) List<@NotBlank @Size(max = 100) String> keywords,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> productModels,
        @Size(max = 100) String productLine) {

    public List<String> keywordsOrEmpty() {
        return keywords == null ? List.of() : keywords.stream().map(String::strip).distinct().toList();
    }

    public List<String> productModelsOrEmpty() {
        return productModels == null ? List.of() : productModels.stream().map(String::strip).distinct().toList();
    }

    public String productLineOrNull() {
        return productLine == null || productLine.isBlank() ? null : productLine.strip();
    }
}
