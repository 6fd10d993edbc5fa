package com.opensvc.aftersales.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;

/**
 * P2's ceiling: one hop with nothing of the platform in it, on the platform's own PostgreSQL and Kafka broker. Rows
 * inserted (and deleted, as {@code OutboxWriter} does) into a throw-away outbox-like table of a throw-away database
 * are read from the WAL by a bare Debezium PostgreSQL connector in an embedded engine (pgoutput, no snapshot, the
 * relay's producer settings: acks=all, idempotent, no linger), produced to a throw-away topic, and consumed by a plain
 * KafkaConsumer that commits its offset after every poll. The hop is from the insert's commit (when {@code commit()}
 * returned to the inserting thread) to the consumer's commit (when {@code commitSync()} returned), both in this JVM.
 */
final class RawDebeziumHop {
    private static final Pattern UUID_IN_KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String DATABASE = "bench_hop";

    private RawDebeziumHop() {
    }

    /** What a run measured: the hops of the rows committed in the window, and how many of those never arrived. */
    record Result(Histogram hops, long committed, long lost, MachineLoad.Sample load) {
        double p50Millis() {
            return hops.getValueAtPercentile(50) / 1e6;
        }

        double p99Millis() {
            return hops.getValueAtPercentile(99) / 1e6;
        }
    }

