package com.opensvc.aftersales.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One consumer group's table of handlers, by event type (FTGO's {@code DomainEventHandlersBuilder}). Declared as a
 * bean, it is a Kafka listener on its topics ({@link EventHandlersListeners} registers it). {@link #handle} is the whole
 * skeleton every listener shares: parse the CloudEvent, skip types the table does not name, read the payload into the
 * handler's record, record the event id in the inbox and skip a redelivery (EVT-04), then call the handler — all in one
 * database transaction; a failure rolls back and goes to the container's retries and dead letters (EVT-05).
 */
public final class EventHandlers {
    private final String consumer;
    private final String[] topics;
    private final InboundEvents inbound;
    private final Map<String, Handler<?>> byType;
    private final Handler<?> every;

    private EventHandlers(Builder builder) {
        this.consumer = builder.consumer;
        this.topics = builder.topics.clone();
        this.inbound = builder.inbound;
        this.byType = Collections.unmodifiableMap(new LinkedHashMap<>(builder.byType));
        this.every = builder.every;
    }

    public String consumer() {
        return consumer;
    }

    public String[] topics() {
        return topics.clone();
    }

    /**
     * Handles one record (the listener container calls it). A type the table does not name costs no transaction; a
     * handled one is recorded in the inbox and handled in one transaction.
     */
    public void handle(ConsumerRecord<String, String> record) {
        InboundEvent event = inbound.parse(record);
        Handler<?> handler = byType.get(event.eventType());
        if (handler == null && every == null) {
            return;
        }
        Object everyPayload = every == null ? null : every.read(inbound, event);
        Object payload = handler == null ? null : handler.read(inbound, event);
        inbound.inTransaction(() -> {
            if (!inbound.firstDelivery(event, consumer)) {
                return;
            }
            if (every != null) {
                every.call(everyPayload, event);
            }
            if (handler != null) {
                handler.call(payload, event);
            }
        });
    }

    /** The payload record of each event type this table handles (its consumer contract test reads their examples). */
    public Map<String, Class<?>> payloadTypes() {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        byType.forEach((type, handler) -> types.put(type, handler.type()));
        return types;
    }

    /** Reads {@code json} as the payload of {@code eventType} the way {@link #handle} would, without handling it. */
    public Object read(String eventType, String json) {
        Handler<?> handler = byType.get(eventType);
        if (handler == null) {
            throw new IllegalArgumentException(consumer + " handles no " + eventType);
        }
        var record = new ConsumerRecord<String, String>("contract", 0, 0, null, json);
        RecordHeaders headers = (RecordHeaders) record.headers();
        headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes());
        headers.add(CloudEventHeaders.TYPE, CloudEventHeaders.type(eventType, 1).getBytes());
        InboundEvent event = inbound.parse(record);
        if (every != null) {
            every.read(inbound, event);
        }
        return handler.read(inbound, event);
    }

    private record Handler<T>(Class<T> type, BiConsumer<T, InboundEvent> action) {
        T read(InboundEvents inbound, InboundEvent event) {
            return inbound.read(event, type);
        }

        @SuppressWarnings("unchecked")
        void call(Object payload, InboundEvent event) {
            action.accept((T) payload, event);
        }
    }

    public static final class Builder {
        private final String consumer;
        private final String[] topics;
        private final InboundEvents inbound;
        private final Map<String, Handler<?>> byType = new LinkedHashMap<>();
        private Handler<?> every;

        Builder(String consumer, String[] topics, InboundEvents inbound) {
            if (topics.length == 0) {
                throw new IllegalArgumentException(consumer + " reads no topic");
            }
            this.consumer = consumer;
            this.topics = topics;
            this.inbound = inbound;
        }

        /** Handles events of the type named like {@code payload} (its simple name). */
        public <T> Builder on(Class<T> payload, Consumer<T> handler) {
            return on(payload, (event, metadata) -> handler.accept(event));
        }

        /** As {@link #on(Class, Consumer)}, with the CloudEvent's attributes (id, source, time) beside the payload. */
        public <T> Builder on(Class<T> payload, BiConsumer<T, InboundEvent> handler) {
            if (byType.putIfAbsent(payload.getSimpleName(), new Handler<>(payload, handler)) != null) {
                throw new IllegalStateException(consumer + " handles " + payload.getSimpleName() + " twice");
            }
            return this;
        }

        /**
         * Runs for every event on the listener's topics, before the type's own handler (if any): e.g. intake puts every
         * event about a ticket on its timeline. {@code common} reads the fields all those events share.
         */
        public <T> Builder onEvery(Class<T> common, BiConsumer<T, InboundEvent> handler) {
            this.every = new Handler<>(common, handler);
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(this);
        }
    }
}
