package com.opensvc.aftersales.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/local's packaged jar ({@code aftersales-local.jar}, the README's run command) in its own JVM on free ports
 * with a fresh data directory, as a user runs it: durable PostgreSQL (fsync on), Kafka, five relays, the issuer, five
 * services and the gateway. The load generator and the ceilings run in the benchmark's JVM, so the platform's JVM
 * carries only the platform. SIGTERM stops it; PostgreSQL (a child process) is stopped with it.
 */
final class PlatformProcess implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofMinutes(8);

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final int postgresPort;
    private final int gatewayPort;
    private final int issuerPort;
    private final int serviceBase;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Properties secrets = new Properties();

    private PlatformProcess(Process process, Path dataDir, Path log, int postgresPort, int gatewayPort, int issuerPort,
                            int serviceBase) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.postgresPort = postgresPort;
        this.gatewayPort = gatewayPort;
        this.issuerPort = issuerPort;
        this.serviceBase = serviceBase;
    }

    /** Starts the jar and waits until it prints that it is ready. */
    static PlatformProcess start(Path jar, Path workDir, String javaOptions) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no platform jar at " + jar + ": build it first (docs/performance.md's command"
                    + " builds it with -am)");
        }
        Path dataDir = workDir.resolve("platform-data");
        deleteTree(dataDir);
        Files.createDirectories(dataDir);
        Path log = workDir.resolve("platform.log");
        int postgresPort = freePortRun(1);
        int kafkaPort = freePortRun(2);
        int serviceBase = freePortRun(5);
        int gatewayPort = freePortRun(1);
        int issuerPort = freePortRun(1);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(javaOptions.trim().split("\\s+")));
        command.addAll(List.of(
                "-Daftersales.data-dir=" + dataDir,
                "-Daftersales.postgres-port=" + postgresPort,
                "-Daftersales.kafka-port=" + kafkaPort,
                "-Daftersales.service-port-base=" + serviceBase,
                "-Daftersales.gateway-port=" + gatewayPort,
                "-Daftersales.issuer-port=" + issuerPort,
                // the gateway's per-client limit (30,000/min) protects a shared front desk from one runaway client;
                // the benchmark's clients all share one demo client, so the limit would measure itself, not the path
                "-Daftersales.gateway.rate-limit.enabled=false",
                "-jar", jar.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PlatformProcess platform = new PlatformProcess(process, dataDir, log, postgresPort, gatewayPort, issuerPort,
                serviceBase);
        try {
            long deadline = System.nanoTime() + READY_WITHIN.toNanos();
            while (!Files.readString(log).contains("platform ready")) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the platform exited; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the platform was not ready within " + READY_WITHIN + "; see " + log);
                }
                Thread.sleep(500);
            }
            try (Reader in = Files.newBufferedReader(dataDir.resolve("issuer/clients.properties"))) {
                platform.secrets.load(in);
            }
        } catch (Exception e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    long pid() {
        return process.pid();
    }

    URI gateway(String path) {
        return URI.create("http://localhost:" + gatewayPort + path);
    }

    /** A service's own port, behind the gateway (LocalPlatform: intake, dispatch, parts, quality, revisit in order). */
    URI service(String service, String path) {
        int index = List.of("intake", "dispatch", "parts", "quality", "revisit").indexOf(service);
        if (index < 0) {
            throw new IllegalArgumentException("no service " + service);
        }
        return URI.create("http://localhost:" + (serviceBase + index) + path);
    }

    /** A connection to a service's own database on the platform's PostgreSQL (user postgres, no password, local). */
    Connection database(String service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/" + service, "postgres", "");
    }

    /** client_credentials grant of the platform's issuer for one of the demo clients (one per role). */
    String token(String clientId) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secrets.getProperty(clientId))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + issuerPort
                        + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token for " + clientId + ": " + response.statusCode());
        }
        return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
    }

    @Override
    public void close() throws Exception {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        // a PostgreSQL left behind by a forced stop would hold the data directory and its port
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deleteTree(dataDir);
    }

    /** {@code jcmd <pid> JFR.start|JFR.stop}: a flight recording of the platform's JVM (profile settings). */
    void flightRecording(String action, Path file) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid())));
        if (action.equals("start")) {
            command.addAll(List.of("JFR.start", "name=bench", "settings=profile", "filename=" + file.toAbsolutePath()));
        } else {
            command.addAll(List.of("JFR.stop", "name=bench"));
        }
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + action + ": " + out);
        }
    }

    Path log() {
        return log;
    }

    /** The platform's PostgreSQL port (user postgres, no password, local). */
    int postgresPort() {
        return postgresPort;
    }

    /** The pid of the platform's PostgreSQL postmaster (first line of its data directory's postmaster.pid). */
    long postgresPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).getFirst().trim());
    }

    /** The platform's Kafka broker ({@code localhost:<aftersales.kafka-port>} of its command line). */
    String kafkaBootstrap() {
        String[] arguments = process.info().arguments().orElseThrow(() -> new IllegalStateException(
                "the platform's command line is not readable"));
        for (String argument : arguments) {
            if (argument.startsWith("-Daftersales.kafka-port=")) {
                return "localhost:" + argument.substring(argument.indexOf('=') + 1);
            }
        }
        throw new IllegalStateException("no -Daftersales.kafka-port on the platform's command line");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /*
     * Listening ports come from below Linux's ephemeral range (32768-60999), as in deploy/local's LocalPlatformJarIT:
     * a port the OS hands out for outgoing connections could be taken before the platform binds it.
     */
    private static final int LOW = 20000;
    private static final int HIGH = 32000;
    private static final Set<Integer> TAKEN = new HashSet<>();
    private static final Random RANDOM = new Random();

    /** The first of {@code count} consecutive free ports, none handed out before in this run. */
    private static synchronized int freePortRun(int count) throws IOException {
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
