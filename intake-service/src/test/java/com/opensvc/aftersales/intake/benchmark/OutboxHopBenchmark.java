package com.opensvc.aftersales.intake.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.testkit.SharedInfrastructure;

/**
 * One event hop as the platform runs it: OutboxWriter in a committed transaction → WAL → Debezium (pgoutput,
 * outbox EventRouter) → Kafka → a consumer. Not part of the test run (tag "benchmark"); run it with
 * {@code ./mvnw -pl intake-service -am install -DskipTests && ./mvnw -pl intake-service test -Dtest=OutboxHopBenchmark -Dtest.excludedGroups=none}.
 * <p>
 * Reports, from the same run: sequential insert→consume latency (one event in flight), end-to-end throughput
 * with 4 writers, and the ceiling: the same outbox transaction committed without anyone waiting for Kafka.
 */
@Tag("benchmark")
@IntakeServiceTest
class OutboxHopBenchmark {
    private static final String TOPIC = "aftersales.bench.hop";
    private static final int WARMUP = 100;
    private static final int SEQUENTIAL = 500;
    private static final int LOADED = 4000;
    private static final int WRITERS = 4;

    @Autowired
    OutboxWriter outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();

    @Test
    void outboxToConsumerHop() throws Exception {
        SharedInfrastructure infra = SharedInfrastructure.get();
        infra.createTopics(TOPIC);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch assigned = new CountDownLatch(1);
        Thread consumer = Thread.ofPlatform().name("bench-consumer").start(() -> consume(infra, running, assigned));
        assigned.await(30, TimeUnit.SECONDS);

        for (int i = 0; i < WARMUP; i++) {
            awaitReceived(publish());
        }
        long[] sequential = new long[SEQUENTIAL];
        for (int i = 0; i < SEQUENTIAL; i++) {
            String key = publish();
            awaitReceived(key);
            sequential[i] = receivedAt.get(key) - sentAt.get(key);
        }

        List<String> keys = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        long loadStart = System.nanoTime();
        List<java.util.concurrent.Future<List<String>>> futures = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            futures.add(writers.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < LOADED / WRITERS; i++) {
                    mine.add(publish());
                }
                return mine;
            }));
        }
        for (var f : futures) {
            keys.addAll(f.get());
        }
        long writeEnd = System.nanoTime();
        for (String key : keys) {
            awaitReceived(key);
        }
        long loadEnd = keys.stream().mapToLong(receivedAt::get).max().orElseThrow();
        long[] loaded = keys.stream().mapToLong(k -> receivedAt.get(k) - sentAt.get(k)).toArray();

        // ceiling: the same transaction, same writers, nobody waiting for Kafka (relay still running)
        long ceilingStart = System.nanoTime();
        List<java.util.concurrent.Future<?>> ceiling = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            ceiling.add(writers.submit(() -> {
                for (int i = 0; i < LOADED / WRITERS; i++) {
                    transactions.executeWithoutResult(tx -> outbox.append(new BenchEvent("bench.ceiling",
                            UUID.randomUUID(), 1)));
                }
            }));
        }
        for (var f : ceiling) {
            f.get();
        }
        long ceilingEnd = System.nanoTime();
        writers.shutdown();
        running.set(false);
        consumer.join();

        double hopRate = LOADED / ((loadEnd - loadStart) / 1e9);
        double writeRate = LOADED / ((writeEnd - loadStart) / 1e9);
        double ceilingRate = LOADED / ((ceilingEnd - ceilingStart) / 1e9);
        String report = """
                Outbox hop benchmark (%s, %d cores, JDK %s)
                sequential insert→consume latency, %d events one at a time: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms
                under load, %d events from %d writers: end-to-end %.0f events/s (writes %.0f/s); latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms
                ceiling, same outbox transaction with nobody waiting for Kafka: %.0f commits/s
                end-to-end / ceiling: %.2f
                """.formatted(java.time.Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), SEQUENTIAL, ms(sequential, 50), ms(sequential, 95),
                ms(sequential, 99), ms(sequential, 100), LOADED, WRITERS, hopRate, writeRate, ms(loaded, 50),
                ms(loaded, 95), ms(loaded, 99), ceilingRate, hopRate / ceilingRate);
        System.out.println(report);
        Files.writeString(Path.of("target", "outbox-hop-benchmark.txt"), report, StandardCharsets.UTF_8);
    }

    /** A minimal event on the benchmark's own topics ({@code aftersales.bench.*}); {@code n} is its payload. */
    record BenchEvent(@com.fasterxml.jackson.annotation.JsonIgnore String aggregateType, UUID ticketId, int n)
            implements com.opensvc.aftersales.messaging.OutgoingEvent {
        @Override
        public UUID aggregateId() {
            return ticketId;
        }

        @Override
        public String eventType() {
            return "TicketClosed";
        }
    }

    private String publish() {
        UUID key = UUID.randomUUID();
        sentAt.put(key.toString(), System.nanoTime());
        transactions.executeWithoutResult(tx -> outbox.append(new BenchEvent("bench.hop", key, 1)));
        return key.toString();
    }

    private void awaitReceived(String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!receivedAt.containsKey(key)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("event " + key + " not consumed within 60 s");
            }
            Thread.sleep(0, 200_000);
        }
    }

    private void consume(SharedInfrastructure infra, AtomicBoolean running, CountDownLatch assigned) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers(),
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            assigned.countDown();
            while (running.get()) {
                consumer.poll(Duration.ofMillis(5)).forEach(r -> receivedAt.putIfAbsent(r.key(), System.nanoTime()));
            }
        }
    }

    private static double ms(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1e6;
    }
}
