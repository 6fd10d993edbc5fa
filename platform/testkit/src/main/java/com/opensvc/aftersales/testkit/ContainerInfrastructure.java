package com.opensvc.aftersales.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import com.opensvc.aftersales.embedded.OutboxRelay;

/**
 * The opt-in alternative to the in-process infrastructure ({@code ./mvnw -Pcontainers …}, a Docker engine needed):
 * PostgreSQL, Kafka (Apache's native image) and a Kafka Connect worker (Debezium's image) as containers on one
 * Docker network. Each service's outbox is published by a connector the worker runs, configured from the same
 * {@code debezium/<service>-outbox.properties} the embedded relay and the production {@code KafkaConnector} read;
 * only the database coordinates are added. Selected by {@code -Daftersales.test.infrastructure=containers}
 * ({@link SharedInfrastructure#containersRequested()});
 * Testcontainers is on a service's test classpath only under that profile, so nothing here is loaded otherwise.
 */
final class ContainerInfrastructure implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ContainerInfrastructure.class);
    private static final String POSTGRES_ALIAS = "postgres";
    private static final String KAFKA_LISTENER = "kafka:19092";
    private static final int CONNECT_PORT = 8083;
    private static final Duration CONNECTOR_START = Duration.ofSeconds(120);

    private final Network network;
    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;
    private final GenericContainer<?> connect;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ContainerInfrastructure(Network network, PostgreSQLContainer postgres, KafkaContainer kafka,
                                    GenericContainer<?> connect) {
        this.network = network;
        this.postgres = postgres;
        this.kafka = kafka;
        this.connect = connect;
    }

    static ContainerInfrastructure start(int partitions) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("-Pcontainers (aftersales.test.infrastructure=containers) runs the platform "
                    + "tests on containers and needs a Docker engine (DOCKER_HOST or /var/run/docker.sock); none was "
                    + "found. Without one, leave the profile out: the tests start PostgreSQL, Kafka and Debezium in-process");
        }
        Network network = Network.newNetwork();
        PostgreSQLContainer postgres = new PostgreSQLContainer(image("postgres-image", "postgres:17"))
                .withNetwork(network)
                .withNetworkAliases(POSTGRES_ALIAS)
                // the server settings the embedded PostgreSQL gets (EmbeddedPostgresServer): logical decoding
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_replication_slots=16",
                        "-c", "max_wal_senders=16", "-c", "max_connections=300", "-c", "fsync=off");
        KafkaContainer kafka = new KafkaContainer(image("kafka-image", "apache/kafka-native:4.1.2"))
                .withNetwork(network)
                .withListener(KAFKA_LISTENER)
                .withEnv("KAFKA_NUM_PARTITIONS", Integer.toString(partitions))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        GenericContainer<?> connect = new GenericContainer<>(image("connect-image", "quay.io/debezium/connect:3.6.3.Final"))
                .withNetwork(network)
                .withExposedPorts(CONNECT_PORT)
                .withEnv(connectWorker(KAFKA_LISTENER))
                .dependsOn(kafka)
                .waitingFor(Wait.forHttp("/connectors").forPort(CONNECT_PORT).forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        long start = System.nanoTime();
        postgres.start();
        kafka.start();
        connect.start();
        log.info("PostgreSQL {}, Kafka {} and Kafka Connect {} containers started in {} ms",
                postgres.getDockerImageName(), kafka.getDockerImageName(), connect.getDockerImageName(),
                (System.nanoTime() - start) / 1_000_000);
        return new ContainerInfrastructure(network, postgres, kafka, connect);
    }

    /** The distributed worker's settings (Debezium's image reads {@code CONNECT_*} into the worker config). */
    static Map<String, String> connectWorker(String bootstrapServers) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("GROUP_ID", "aftersales-test-connect");
        env.put("CONFIG_STORAGE_TOPIC", "aftersales-connect-configs");
        env.put("OFFSET_STORAGE_TOPIC", "aftersales-connect-offsets");
        env.put("STATUS_STORAGE_TOPIC", "aftersales-connect-status");
        // one broker
        env.put("CONNECT_CONFIG_STORAGE_REPLICATION_FACTOR", "1");
        env.put("CONNECT_OFFSET_STORAGE_REPLICATION_FACTOR", "1");
        env.put("CONNECT_STATUS_STORAGE_REPLICATION_FACTOR", "1");
        // offsets every second, as the embedded relay flushes them
        env.put("OFFSET_FLUSH_INTERVAL_MS", "1000");
        return env;
    }

    /**
     * The connector's config as Kafka Connect's REST API takes it: the service's properties file with the database
     * coordinates on the containers' network. {@code name} is the connector's name, not part of its config.
     */
    static Map<String, String> connectorConfig(Properties connectorProperties, String host, int port, String database,
                                               String user, String password) {
        Map<String, String> config = new TreeMap<>();
        connectorProperties.stringPropertyNames().forEach(key -> config.put(key, connectorProperties.getProperty(key)));
        config.remove("name");
        config.put("database.hostname", host);
        config.put("database.port", Integer.toString(port));
        config.put("database.user", user);
        config.put("database.password", password);
        config.put("database.dbname", database);
        return config;
    }

    /** Creates the service's database (PostgreSQL's container knows only its own) unless it exists. */
    void ensureDatabase(String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(), user(), password());
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
        }
    }

    /**
     * Submits the service's outbox connector to the worker and waits until its task runs and its replication slot
     * is active, so that every outbox row committed afterwards is published (what the embedded relay waits for).
     */
    void startConnector(String service, String connectorProperties) throws IOException, InterruptedException, SQLException {
        Properties properties = OutboxRelay.loadConnectorProperties(connectorProperties);
        String name = properties.getProperty("name", service + "-outbox");
        Map<String, String> config = connectorConfig(properties, POSTGRES_ALIAS, PostgreSQLContainer.POSTGRESQL_PORT,
                service, user(), password());
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(connectUri("/connectors/" + name + "/config"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(config)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() / 100 != 2) {
            throw new IllegalStateException("Kafka Connect refused connector " + name + ": " + put.statusCode() + " " + put.body());
        }
        long deadline = System.nanoTime() + CONNECTOR_START.toNanos();
        String slot = properties.getProperty("slot.name");
        String status = "";
        while (System.nanoTime() < deadline) {
            status = http.send(HttpRequest.newBuilder(connectUri("/connectors/" + name + "/status"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            if (status.contains("\"FAILED\"")) {
                throw new IllegalStateException("connector " + name + " failed: " + status);
            }
            if (status.contains("\"tasks\":[{") && !status.contains("UNASSIGNED") && status.contains("RUNNING")
                    && slotActive(service, slot)) {
                log.info("Connector {} is streaming from slot {}", name, slot);
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("connector " + name + " did not stream within " + CONNECTOR_START + ": " + status);
    }

    private boolean slotActive(String database, String slot) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), user(), password());
             PreparedStatement s = c.prepareStatement("SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
            s.setString(1, slot);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private URI connectUri(String path) {
        return URI.create("http://" + connect.getHost() + ":" + connect.getMappedPort(CONNECT_PORT) + path);
    }

    /** A flat JSON object of strings; the connector's values hold no characters beyond what is escaped here. */
    static String json(Map<String, String> values) {
        StringBuilder json = new StringBuilder("{");
        values.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(key)).append(':').append(quote(value));
        });
        return json.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)
                + "/" + database;
    }

    String user() {
        return postgres.getUsername();
    }

    String password() {
        return postgres.getPassword();
    }

    String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    private static String image(String key, String fallback) {
        return System.getProperty("aftersales.test.containers." + key, fallback);
    }

    @Override
    public void close() {
        for (AutoCloseable container : List.<AutoCloseable>of(connect, kafka, postgres, network)) {
            try {
                container.close();
            } catch (Exception e) {
                log.debug("Stopping a container: {}", e.getClass().getName());
            }
        }
    }
}
