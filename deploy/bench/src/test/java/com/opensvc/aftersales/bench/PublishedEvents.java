package com.opensvc.aftersales.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every event the platform publishes ({@code aftersales.*} topics, not the dead letters), read by a plain
 * KafkaConsumer of its own group in the benchmark's JVM: each event's CloudEvent id, type and {@code ce_time} (the
 * platform's clock when the producing transaction appended the outbox row) and when this consumer had committed its
 * offset past it (this JVM's wall clock; one machine, one clock). The platform's consumers' commits are read from
 * their {@code processed_event} rows afterwards.
 */
final class PublishedEvents implements AutoCloseable {
    /** One published event as this consumer saw it. */
    record Seen(UUID id, String topic, String type, Instant time, Instant committedHere) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<UUID, Seen> seen = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;
    private volatile boolean assigned;

    PublishedEvents(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-published-events-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // topics created during the run (a first event of its kind) join the subscription within seconds
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        poller = Thread.ofPlatform().name("bench-published-events").start(this::poll);
    }

    private void poll() {
        consumer.subscribe(Pattern.compile("aftersales\\.(?!.*\\.DLT$).*"));
        while (running.get()) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
            assigned = !consumer.assignment().isEmpty();
            if (records.isEmpty()) {
                continue;
            }
            consumer.commitSync();
            Instant committed = Instant.now();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                String id = header(record, "ce_id");
                String time = header(record, "ce_time");
                if (id == null || time == null) {
                    continue;
                }
                UUID eventId = UUID.fromString(id);
                seen.putIfAbsent(eventId, new Seen(eventId, record.topic(), header(record, "ce_type"),
                        Instant.parse(time), committed));
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Waits until the subscription has partitions (the group's first assignment). */
    void awaitAssigned(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!assigned) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the benchmark's consumer got no partitions within " + within);
            }
            Thread.sleep(100);
        }
    }

    /**
     * Waits until no new event has arrived for {@code quiet} (the relays have published what the traffic caused), or
     * {@code bound} passed.
     */
    void awaitQuiet(Duration quiet, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        int count = seen.size();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - quietSince < quiet.toNanos()) {
            Thread.sleep(200);
            if (seen.size() != count) {
                count = seen.size();
                quietSince = System.nanoTime();
            }
        }
    }

    /** The events whose time lies in [from, to). */
    List<Seen> between(Instant from, Instant to) {
        return seen.values().stream().filter(e -> !e.time().isBefore(from) && e.time().isBefore(to)).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        poller.join(15_000);
    }
}
