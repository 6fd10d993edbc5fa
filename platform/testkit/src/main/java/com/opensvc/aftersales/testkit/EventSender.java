package com.opensvc.aftersales.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes CloudEvents the way the outbox relay does, to feed a service under test another service's events. */
public final class EventSender implements AutoCloseable {
    private final KafkaProducer<String, String> producer;

    public EventSender(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /** Sends and waits for the broker's acknowledgement; returns the event id ({@code ce_id}). */
    public UUID send(String topic, Integer partition, String key, String eventType, String source, String json,
                     UUID eventId) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_id", eventId.toString());
        header(headers, "ce_type", "com.opensvc.aftersales." + eventType + ".v1");
        header(headers, "ce_source", source);
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_time", Instant.now().toString());
        header(headers, "ce_subject", key);
        try {
            producer.send(new ProducerRecord<>(topic, partition, key, json, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + eventType, e);
        }
        return eventId;
    }

    public UUID send(String topic, String key, String eventType, String source, String json) {
        return send(topic, null, key, eventType, source, json, UUID.randomUUID());
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
