package com.opensvc.aftersales.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.embedded.EmbeddedPostgresServer;
import com.opensvc.aftersales.embedded.KafkaServer;
import com.opensvc.aftersales.embedded.ServiceMigrations;
import com.opensvc.aftersales.messaging.CloudEventHeaders;
import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.messaging.OutgoingEvent;
import com.opensvc.aftersales.messaging.ProcessedEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17, the production event path for real: a Kafka Connect worker in distributed mode ({@code connect-runtime},
 * the broker's Kafka version) with Debezium's PostgreSQL connector only on its {@code plugin.path}, running the
 * committed, generated {@code KafkaConnector}'s {@code spec.config} (database coordinates of the test database; the
 * Secret references stay and the worker's config provider resolves them). Outbox rows written by the platform's
 * {@code OutboxWriter} into the platform's outbox schema arrive with their key and CloudEvent headers; across a
 * worker restart with writes going on, no event is lost, and whatever Debezium delivers twice (at-least-once) the
 * consumer's inbox ({@code processed_event}) absorbs.
 */
@Tag("platform")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxOnKafkaConnectTest {
    private static final Logger log = LoggerFactory.getLogger(OutboxOnKafkaConnectTest.class);
    private static final String SERVICE = "intake";
    private static final String CONNECTOR = "intake-outbox";
    private static final String TOPIC = "aftersales.intake.ticket";
    private static final String CONSUMER = "connect-relay-probe";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Clock CLOCK = Clock.systemUTC();
    private static final Map<String, Long> timings = new LinkedHashMap<>();
    private static final Map<String, Long> counts = new LinkedHashMap<>();

    private static Path work;
    private static EmbeddedPostgresServer postgres;
    private static KafkaServer kafka;
    private static ConnectWorker worker;
    private static Map<String, String> workerConfig;
    private static DataSource dataSource;
    private static TransactionTemplate transactions;
    private static OutboxWriter outbox;
    private static ProcessedEvents inbox;
    private static KafkaConsumer<String, String> consumer;
    /** every event written, by id; every delivery seen, by id */
    private static final Map<UUID, RelayProbe> written = new ConcurrentHashMap<>();
    private static final Map<UUID, AtomicInteger> delivered = new ConcurrentHashMap<>();
    private static final List<ConsumerRecord<String, String>> records = Collections.synchronizedList(new ArrayList<>());
    private static int firstDeliveries;
    private static int absorbedDuplicates;

    /** A probe event on intake's ticket topic, keyed by its ticket like every TicketEvent. */
    record RelayProbe(UUID ticketId, int sequence, Instant occurredAt) implements OutgoingEvent {
        @Override
        public String aggregateType() {
            return "intake.ticket";
        }

        @Override
        public UUID aggregateId() {
            return ticketId;
        }
    }

    @BeforeAll
    static void startPostgresKafkaAndWorker() throws Exception {
        work = Path.of(System.getProperty("aftersales.test.workdir", System.getProperty("java.io.tmpdir")))
                .resolve("connect-" + ProcessHandle.current().pid());
        long start = System.nanoTime();
        postgres = EmbeddedPostgresServer.start(work.resolve("pgdata"), work.getParent().resolve("pgbin"), 0, false);
        kafka = KafkaServer.start(work.resolve("kafka"), freePort(), freePort(), 3);
        timings.put("PostgreSQL and Kafka started", millisSince(start));

        // the service database with the platform's outbox and inbox (the services' first migration), and the
        // replication role the KafkaConnector logs in with, as CloudNativePG creates it in the cluster
        String debeziumPassword = UUID.randomUUID().toString();
        Path secrets = work.resolve("secrets");
        for (String service : OutboxConnectors.SERVICES) {
            postgres.ensureDatabase(service);
            ServiceMigrations.migrate(postgres.jdbcUrl(service), EmbeddedPostgresServer.USER, "", service);
            try (Connection c = java.sql.DriverManager.getConnection(postgres.jdbcUrl(service), EmbeddedPostgresServer.USER, "");
                 Statement s = c.createStatement()) {
                if (service.equals(OutboxConnectors.SERVICES.getFirst())) {
                    s.execute("CREATE ROLE debezium WITH LOGIN REPLICATION PASSWORD '" + debeziumPassword + "'");
                }
                s.execute("GRANT CONNECT ON DATABASE " + service + " TO debezium");
                s.execute("GRANT SELECT ON outbox TO debezium");
            }
            Path secret = Files.createDirectories(secrets.resolve(OutboxConnectors.debeziumSecret(service)));
            Files.writeString(secret.resolve("username"), "debezium", StandardCharsets.UTF_8);
            Files.writeString(secret.resolve("password"), debeziumPassword, StandardCharsets.UTF_8);
        }
        String jdbcUrl = postgres.jdbcUrl(SERVICE);

        dataSource = new DriverManagerDataSource(jdbcUrl, EmbeddedPostgresServer.USER, "");
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        outbox = new OutboxWriter(jdbc, JSON, CLOCK, "/aftersales/intake");
        inbox = new ProcessedEvents(jdbc, CLOCK);

        Path pluginPath = Path.of(System.getProperty("connect.plugin.path", "target/connect-plugins")).toAbsolutePath();
        assertThat(pluginPath.resolve("debezium-connector-postgres"))
                .as("the build copies the connector to the plugin path (maven-dependency-plugin, pre-integration-test)")
                .isDirectory();
        workerConfig = new LinkedHashMap<>();
        workerConfig.put("bootstrap.servers", kafka.bootstrapServers());
        // what kafka-connect.yaml's spec.config says, with one broker's replication factor
        workerConfig.put("group.id", "outbox-relay");
        workerConfig.put("offset.storage.topic", "outbox-relay-offsets");
        workerConfig.put("config.storage.topic", "outbox-relay-configs");
        workerConfig.put("status.storage.topic", "outbox-relay-status");
        workerConfig.put("offset.storage.replication.factor", "1");
        workerConfig.put("config.storage.replication.factor", "1");
        workerConfig.put("status.storage.replication.factor", "1");
        workerConfig.put("offset.storage.partitions", "1");
        workerConfig.put("status.storage.partitions", "1");
        workerConfig.put("config.providers", "secrets");
        workerConfig.put("config.providers.secrets.class", SecretFilesConfigProvider.class.getName());
        workerConfig.put("config.providers.secrets.param.directory", secrets.toString());
        // Strimzi's worker defaults
        workerConfig.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        workerConfig.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        workerConfig.put("plugin.path", pluginPath.toString());
        // only the plugins' ServiceLoader manifests (Kafka's, Debezium's, the stand-in provider's): the default
        // (hybrid_warn) also scans the whole test class path by reflection, about 20 s per start on two cores
        workerConfig.put("plugin.discovery", "service_load");
        workerConfig.put("listeners", "http://127.0.0.1:0");
        workerConfig.put("rest.advertised.host.name", "127.0.0.1");
        workerConfig.put("offset.flush.interval.ms", "1000");

        long workerStart = System.nanoTime();
        worker = ConnectWorker.start(workerConfig);
        timings.put("worker started (REST answers)", millisSince(workerStart));

        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, CONSUMER,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(TOPIC));
    }

    @AfterAll
    static void stop() throws Exception {
        log.info("Kafka Connect timings (ms): {}; counts: {}", timings, counts);
        if (work != null) {
            Files.createDirectories(work);
            StringBuilder lines = new StringBuilder();
            timings.forEach((what, ms) -> lines.append(what).append(": ").append(ms).append(" ms\n"));
            counts.forEach((what, n) -> lines.append(what).append(": ").append(n).append('\n'));
            Files.writeString(work.getParent().resolve("connect-timings.txt"), lines, StandardCharsets.UTF_8);
        }
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
        if (worker != null) {
            worker.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (work != null) {
            // the database and the broker's logs of this run; the timings stay beside them
            org.springframework.util.FileSystemUtils.deleteRecursively(work);
        }
    }

    @Test
    @Order(1)
    @DisplayName("Issue 17: the worker loads Debezium's PostgreSQL connector from its plugin path, not from the class path")
    void connectorComesFromThePluginPath() throws Exception {
        assertThatThrownBy(() -> Class.forName("io.debezium.connector.postgresql.PostgresConnector"))
                .isInstanceOf(ClassNotFoundException.class);
        JsonNode plugins = worker.json("GET", "/connector-plugins", null);
        List<String> postgresPlugins = new ArrayList<>();
        for (JsonNode plugin : plugins) {
            if ("io.debezium.connector.postgresql.PostgresConnector".equals(plugin.path("class").asString())) {
                postgresPlugins.add(plugin.path("version").asString());
            }
        }
        assertThat(postgresPlugins).containsExactly(System.getProperty("debezium.version"));
    }

    @Test
    @Order(2)
    @DisplayName("Issue 17 EVT-01 EVT-02: the generated KafkaConnector runs on Kafka Connect; an outbox row arrives keyed, with its CloudEvent headers")
    void generatedConnectorRelaysTheOutbox() throws Exception {
        Map<String, Object> config = submittedConfig(SERVICE);
        assertThat(config.get("database.password")).isEqualTo("${secrets:intake-debezium-credentials:password}");
        assertThat(ConnectManifests.map(ConnectManifests.connector(ConnectManifests.repositoryRoot(), SERVICE), "metadata"))
                .containsEntry("name", CONNECTOR);

        long submitted = System.nanoTime();
        JsonNode created = worker.json("PUT", "/connectors/" + CONNECTOR + "/config", config);
        assertThat(created.path("name").asString()).isEqualTo(CONNECTOR);
        assertThat(created.path("config").path("database.password").asString())
                .as("the worker stores the reference, never the password").isEqualTo("${secrets:intake-debezium-credentials:password}");
        worker.awaitRunning(CONNECTOR, Duration.ofSeconds(120));
        awaitSlotActive(Duration.ofSeconds(60));
        timings.put("connector running (PUT to slot streaming)", millisSince(submitted));

        long writtenAt = System.nanoTime();
        RelayProbe first = writeEvents(1).getFirst();
        UUID firstId = written.entrySet().stream().filter(e -> e.getValue() == first).findFirst().orElseThrow().getKey();
        awaitDelivered(Set.of(firstId), Duration.ofSeconds(60));
        timings.put("first event (commit to consumer)", millisSince(writtenAt));

        ConsumerRecord<String, String> record = records.stream()
                .filter(r -> firstId.toString().equals(header(r, CloudEventHeaders.ID))).findFirst().orElseThrow();
        assertThat(record.topic()).isEqualTo(TOPIC);
        assertThat(record.key()).isEqualTo(first.ticketId().toString());
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(CloudEventHeaders.type("RelayProbe", 1));
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/aftersales/intake");
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(first.ticketId().toString());
        assertThat(Instant.parse(header(record, CloudEventHeaders.TIME))).isNotNull();
        InboundEvent event = InboundEvent.from(record, JSON);
        assertThat(event.id()).isEqualTo(firstId);
        assertThat(event.payload().path("ticketId").asString()).isEqualTo(first.ticketId().toString());
        assertThat(event.payload().path("sequence").asInt()).isEqualTo(first.sequence());

        writeEvents(20);
        awaitDelivered(written.keySet(), Duration.ofSeconds(60));
    }

    @Test
    @Order(3)
    @DisplayName("Issue 17 EVT-04: a worker restart while the services write loses no event; the inbox absorbs what Debezium delivers twice")
    void restartLosesNothing() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().name("outbox-writer").start(() -> {
            while (writing.get()) {
                writeEvents(2);
                sleep(25);
            }
        });
        sleep(300);
        long stopping = System.nanoTime();
        worker.close();
        worker = null;
        timings.put("worker stopped", millisSince(stopping));
        int writtenWhileDown = written.size();
        sleep(1_000);

        long restart = System.nanoTime();
        worker = ConnectWorker.start(workerConfig);
        timings.put("restarted worker started (REST answers)", millisSince(restart));
        // no PUT: the connector's config lives in the Connect cluster's config topic (distributed mode)
        worker.awaitRunning(CONNECTOR, Duration.ofSeconds(120));
        timings.put("restart to connector running", millisSince(restart));
        sleep(300);
        writing.set(false);
        writer.join();
        log.info("{} events written, {} of them before the restart", written.size(), writtenWhileDown);
        awaitDelivered(written.keySet(), Duration.ofSeconds(120));
        timings.put("restart to every event delivered", millisSince(restart));

        writeEvents(5);
        awaitDelivered(written.keySet(), Duration.ofSeconds(60));
        drainFor(Duration.ofSeconds(3));

        assertThat(delivered.keySet()).as("no event lost, none unknown").containsExactlyInAnyOrderElementsOf(written.keySet());
        long duplicates = delivered.values().stream().mapToInt(AtomicInteger::get).filter(n -> n > 1).count();
        log.info("{} events, {} deliveries, {} events delivered more than once", written.size(), records.size(), duplicates);
        counts.put("events written", (long) written.size());
        counts.put("deliveries", (long) records.size());
        counts.put("events delivered twice (absorbed by the inbox)", duplicates);
        assertThat(firstDeliveries).as("the inbox processes each event exactly once").isEqualTo(written.size());
        assertThat(absorbedDuplicates).isEqualTo(records.size() - written.size());
        Integer processed = JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM processed_event WHERE consumer = :consumer").param("consumer", CONSUMER)
                .query(Integer.class).single();
        assertThat(processed).isEqualTo(written.size());
    }

    @Test
    @Order(4)
    @DisplayName("Issue 17: every service's generated KafkaConnector passes the connector's own validation on the worker (database reached, Secrets resolved)")
    void everyGeneratedConnectorValidates() throws Exception {
        for (String service : OutboxConnectors.SERVICES) {
            Map<String, Object> config = submittedConfig(service);
            config.put("name", service + "-outbox");
            JsonNode validation = worker.json("PUT",
                    "/connector-plugins/io.debezium.connector.postgresql.PostgresConnector/config/validate", config);
            List<String> errors = new ArrayList<>();
            for (JsonNode entry : validation.path("configs")) {
                for (JsonNode error : entry.path("value").path("errors")) {
                    errors.add(entry.path("value").path("name").asString() + ": " + error.asString());
                }
            }
            assertThat(errors).as(service).isEmpty();
            assertThat(validation.path("error_count").asInt()).as(service).isZero();
        }
    }

    /** What Strimzi's operator sends for the committed KafkaConnector, with the test database's host and port. */
    private static Map<String, Object> submittedConfig(String service) throws IOException {
        Map<String, Object> connector = ConnectManifests.connector(ConnectManifests.repositoryRoot(), service);
        Map<String, Object> spec = ConnectManifests.map(connector, "spec");
        Map<String, Object> config = new LinkedHashMap<>(ConnectManifests.map(spec, "config"));
        config.put("connector.class", spec.get("class"));
        config.put("tasks.max", String.valueOf(spec.get("tasksMax")));
        // the user and password stay Secret references; the database name is the service's, as in the cluster
        config.put("database.hostname", "localhost");
        config.put("database.port", Integer.toString(postgres.port()));
        return config;
    }

    private static List<RelayProbe> writeEvents(int count) {
        return transactions.execute(status -> {
            List<RelayProbe> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                RelayProbe event = new RelayProbe(UUID.randomUUID(), written.size() + i, CLOCK.instant());
                written.put(outbox.append(event), event);
                events.add(event);
            }
            return events;
        });
    }

    /** Polls the topic and hands every record to the inbox, the way a listener does, until all ids arrived. */
    private static void awaitDelivered(Set<UUID> ids, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!delivered.keySet().containsAll(ids)) {
            if (System.nanoTime() > deadline) {
                List<UUID> missing = ids.stream().filter(id -> !delivered.containsKey(id)).toList();
                throw new AssertionError(missing.size() + " of " + ids.size() + " events not delivered within " + timeout);
            }
            poll();
        }
    }

    private static void drainFor(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            poll();
        }
    }

    private static void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            records.add(record);
            InboundEvent event = InboundEvent.from(record, JSON);
            delivered.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            boolean first = Boolean.TRUE.equals(transactions.execute(status -> inbox.firstDelivery(event, CONSUMER)));
            if (first) {
                firstDeliveries++;
            } else {
                absorbedDuplicates++;
            }
        }
        consumer.commitSync();
    }

    private static void awaitSlotActive(Duration timeout) throws InterruptedException {
        String slot = "aftersales_intake_outbox";
        long deadline = System.nanoTime() + timeout.toNanos();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        while (System.nanoTime() < deadline) {
            Boolean active = jdbc.sql("SELECT active FROM pg_replication_slots WHERE slot_name = :slot")
                    .param("slot", slot).query(Boolean.class).optional().orElse(false);
            if (active) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("replication slot " + slot + " is not streaming after " + timeout);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
