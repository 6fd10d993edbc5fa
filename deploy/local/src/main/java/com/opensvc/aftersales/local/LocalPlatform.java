package com.opensvc.aftersales.local;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.opensvc.aftersales.embedded.EmbeddedPostgresServer;
import com.opensvc.aftersales.embedded.KafkaServer;
import com.opensvc.aftersales.embedded.OutboxRelay;
import com.opensvc.aftersales.embedded.ServiceMigrations;

/**
 * The embedded default: PostgreSQL (five databases), Kafka on its documented port, one Debezium outbox relay
 * per service database, the local OIDC issuer, the five services and the gateway, all in one process with
 * their data under one directory that survives a restart. Ctrl-C stops everything in reverse order.
 * <p>
 * Options (system properties or environment): {@code aftersales.data-dir} / {@code AFTERSALES_DATA_DIR}
 * (default {@code ./data}), {@code aftersales.postgres-port} / {@code AFTERSALES_POSTGRES_PORT} (5432),
 * {@code aftersales.kafka-port} / {@code AFTERSALES_KAFKA_PORT} (9092; its controller listens one above),
 * {@code aftersales.gateway-port} / {@code AFTERSALES_GATEWAY_PORT} (8080), {@code aftersales.issuer-port} /
 * {@code AFTERSALES_ISSUER_PORT} (9000), {@code aftersales.service-port-base} / {@code AFTERSALES_SERVICE_PORT_BASE}
 * (8081: intake, then dispatch, parts, quality, revisit on the next ports).
 */
public final class LocalPlatform {
    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

    public static void main(String[] args) {
        try {
            start();
        } catch (Throwable e) {
            // Kafka's and PostgreSQL's threads would keep the JVM alive: stop everything, and say so
            log.error("The platform did not start", e);
            System.exit(1);
        }
    }

    private static void start() throws Exception {
        long started = System.nanoTime();
        Path dataDir = Path.of(setting("aftersales.data-dir", "AFTERSALES_DATA_DIR", "data")).toAbsolutePath();
        int postgresPort = Integer.parseInt(setting("aftersales.postgres-port", "AFTERSALES_POSTGRES_PORT", "5432"));
        int kafkaPort = Integer.parseInt(setting("aftersales.kafka-port", "AFTERSALES_KAFKA_PORT", "9092"));
        int servicePortBase = Integer.parseInt(setting("aftersales.service-port-base", "AFTERSALES_SERVICE_PORT_BASE", "8081"));
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        for (String service : PlatformApplications.SERVICES) {
            servicePorts.put(service, servicePortBase + servicePorts.size());
        }
        PlatformApplications.Ports ports = new PlatformApplications.Ports(
                Integer.parseInt(setting("aftersales.issuer-port", "AFTERSALES_ISSUER_PORT", "9000")),
                Integer.parseInt(setting("aftersales.gateway-port", "AFTERSALES_GATEWAY_PORT", "8080")), servicePorts);
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the platform");
            for (int i = running.size() - 1; i >= 0; i--) {
                try {
                    running.get(i).close();
                } catch (Exception e) {
                    log.warn("While stopping: {}", e.toString());
                }
            }
            stopped.countDown();
        }, "platform-stop"));

        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"),
                dataDir.resolve("postgres-binaries"), postgresPort, true);
        running.add(postgres);
        for (String service : PlatformApplications.SERVICES) {
            postgres.ensureDatabase(service);
            ServiceMigrations.migrate(postgres.jdbcUrl(service), EmbeddedPostgresServer.USER, "", service);
        }
        KafkaServer kafka = KafkaServer.start(dataDir.resolve("kafka"), kafkaPort, kafkaPort + 1, 3);
        running.add(kafka);
        for (String service : PlatformApplications.SERVICES) {
            running.add(OutboxRelay.start(service, "debezium/" + service + "-outbox.properties",
                    new OutboxRelay.DatabaseAccess("localhost", postgres.port(), service, EmbeddedPostgresServer.USER, ""),
                    kafka.bootstrapServers(), dataDir.resolve("relay-offsets")));
        }
        PlatformApplications apps = PlatformApplications.start(new PlatformApplications.Infrastructure(
                postgres::jdbcUrl, EmbeddedPostgresServer.USER, "", kafka.bootstrapServers()),
                ports, dataDir);
        running.add(apps);

        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.printf("""

                ==========================================================================
                 After-sales platform ready in %d s (JVM up %d s)
                   Gateway (front desk API):  http://localhost:%d/api/<service>/...
                   OIDC issuer:               http://localhost:%d   (JWKS: /oauth2/jwks)
                   Kafka (other systems):     %s
                   PostgreSQL:                localhost:%d  (databases %s)
                   Data directory:            %s
                 Demo clients (one per role) and their generated secrets:
                   %s
                 Get a token:
                   SECRET=$(grep '^front-desk=' %s | cut -d= -f2)
                   curl -s -u front-desk:$SECRET -d grant_type=client_credentials http://localhost:%d/oauth2/token
                 Ctrl-C stops everything.
                ==========================================================================
                %n""", seconds, ManagementFactory.getRuntimeMXBean().getUptime() / 1000, apps.gatewayPort(),
                apps.issuerPort(), kafka.bootstrapServers(), postgres.port(), PlatformApplications.SERVICES, dataDir,
                dataDir.resolve("issuer/clients.properties"), dataDir.resolve("issuer/clients.properties"),
                apps.issuerPort());
        stopped.await();
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
