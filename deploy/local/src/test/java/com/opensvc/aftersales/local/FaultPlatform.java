package com.opensvc.aftersales.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import com.opensvc.aftersales.embedded.EmbeddedPostgresServer;
import com.opensvc.aftersales.embedded.KafkaServer;
import com.opensvc.aftersales.embedded.OutboxRelay;
import com.opensvc.aftersales.embedded.ServiceMigrations;

/**
 * The whole platform as {@link LocalPlatform} starts it — PostgreSQL, Kafka's own KRaft server on a fixed port with its
 * log directory, one Debezium relay per service database, the issuer, the five services and the gateway — but in the
 * test JVM and with a handle on every part, so that the fault harness can stop and start each one (issue 18). The
 * shared test infrastructure cannot serve here: its broker (spring-kafka-test's) cannot come back on its port.
 */
final class FaultPlatform implements AutoCloseable {
    private final Path dir;
    private final int kafkaPort;
    private EmbeddedPostgresServer postgres;
    private volatile KafkaServer kafka;
    private final Map<String, OutboxRelay> relays = new LinkedHashMap<>();
    private PlatformApplications apps;
    private PlatformClient client;

    private FaultPlatform(Path dir, int kafkaPort) {
        this.dir = dir;
        this.kafkaPort = kafkaPort;
    }

    static FaultPlatform start() throws Exception {
        Path work = Path.of(System.getProperty("aftersales.test.workdir",
                Path.of(System.getProperty("java.io.tmpdir"), "aftersales-test").toString()));
        Path dir = work.resolve("faults-" + ProcessHandle.current().pid());
        FaultPlatform platform = new FaultPlatform(dir, freePortPair());
        try {
            platform.startAll(work);
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    private void startAll(Path work) throws Exception {
        // REV-06's attempts "on different days" cannot wait for tomorrow in a test (as RunningPlatform)
        System.setProperty("aftersales.revisit.attempts.days-apart", "0");
        postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), work.resolve("pgbin"), 0, false);
        for (String service : PlatformApplications.SERVICES) {
            postgres.ensureDatabase(service);
            ServiceMigrations.migrate(postgres.jdbcUrl(service), EmbeddedPostgresServer.USER, "", service);
        }
        kafka = KafkaServer.start(dir.resolve("kafka"), kafkaPort, kafkaPort + 1, 3);
        for (String service : PlatformApplications.SERVICES) {
            relays.put(service, startRelay(service));
        }
        apps = PlatformApplications.start(new PlatformApplications.Infrastructure(postgres::jdbcUrl,
                EmbeddedPostgresServer.USER, "", kafka.bootstrapServers()), PlatformApplications.Ports.random(), dir);
        client = new PlatformClient(apps.gatewayPort(), apps.issuerPort(), dir.resolve("issuer/clients.properties"));
        client.servicePorts(apps.servicePorts());
    }

    private OutboxRelay startRelay(String service) throws IOException, InterruptedException {
        return OutboxRelay.start(service, "debezium/" + service + "-outbox.properties",
                new OutboxRelay.DatabaseAccess("localhost", postgres.port(), service, EmbeddedPostgresServer.USER, ""),
                kafka.bootstrapServers(), dir.resolve("relay-offsets"));
    }

    PlatformClient client() {
        return client;
    }

    String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    Connection database(String service) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(service), EmbeddedPostgresServer.USER, "");
    }

    /** The broker stops (every client loses it), stays down for {@code down}, and starts on its port and log dir. */
    void restartBroker(Duration down) throws Exception {
        kafka.close();
        Thread.sleep(down.toMillis());
        kafka = KafkaServer.start(dir.resolve("kafka"), kafkaPort, kafkaPort + 1, 3);
    }

    /** One relay is killed ({@link OutboxRelay#crash()}), stays down for {@code down}, and starts on its slot again. */
    void crashAndRestartRelay(String service, Duration down) throws Exception {
        relays.get(service).crash();
        Thread.sleep(down.toMillis());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                relays.put(service, startRelay(service));
                return;
            } catch (IllegalStateException e) {
                // PostgreSQL may still count the killed relay's walsender as the slot's user for a moment
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }

    /** One service's application closes and starts again on its port (a pod's restart). */
    void restartService(String service) {
        apps.restartService(service);
    }

    @Override
    public void close() {
        if (apps != null) {
            apps.close();
        }
        relays.values().forEach(relay -> {
            try {
                relay.close();
            } catch (RuntimeException e) {
                // already crashed
            }
        });
        if (kafka != null) {
            kafka.close();
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            // the data directory is thrown away with the test's work directory
        }
    }

    /**
     * Two consecutive free ports below Linux's ephemeral range (as {@code LocalPlatformJarIT}): the broker comes back on
     * its port, so while it is down no outgoing connection may take it.
     */
    private static int freePortPair() throws IOException {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = 20000 + random.nextInt(12000);
            try (ServerSocket a = new ServerSocket(first); ServerSocket b = new ServerSocket(first + 1)) {
                return first;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two free consecutive ports between 20000 and 32000");
    }
}
