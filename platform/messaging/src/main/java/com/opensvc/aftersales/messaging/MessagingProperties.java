package com.opensvc.aftersales.messaging;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * @param ownedTopics    topics this service publishes to (created with their .DLT partner)
 * @param consumedTopics topics this service reads (their .DLT partner is created)
 * @param partitions     partitions per topic: 3 locally, 12 in production
 * @param retries        attempts after the first failure before a record goes to the .DLT (EVT-05)
 */
@Validated
@ConfigurationProperties("aftersales.messaging")
public record MessagingProperties(
        @DefaultValue List<String> ownedTopics,
        @DefaultValue List<String> consumedTopics,
        @DefaultValue("3") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("3") @Min(0) int retries,
        @DefaultValue("200ms") Duration initialBackOff,
        @DefaultValue("2s") Duration maxBackOff) {
}
