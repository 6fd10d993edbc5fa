package com.opensvc.aftersales.messaging.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters an operator scales and alerts on (issue 16); docs/operations.md has each name with its PromQL.
 * <ul>
 *   <li>{@value #DEAD_LETTERS}: records sent to {@code <topic>.DLT}, by original topic, consumer group, exception</li>
 *   <li>{@value #RELAY_LAG}: outbox insert ({@code ce_time}) → record in Kafka (its timestamp), by topic and group</li>
 *   <li>{@value #REPLAYS}: dead letters re-published by an operator, by original topic</li>
 *   <li>every {@code kafka.consumer.*} meter (Kafka's own {@code records-lag} per partition among them) carries the
 *       tag {@value #GROUP_TAG} ({@link GroupTaggedConsumerMetrics})</li>
 * </ul>
 */
public final class MessagingMetrics {
    public static final String DEAD_LETTERS = "aftersales.messaging.dead.letters";
    public static final String RELAY_LAG = "aftersales.messaging.relay.lag";
    public static final String REPLAYS = "aftersales.messaging.dead.letters.replayed";
    public static final String GROUP_TAG = "consumer.group";
    /** Header of a dead letter naming the handler's exception type (the container's wrapper removed). */
    public static final String EXCEPTION_TYPE_HEADER = "aftersales_dlt-exception-type";

    private final MeterRegistry registry;
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();

    public MessagingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts a record the error handler has just published to its {@code .DLT} partner. */
    public void deadLettered(ConsumerRecord<?, ?> record, String consumerGroup, Throwable exception) {
        String exceptionType = handlerException(exception).getClass().getSimpleName();
        String group = consumerGroup == null ? "unknown" : consumerGroup;
        deadLetters.computeIfAbsent(record.topic() + '\0' + group + '\0' + exceptionType,
                key -> Counter.builder(DEAD_LETTERS)
                        .description("Records sent to <topic>.DLT after their retries (EVT-05)")
                        .tags("topic", record.topic(), "consumer", group, "exception", exceptionType)
                        .register(registry))
                .increment();
    }

    /** Counts a dead letter an operator re-published to {@code topic}. */
    public void replayed(String topic) {
        Counter.builder(REPLAYS).description("Dead letters re-published to their topic by an operator")
                .tag("topic", topic).register(registry).increment();
    }

    /** The handler's exception: the container wraps it in a ListenerExecutionFailedException. */
    public static Throwable handlerException(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getClass().getName().startsWith("org.springframework.kafka.")) {
            cause = cause.getCause();
        }
        return cause;
    }
}
