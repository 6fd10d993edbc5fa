package com.opensvc.aftersales.messaging;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Kafka records into a consumer's own typed records (DESIGN.md §4: the schema is the contract, no class is
 * shared between services) and starts a listener's table of handlers: {@code inbound.consumer("dispatch-parts")
 * .on(PartsIssued.class, e -> ...).build()}.
 * <p>
 * A consumer record names the event it reads by its simple name ({@code record PartsIssued(...)}) and marks the
 * fields it cannot do without with {@code @NotNull}: a missing or malformed one makes the event malformed, and it
 * goes to the dead-letter topic without retries (EVT-05).
 */
public final class InboundEvents {
    private final ProcessedEvents processed;
    private final JsonMapper json;
    private final Validator validator;

    public InboundEvents(ProcessedEvents processed, JsonMapper json, Validator validator) {
        this.processed = processed;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.validator = validator;
    }

    /** For consumer contract tests: reads and validates payloads, records nothing. */
    public static InboundEvents withoutInbox() {
        return new InboundEvents(null, JsonMapper.builder().build(),
                Validation.buildDefaultValidatorFactory().getValidator());
    }

    /** The handler table of one consumer group ({@code consumer} is also its name in {@code processed_event}). */
    public EventHandlers.Builder consumer(String consumer) {
        return new EventHandlers.Builder(consumer, this);
    }

    /** Parses a record, or throws {@link MalformedEventException} naming what is wrong with it. */
    InboundEvent parse(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        return InboundEvent.from(record, json);
    }

    <T> T read(InboundEvent event, Class<T> type) {
        T payload;
        try {
            payload = json.treeToValue(event.payload(), type);
        } catch (JacksonException e) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") does not read as "
                    + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") is malformed: "
                    + violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return payload;
    }

    boolean firstDelivery(InboundEvent event, String consumer) {
        return processed.firstDelivery(event, consumer);
    }
}
