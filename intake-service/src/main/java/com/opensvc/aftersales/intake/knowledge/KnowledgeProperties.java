package com.opensvc.aftersales.intake.knowledge;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * INT-09 knowledge base search (DOMAIN.md sets no values; these are ours).
 *
 * @param synonyms            one group per entry, members separated by {@code |}; a word or phrase of a group
 *                            finds articles that use any other member
 * @param maxPageSize         the largest {@code size} a search may ask for
 * @param similarityThreshold the trigram word similarity (0..1) an article's title and symptom must reach when
 *                            no article matches any typed word (catches typos)
 */
@Validated
@ConfigurationProperties("aftersales.intake.knowledge")
public record KnowledgeProperties(
        @DefaultValue({"ac | air conditioner | air conditioning | aircon",
                "leak | drip | water on the floor",
                "noise | noisy | rattle | buzz | hum",
                "cool | cold | chill",
                "remote | remote control | controller",
                "fridge | refrigerator",
                "error code | fault code | error",
                "smell | odour | odor"})
        @NotNull List<@NotBlank String> synonyms,
        @DefaultValue("100") @Min(1) @Max(500) int maxPageSize,
        @DefaultValue("0.4") @DecimalMin("0.1") @DecimalMax("1.0") double similarityThreshold) {
}
