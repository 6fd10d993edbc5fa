package com.opensvc.aftersales.messaging;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Kafka records into a consumer's own typed records (DESIGN.md §4: the schema is the contract, no class is
 * shared between services) and starts a listener's table of handlers: {@code inbound.consumer("dispatch-parts",
 * "aftersales.parts.stock").on(PartsIssued.class, e -> ...).build()}, declared as a bean.
 * <p>
 * A consumer record names the event it reads by its simple name ({@code record PartsIssued(...)}) and marks the
 * fields it cannot do without with {@code @NotNull}: a missing or malformed one makes the event malformed, and it
 * goes to the dead-letter topic without retries (EVT-05).
 */
public final class InboundEvents {
    private final ProcessedEvents processed;
    private final JsonMapper json;
    private final Validator validator;
    private final TransactionTemplate transactions;

    public InboundEvents(ProcessedEvents processed, JsonMapper json, Validator validator,
                         TransactionTemplate transactions) {
        this.processed = processed;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.validator = validator;
        this.transactions = transactions;
    }

    /** For consumer contract tests: reads and validates payloads, records nothing. */
    public static InboundEvents withoutInbox() {
        return new InboundEvents(null, JsonMapper.builder().build(),
                Validation.buildDefaultValidatorFactory().getValidator(), null);
    }

    /**
     * The handler table of one consumer group reading {@code topics}; {@code consumer} is the group id, the listener
     * id and the consumer's name in {@code processed_event}. Declared as a bean, the table is a Kafka listener.
     */
    public EventHandlers.Builder consumer(String consumer, String... topics) {
        return new EventHandlers.Builder(consumer, topics, this);
    }

    /** Runs one record's handling in one database transaction with its inbox entry (EVT-01, EVT-04). */
    void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
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
