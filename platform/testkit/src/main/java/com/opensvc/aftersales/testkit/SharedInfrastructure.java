package com.opensvc.aftersales.testkit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.opensvc.aftersales.embedded.EmbeddedPostgresServer;
import com.opensvc.aftersales.embedded.OutboxRelay;
import com.opensvc.aftersales.embedded.ServiceMigrations;

/**
 * The real infrastructure of one test JVM, started on first use and stopped when the JVM exits: in-process by default,
 * or containers of PostgreSQL, Kafka and Kafka Connect under {@code -Pcontainers} ({@link ContainerInfrastructure}).
 */
public final class SharedInfrastructure {
    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
    public static final int PARTITIONS = 3;
    private static SharedInfrastructure instance;

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaKraftBroker kafka;
    private final TestIssuer issuer;
    private final Path workDirectory;
    private final Map<String, OutboxRelay> relays = new LinkedHashMap<>();
    /** Set under {@code -Pcontainers}; the embedded fields are null then. */
    private final ContainerInfrastructure containers;

    private SharedInfrastructure() throws Exception {
        long start = System.nanoTime();
        workDirectory = Path.of(System.getProperty("aftersales.test.workdir",
                Path.of(System.getProperty("java.io.tmpdir"), "aftersales-test").toString()))
                .resolve("run-" + ProcessHandle.current().pid());
        postgres = EmbeddedPostgresServer.start(workDirectory.resolve("pgdata"), workDirectory.getParent().resolve("pgbin"), 0, false);
        kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        kafka.brokerProperty("num.partitions", Integer.toString(PARTITIONS));
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.afterPropertiesSet();
        issuer = TestIssuer.start();
        containers = null;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "aftersales-testkit-stop"));
        log.info("Embedded PostgreSQL on port {} and Kafka at {} started in {} ms", postgres.port(),
                kafka.getBrokersAsString(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Under {@code -Pcontainers}: the JWKS issuer stays in-process, the rest runs in containers. */
    private SharedInfrastructure(ContainerInfrastructure containers) throws Exception {
        this.containers = containers;
        postgres = null;
        kafka = null;
        workDirectory = null;
        issuer = TestIssuer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "aftersales-testkit-stop"));
    }

    public static synchronized SharedInfrastructure get() throws Exception {
        if (instance == null && containersRequested()) {
            instance = new SharedInfrastructure(ContainerInfrastructure.start(PARTITIONS));
        }
        if (instance == null) {
            instance = new SharedInfrastructure();
        }
        return instance;
    }

    /**
     * True under {@code -Pcontainers} ({@code -Daftersales.test.infrastructure=containers}). Checked here, not in
     * {@link ContainerInfrastructure}: that class links against Testcontainers, which is on the classpath only then.
     */
    static boolean containersRequested() {
        return "containers".equals(System.getProperty("aftersales.test.infrastructure"));
    }

    /** Creates the service's database, applies its migrations and starts its outbox relay (once). */
    public synchronized void ensureService(String service) throws Exception {
        if (relays.containsKey(service)) {
            return;
        }
        if (containers != null) {
            containers.ensureDatabase(service);
            ServiceMigrations.migrate(jdbcUrl(service), user(), password(), service);
            containers.startConnector(service, "debezium/" + service + "-outbox.properties");
            relays.put(service, null);
            return;
        }
        postgres.ensureDatabase(service);
        ServiceMigrations.migrate(jdbcUrl(service), user(), password(), service);
        relays.put(service, OutboxRelay.start(service, "debezium/" + service + "-outbox.properties",
                new OutboxRelay.DatabaseAccess("localhost", postgres.port(), service, user(), password()),
                bootstrapServers(), workDirectory.resolve("relay-offsets")));
    }

    /** Creates the topics that do not exist yet; several test classes may ask for the same one. */
    public synchronized void createTopics(String... topics) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            var existing = admin.listTopics().names().get(30, java.util.concurrent.TimeUnit.SECONDS);
            var missing = java.util.Arrays.stream(topics).filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("creating topics " + java.util.Arrays.toString(topics), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating " + java.util.Arrays.toString(topics), e);
        }
    }

    public String jdbcUrl(String database) {
        if (containers != null) {
            return containers.jdbcUrl(database);
        }
        return postgres.jdbcUrl(database);
    }

    public String user() {
        if (containers != null) {
            return containers.user();
        }
        return EmbeddedPostgresServer.USER;
    }

    public String password() {
        if (containers != null) {
            return containers.password();
        }
        return "";
    }

    public String bootstrapServers() {
        if (containers != null) {
            return containers.bootstrapServers();
        }
        return kafka.getBrokersAsString();
    }

    public TestIssuer issuer() {
        return issuer;
    }

    private void stop() {
        if (containers != null) {
            issuer.close();
            containers.close();
            return;
        }
        relays.values().forEach(OutboxRelay::close);
        issuer.close();
        try {
            kafka.destroy();
        } catch (RuntimeException e) {
            log.debug("Stopping Kafka: {}", e.toString());
        }
        try {
            postgres.close();
        } catch (Exception e) {
            log.debug("Stopping PostgreSQL: {}", e.toString());
        }
    }
}
