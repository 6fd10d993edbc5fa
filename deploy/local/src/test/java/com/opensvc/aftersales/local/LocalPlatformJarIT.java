package com.opensvc.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command as a user gets it: the packaged {@code aftersales-local.jar} in its own JVM (so a
 * jar the repackager left out fails here, not on a user's machine), on free ports, until it says it is
 * ready; then a ticket through the gateway with a token from its issuer; then SIGTERM stops it cleanly.
 */
class LocalPlatformJarIT {
    private static final Duration READY_WITHIN = Duration.ofMinutes(4);

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("the packaged platform carries the services as just built, not a stale copy")
    void packagedServicesAreTheBuiltOnes() throws Exception {
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(Path.of("target", "aftersales-local.jar").toFile())) {
            for (String service : List.of("intake-service", "dispatch-service", "parts-service", "quality-service",
                    "revisit-service", "gateway")) {
                Path built = Path.of("..", "..", service, "target", service + "-0.1.0-SNAPSHOT.jar");
                var entry = jar.getEntry("BOOT-INF/lib/" + service + "-0.1.0-SNAPSHOT.jar");
                assertThat(entry).as(service + " in the platform jar").isNotNull();
                try (var packaged = jar.getInputStream(entry)) {
                    assertThat(packaged.readAllBytes()).as(service + " is the jar the build just made")
                            .isEqualTo(Files.readAllBytes(built));
                }
            }
        }
    }

    @Test
    @DisplayName("SEC-01 INT-03 the packaged platform starts, registers a ticket through the gateway, stops, and starts again over its own data with the ticket still there")
    void packagedPlatformStartsServesStopsAndRestarts() throws Exception {
        Ports ports = new Ports(freePort(), freePortPair(), freePortRun(5), freePort(), freePort());
        String ticketId;
        Path firstLog = Path.of("target", "local-platform-it.log");
        Process platform = start(ports, firstLog);
        try {
            PlatformClient client = client(ports);
            assertThat(client.get("/api/intake/tickets/00000000-0000-0000-0000-000000000000", null).status()).isEqualTo(401);
            var registered = client.post("/api/intake/tickets", Map.of(
                    "customer", Map.of("name", "Li Na", "phone", "+86 735 7654321", "region", "SOUTH"),
                    "productModel", "AC-3200", "productLine", "AIR_CONDITIONER", "serialNumber", "SN-JAR-1",
                    "shipDate", LocalDate.now().minusDays(40).toString(), "faultDescription", "Noisy fan",
                    "channel", "WEB", "serviceType", "ON_SITE"), client.token("front-desk"));
            assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
            assertThat(registered.body().get("number").asString()).matches("T-\\d{4}-\\d{6}");
            ticketId = registered.body().get("id").asString();
        } finally {
            stop(platform);
        }
        assertThat(Files.readString(firstLog)).contains("Stopping the platform").doesNotContain("7654321");

        // README: data lives in the data directory and survives a restart (the demo data's migrations included)
        Path secondLog = Path.of("target", "local-platform-it-restart.log");
        platform = start(ports, secondLog);
        try {
            PlatformClient client = client(ports);
            var kept = client.get("/api/intake/tickets/" + ticketId, client.token("front-desk"));
            assertThat(kept.status()).as(kept.body().toString()).isEqualTo(200);
            assertThat(kept.body().get("id").asString()).isEqualTo(ticketId);
        } finally {
            stop(platform);
        }
    }

    private record Ports(int postgres, int kafka, int serviceBase, int gateway, int issuer) {
    }

    private Process start(Ports ports, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1536m",
                "-Daftersales.data-dir=" + dataDir,
                "-Daftersales.postgres-port=" + ports.postgres(),
                "-Daftersales.kafka-port=" + ports.kafka(),
                "-Daftersales.service-port-base=" + ports.serviceBase(),
                "-Daftersales.gateway-port=" + ports.gateway(),
                "-Daftersales.issuer-port=" + ports.issuer(),
                "-jar", Path.of("target", "aftersales-local.jar").toString()));
        Process platform = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!Files.readString(log).contains("platform ready")) {
            assertThat(platform.isAlive()).as("the platform exited; see " + log).isTrue();
            if (System.nanoTime() > deadline) {
                stop(platform);
                throw new AssertionError("not ready within " + READY_WITHIN + "; see " + log);
            }
            Thread.sleep(500);
        }
        return platform;
    }

    private PlatformClient client(Ports ports) throws IOException {
        return new PlatformClient(ports.gateway(), ports.issuer(), dataDir.resolve("issuer/clients.properties"));
    }

    private static void stop(Process platform) throws InterruptedException {
        platform.destroy();
        boolean stopped = platform.waitFor(90, TimeUnit.SECONDS);
        if (!stopped) {
            platform.destroyForcibly();
        }
        assertThat(stopped).as("stopped within 90 s of SIGTERM").isTrue();
    }

    /**
     * Listening ports come from below Linux's ephemeral range (32768-60999): a port the OS hands out for outgoing
     * connections (Kafka clients, JDBC) may be taken by one of the platform's own connections before the service
     * that was meant to listen on it binds it.
     */
    private static final int LOW = 20000;
    private static final int HIGH = 32000;
    private static final java.util.Set<Integer> TAKEN = new java.util.HashSet<>();
    private static final java.util.Random RANDOM = new java.util.Random();

    private static int freePort() throws IOException {
        return freePortRun(1);
    }

    private static int freePortPair() throws IOException {
        return freePortRun(2);
    }

    /** The first of {@code count} consecutive free ports, none handed out before in this run. */
    private static int freePortRun(int count) throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = LOW + RANDOM.nextInt(HIGH - LOW - count);
            boolean free = true;
            for (int port = first; port < first + count && free; port++) {
                if (TAKEN.contains(port)) {
                    free = false;
                    continue;
                }
                try (ServerSocket ignored = new ServerSocket(port)) {
                    // free
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                for (int port = first; port < first + count; port++) {
                    TAKEN.add(port);
                }
                return first;
            }
        }
        throw new IOException("no run of " + count + " free ports between " + LOW + " and " + HIGH);
    }
}