    static Result run(PlatformProcess platform, int pollIntervalMillis, double perSecond, Duration warmUp,
                      Duration measured) throws Exception {
        String suffix = "p" + pollIntervalMillis;
        String slot = "bench_hop_" + suffix;
        String topic = "bench.hop." + suffix;
        try (Connection c = platform.database("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection c = platform.database(DATABASE); Statement s = c.createStatement()) {
            // the outbox's shape (V1__outbox_and_inbox.sql), its publication publishing inserts only
            s.execute("""
                    CREATE TABLE outbox (id uuid PRIMARY KEY, aggregatetype text NOT NULL, aggregateid text NOT NULL,
                                         type text NOT NULL, payload jsonb NOT NULL, ce_time text NOT NULL);
                    CREATE PUBLICATION bench_hop FOR TABLE outbox WITH (publish = 'insert')""");
        }
        String bootstrap = platform.kafkaBootstrap();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }

        Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
        Histogram hops = new Histogram(3);
        AtomicBoolean consuming = new AtomicBoolean(true);
        Pending measuredIds = new Pending();
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        Properties config = new Properties();
        config.setProperty("name", "bench-hop-" + suffix);
        config.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        config.setProperty("database.hostname", "localhost");
        config.setProperty("database.port", Integer.toString(platform.postgresPort()));
        config.setProperty("database.user", "postgres");
        config.setProperty("database.password", "");
        config.setProperty("database.dbname", DATABASE);
        config.setProperty("topic.prefix", "bench-hop");
        config.setProperty("plugin.name", "pgoutput");
        config.setProperty("slot.name", slot);
        config.setProperty("slot.drop.on.stop", "true");
        config.setProperty("publication.name", "bench_hop");
        config.setProperty("publication.autocreate.mode", "disabled");
        config.setProperty("table.include.list", "public.outbox");
        config.setProperty("snapshot.mode", "no_data");
        config.setProperty("poll.interval.ms", Integer.toString(pollIntervalMillis));
        config.setProperty("max.batch.size", "512");
        config.setProperty("tombstones.on.delete", "false");
        config.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        config.setProperty("offset.flush.interval.ms", "1000");
        config.setProperty("key.converter.schemas.enable", "false");
        config.setProperty("value.converter.schemas.enable", "false");
        DebeziumEngine<ChangeEvent<String, String>> engine = DebeziumEngine.create(Json.class)
                .using(config)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        started.countDown();
                    }
                })
                .using((success, message, error) -> {
                    if (!success) {
                        failure.set(message);
                    }
                    started.countDown();
                })
                .notifying((batch, committer) -> {
                    List<Future<RecordMetadata>> sent = new ArrayList<>();
                    for (ChangeEvent<String, String> event : batch) {
                        if (event.value() != null) {
                            sent.add(producer.send(new ProducerRecord<>(topic, event.key(), event.value())));
                        }
                    }
                    for (Future<RecordMetadata> future : sent) {
                        try {
                            future.get(60, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException("Kafka did not take the bench hop's records", e);
                        }
                    }
                    for (ChangeEvent<String, String> event : batch) {
                        committer.markProcessed(event);
                    }
                    committer.markBatchFinished();
                })
                .build();
        ExecutorService engineThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-hop-engine"));
        engineThread.execute(engine);
        Thread consumerThread = null;
        try {
            if (!started.await(120, TimeUnit.SECONDS) || failure.get() != null) {
                throw new IllegalStateException("the bench hop's Debezium engine did not start: " + failure.get());
            }
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-hop-" + suffix,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                    new StringDeserializer());
            CountDownLatch assigned = new CountDownLatch(1);
            consumerThread = Thread.ofPlatform().name("bench-hop-consumer").start(() -> {
                consumer.subscribe(List.of(topic));
                while (consuming.get()) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
                    if (!consumer.assignment().isEmpty()) {
                        assigned.countDown();
                    }
                    if (records.isEmpty()) {
                        continue;
                    }
                    consumer.commitSync();
                    long now = System.nanoTime();
                    for (ConsumerRecord<String, String> record : records) {
                        Matcher id = UUID_IN_KEY.matcher(String.valueOf(record.key()));
                        if (id.find()) {
                            UUID rowId = UUID.fromString(id.group());
                            Long at = committedAt.remove(rowId);
                            if (at != null && measuredIds.remove(rowId)) {
                                synchronized (hops) {
                                    hops.recordValue(now - at);
                                }
                            }
                        }
                    }
                }
                consumer.close(Duration.ofSeconds(5));
            });
            if (!assigned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the bench hop's consumer got no partitions within 60 s");
            }

            long interval = (long) (1e9 / perSecond);
            long start = System.nanoTime();
            long measureFrom = start + warmUp.toNanos();
            long end = measureFrom + measured.toNanos();
            MachineLoad.Mark loadFrom = null;
            long committed = 0;
            try (Connection c = platform.database(DATABASE);
                 PreparedStatement insert = c.prepareStatement("""
                         INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, ce_time)
                         VALUES (?, 'bench.hop', ?, 'BenchHop', CAST(? AS jsonb), ?)""");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
                c.setAutoCommit(false);
                for (long next = start; next < end; next += interval) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    boolean inWindow = next >= measureFrom;
                    if (inWindow && loadFrom == null) {
                        loadFrom = MachineLoad.mark();
                    }
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setString(2, id.toString());
                    insert.setString(3, payload(id));
                    insert.setString(4, java.time.Instant.now().toString());
                    insert.executeUpdate();
                    delete.setObject(1, id);
                    delete.executeUpdate();
                    if (inWindow) {
                        measuredIds.add(id);
                        committed++;
                    }
                    // the consumer may see the row as soon as commit() is on the wire: stamp before, correct after
                    committedAt.put(id, System.nanoTime());
                    c.commit();
                    committedAt.replace(id, System.nanoTime());
                }
            }
            MachineLoad.Sample load = loadFrom == null ? MachineLoad.since(MachineLoad.mark()) : MachineLoad.since(loadFrom);
            long drainUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (measuredIds.size() > 0 && System.nanoTime() < drainUntil) {
                Thread.sleep(100);
            }
            return new Result(hops.copy(), committed, measuredIds.size(), load);
        } finally {
            consuming.set(false);
            if (consumerThread != null) {
                consumerThread.join(15_000);
            }
            try {
                engine.close();
            } catch (Exception e) {
                // an engine that failed to start has nothing to release
            }
            engineThread.shutdown();
            engineThread.awaitTermination(30, TimeUnit.SECONDS);
            producer.close(Duration.ofSeconds(5));
            try (Connection c = platform.database("postgres"); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
                s.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                        + slot + "'");
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** A concurrent set of the row ids committed in the measured window and not yet consumed. */
    private static final class Pending {
        private final java.util.Set<UUID> ids = ConcurrentHashMap.newKeySet();

        void add(UUID id) {
            ids.add(id);
        }

        boolean remove(UUID id) {
            return ids.remove(id);
        }

        int size() {
            return ids.size();
        }
    }

    /** A payload of a registration event's size (~600 bytes of JSON). */
    private static String payload(UUID id) {
        return """
                {"ticketId": "%s", "ticketNumber": "B-HOP", "channel": "PHONE", "serviceType": "ON_SITE",
                 "productModel": "AC-3200", "productLine": "AIR_CONDITIONER", "entitlement": "RETURN",
                 "actor": "front-desk", "occurredAt": "2026-12-02T10:00:00Z", "kind": "SERVICE_REQUEST",
                 "category": "REPAIR", "priority": "NORMAL", "routedTo": "AFTER_SALES", "customerBlocked": false,
                 "possibleDuplicateOf": [], "complaintSubjects": []}""".formatted(id);
    }
}
