package com.opensvc.aftersales.messaging.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param apiPrefix   where the dead-letter desk sits before {@code /ops/dead-letters}; empty: {@code /api/<service>},
 *                    the service being {@code spring.application.name} without {@code -service}
 * @param readTimeout how long listing, reading and re-publishing a dead letter may take against Kafka
 */
@ConfigurationProperties("aftersales.messaging.dead-letters")
public record DeadLetterProperties(
        @DefaultValue("") String apiPrefix,
        @DefaultValue("5s") Duration readTimeout) {
}
