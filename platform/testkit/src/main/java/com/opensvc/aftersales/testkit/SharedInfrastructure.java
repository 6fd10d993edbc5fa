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

/** The real infrastructure of one test JVM, started on first use and stopped when the JVM exits. */
public final class SharedInfrastructure {
    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
    public static final int PARTITIONS = 3;
    private static SharedInfrastructure instance;

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaKraftBroker kafka;
    private final TestIssuer issuer;
    private final Path workDirectory;
    private final Map<String, OutboxRelay> relays = new LinkedHashMap<>();

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
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "aftersales-testkit-stop"));
        log.info("Embedded PostgreSQL on port {} and Kafka at {} started in {} ms", postgres.port(),
                kafka.getBrokersAsString(), (System.nanoTime() - start) / 1_000_000);
    }

    public static synchronized SharedInfrastructure get() throws Exception {
        if (instance == null) {
            instance = new SharedInfrastructure();
        }
        return instance;
    }

    /** Creates the service's database, applies its migrations and starts its outbox relay (once). */
    public synchronized void ensureService(String service) throws Exception {
        if (relays.containsKey(service)) {
            return;
        }
        postgres.ensureDatabase(service);
        ServiceMigrations.migrate(jdbcUrl(service), user(), password(), service);
        relays.put(service, OutboxRelay.start(service, "debezium/" + service + "-outbox.properties",
                new OutboxRelay.DatabaseAccess("localhost", postgres.port(), service, user(), password()),
                bootstrapServers(), workDirectory.resolve("relay-offsets")));
    }

    /** Creates each topic once per JVM: several test classes of a service may ask for the same topic. */
    public synchronized void createTopics(String... topics) {
        for (String topic : topics) {
            if (createdTopics.add(topic)) {
                kafka.addTopicsWithResults(new NewTopic(topic, PARTITIONS, (short) 1));
            }
        }
    }

    private final java.util.Set<String> createdTopics = new java.util.HashSet<>();

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String user() {
        return EmbeddedPostgresServer.USER;
    }

    public String password() {
        return "";
    }

    public String bootstrapServers() {
        return kafka.getBrokersAsString();
    }

    public TestIssuer issuer() {
        return issuer;
    }

    private void stop() {
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
