package com.opensvc.aftersales.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.debezium.embedded.Connect;

/**
 * The embedded stand-in for Kafka Connect: a Debezium engine (async) that reads one service database's
 * outbox from the WAL, applies the same connector properties as the production {@code KafkaConnector}
 * (outbox {@code EventRouter} included), converts with the same converters and produces to Kafka.
 * A batch's offsets are committed only after Kafka acknowledged every record: at-least-once, and
 * consumers de-duplicate by {@code ce_id} (EVT-04).
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final String service;
    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private final KafkaProducer<byte[], byte[]> producer;
    private final ExecutorService executor;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    private final Converter keyConverter;
    private final Converter valueConverter;
    private final HeaderConverter headerConverter;

    private OutboxRelay(String service, Properties config, String bootstrapServers) {
        this.service = service;
        this.keyConverter = newInstance(config.getProperty("key.converter"));
        this.valueConverter = newInstance(config.getProperty("value.converter"));
        this.headerConverter = newInstance(config.getProperty("header.converter"));
        keyConverter.configure(Map.of(), true);
        valueConverter.configure(Map.of(), false);
        headerConverter.configure(Map.of());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + service,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(config)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        started.countDown();
                    }
                })
                .using((success, message, error) -> {
                    if (!success && closing.get()) {
                        log.debug("Outbox relay for {} stopped while closing: {}", service, message);
                    } else if (!success) {
                        failure.set(error != null ? error : new IllegalStateException(message));
                        log.error("Outbox relay for {} stopped: {}", service, message, error);
                    }
                    started.countDown();
                })
                .notifying(this::publish)
                .build();
        this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay-" + service));
    }

    /**
     * Starts the relay and waits until the connector streams (its replication slot exists), so that every
     * outbox row committed afterwards is published.
     *
     * @param connectorProperties the service's connector file, e.g. {@code debezium/intake-outbox.properties}
     */
    public static OutboxRelay start(String service, String connectorProperties, DatabaseAccess database,
                                    String bootstrapServers, Path offsetsDirectory) throws IOException, InterruptedException {
        Properties config = loadConnectorProperties(connectorProperties);
        config.setProperty("database.hostname", database.host());
        config.setProperty("database.port", Integer.toString(database.port()));
        config.setProperty("database.user", database.user());
        config.setProperty("database.password", database.password());
        config.setProperty("database.dbname", database.name());
        // engine-only settings: what Kafka Connect's worker would otherwise provide
        Files.createDirectories(offsetsDirectory);
        config.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        config.setProperty("offset.storage.file.filename", offsetsDirectory.resolve(service + "-offsets.dat").toString());
        config.setProperty("offset.flush.interval.ms", "1000");
        config.setProperty("errors.retry.delay.initial.ms", "300");
        config.setProperty("errors.max.retries", "-1");
        OutboxRelay relay = new OutboxRelay(service, config, bootstrapServers);
        relay.executor.execute(relay.engine);
        if (!relay.started.await(120, TimeUnit.SECONDS)) {
            relay.close();
            throw new IllegalStateException("Outbox relay for " + service + " did not start within 120 s");
        }
        if (relay.failure.get() != null) {
            Throwable cause = relay.failure.get();
            relay.shutdownQuietly();
            throw new IllegalStateException("Outbox relay for " + service + " failed to start", cause);
        }
        log.info("Outbox relay for {} is streaming", service);
        return relay;
    }

    public static Properties loadConnectorProperties(String resource) throws IOException {
        Properties config = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("connector properties not on the classpath: " + resource);
            }
            config.load(in);
        }
        return config;
    }

    private void publish(List<RecordChangeEvent<SourceRecord>> batch,
                         DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer) throws InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> event : batch) {
            SourceRecord record = event.record();
            if (record.value() == null && record.key() == null) {
                continue;
            }
            sent.add(producer.send(toProducerRecord(record)));
        }
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get(2, TimeUnit.MINUTES);
            } catch (ExecutionException | TimeoutException e) {
                // offsets stay uncommitted: the engine stops, and a restart re-reads the batch from the slot
                throw new IllegalStateException("Kafka did not take outbox events of " + service, e);
            }
        }
        for (RecordChangeEvent<SourceRecord> event : batch) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
    }

    private ProducerRecord<byte[], byte[]> toProducerRecord(SourceRecord record) {
        String topic = record.topic();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key(), headerConverter.fromConnectHeader(topic, header.key(), header.schema(), header.value()));
        }
        byte[] key = keyConverter.fromConnectData(topic, headers, record.keySchema(), record.key());
        byte[] value = valueConverter.fromConnectData(topic, headers, record.valueSchema(), record.value());
        return new ProducerRecord<>(topic, null, record.timestamp(), key, value, headers);
    }

    @SuppressWarnings("unchecked")
    private static <T> T newInstance(String className) {
        try {
            return (T) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | NullPointerException e) {
            throw new IllegalArgumentException("cannot create converter " + className, e);
        }
    }

    private void shutdownQuietly() {
        executor.shutdownNow();
        producer.close(java.time.Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        closing.set(true);
        try {
            if (failure.get() == null) {
                engine.close();
            }
        } catch (IOException | RuntimeException e) {
            // closing an engine that failed to start throws; there is nothing left to release
            log.debug("Closing the outbox relay for {}: {}", service, e.toString());
        }
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(java.time.Duration.ofSeconds(5));
    }

    /**
     * Stops the relay the way a killed Kafka Connect worker does (issue 18, fault harness): the producer goes away at
     * once, so a batch in flight is never acknowledged and its offsets are never committed; the engine is then
     * stopped without waiting for that batch. A relay started again on the same slot and offsets file publishes
     * everything from the last committed offset on, some of it a second time (consumers de-duplicate, EVT-04).
     */
    public void crash() {
        closing.set(true);
        producer.close(java.time.Duration.ZERO);
        try {
            engine.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Crashing the outbox relay for {}: {}", service, e.toString());
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where the relay connects: the same facts Kafka Connect's connector config would hold. */
    public record DatabaseAccess(String host, int port, String name, String user, String password) {
    }
}
