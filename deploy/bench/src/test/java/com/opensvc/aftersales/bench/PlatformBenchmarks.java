package com.opensvc.aftersales.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 18's P1 and P4 on the packaged platform (deploy/local's jar in its own JVM), each beside the same run's
 * ceiling. On demand only (tag {@code benchmark}); the command and the last figures are in docs/performance.md.
 * <p>
 * Settings (system properties): {@code aftersales.bench.clients} (P1's clients, 8),
 * {@code aftersales.bench.warm-up} (P1, PT20S), {@code aftersales.bench.duration} (P1, PT60S),
 * {@code aftersales.bench.p4.concurrency} (100), {@code aftersales.bench.p4.warm-up} (PT10S),
 * {@code aftersales.bench.p4.duration} (PT30S), {@code aftersales.bench.platform-java-options} (the platform JVM's
 * options, {@code -Xmx2g} like deploy/local/run), {@code aftersales.bench.profile} (false: true records the platform
 * with JDK Flight Recorder during P1's HTTP run into {@code target/bench/p1-gateway.jfr}).
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformBenchmarks {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static PlatformProcess platform;
    private static Path output;
    private static long bootSeconds;

    @BeforeAll
    static void startPlatform() throws Exception {
        output = Path.of(System.getProperty("aftersales.bench.output", "target/bench"));
        Files.createDirectories(output);
        long start = System.nanoTime();
        platform = PlatformProcess.start(Path.of(System.getProperty("aftersales.bench.platform-jar",
                        "../local/target/aftersales-local.jar")), output,
                System.getProperty("aftersales.bench.platform-java-options", "-Xmx2g"));
        bootSeconds = (System.nanoTime() - start) / 1_000_000_000;
        System.out.printf("%nplatform ready in %d s (pid %d, log %s)%n", bootSeconds, platform.pid(), platform.log());
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    @DisplayName("issue 18 P1: registrations per second through the gateway with real tokens ÷ the register transaction's JDBC ceiling, same clients, same run")
    void p1_registrationsAgainstTheJdbcCeiling() throws Exception {
        int clients = Integer.getInteger("aftersales.bench.clients", 8);
        Duration warmUp = Duration.parse(System.getProperty("aftersales.bench.warm-up", "PT20S"));
        Duration duration = Duration.parse(System.getProperty("aftersales.bench.duration", "PT60S"));
        String token = platform.token("front-desk");

        boolean profile = Boolean.getBoolean("aftersales.bench.profile");
        if (profile) {
            platform.flightRecording("start", output.resolve("p1-gateway.jfr"));
        }
        ClosedLoop.Result gateway = ClosedLoop.run(clients, warmUp, duration, Thread.ofVirtual().factory(),
                (client, sequence) -> status(post(platform.gateway("/api/intake/tickets"), registration(sequence), token),
                        201));
        if (profile) {
            platform.flightRecording("stop", output.resolve("p1-gateway.jfr"));
        }
        // diagnostic: the same registrations straight to intake's own port (no gateway hop, the same token)
        ClosedLoop.Result direct = ClosedLoop.run(clients, warmUp, duration, Thread.ofVirtual().factory(),
                (client, sequence) -> status(post(platform.service("intake", "/api/intake/tickets"),
                        registration(sequence + 5_000_000L), token), 201));
        ClosedLoop.Result ceiling = RegisterTransactionCeiling.run(platform, clients, warmUp, duration, false);
        // diagnostic, not the ceiling: the same transaction serialised on one ticket-number row, as intake's is
        ClosedLoop.Result counted = RegisterTransactionCeiling.run(platform, clients, warmUp, duration, true);

        double ratio = gateway.perSecond() / ceiling.perSecond();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "P1 registrations/s %.1f (p50 %.1f ms, p99 %.1f ms) ceiling %.1f tx/s ratio %.3f",
                gateway.perSecond(), gateway.p50Millis(), gateway.p99Millis(), ceiling.perSecond(), ratio));
        lines.add(String.format(Locale.ROOT, "  gateway: %d registered in %s by %d clients after a %s warm-up, errors %s; %s",
                gateway.ok(), duration, clients, warmUp, gateway.errors(), gateway.load()));
        lines.add(String.format(Locale.ROOT, "  diagnostic: straight to intake's port (no gateway hop) %.1f registrations/s, p50 %.1f ms, "
                        + "p99 %.1f ms, errors %s; %s", direct.perSecond(), direct.p50Millis(), direct.p99Millis(),
                direct.errors(), direct.load()));
        lines.add(String.format(Locale.ROOT, "  ceiling: %d register transactions (ticket + outbox insert, outbox delete, commit) in %s "
                        + "by %d JDBC clients on the same PostgreSQL (fsync on), p50 %.2f ms, p99 %.2f ms, errors %s; %s",
                ceiling.ok(), duration, clients, ceiling.p50Millis(), ceiling.p99Millis(), ceiling.errors(), ceiling.load()));
        lines.add(String.format(Locale.ROOT, "  diagnostic: the same transaction taking the next number from one counter row "
                        + "first (as intake did before V22): %.1f tx/s, p50 %.2f ms, p99 %.2f ms, errors %s; %s", counted.perSecond(),
                counted.p50Millis(), counted.p99Millis(), counted.errors(), counted.load()));
        lines.add(String.format(Locale.ROOT, "  platform boot %d s; run %s", bootSeconds, ZonedDateTime.now(ZoneOffset.UTC)));
        report("p1", lines);

        assertThat(gateway.ok()).as("registrations in the window").isPositive();
        assertThat(gateway.errorCount()).as("failed registrations " + gateway.errors()).isZero();
        assertThat(direct.errorCount()).as("failed direct registrations " + direct.errors()).isZero();
        assertThat(ceiling.errorCount()).as("failed ceiling transactions " + ceiling.errors()).isZero();
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    @DisplayName("issue 18 P4 PRT-01: reservations of one hot part by 100 concurrent requests ÷ the same requests uncontended (a part and store each), on parts' API")
    void p4_hotPartAgainstUncontended() throws Exception {
        int concurrency = Integer.getInteger("aftersales.bench.p4.concurrency", 100);
        Duration warmUp = Duration.parse(System.getProperty("aftersales.bench.p4.warm-up", "PT10S"));
        Duration duration = Duration.parse(System.getProperty("aftersales.bench.p4.duration", "PT30S"));
        int openingStock = 10_000_000;
        try (Connection c = platform.database("parts"); Statement s = c.createStatement()) {
            // a store and a part per client (uncontended) and one hot store with one hot part; cheap parts, so every
            // request is below the auto-approval limit and issues at once; each stock row with its opening movement
            // (PRT-02: on hand is the sum of the ledger)
            s.execute("""
                    INSERT INTO part (part_number, description, unit_price, serialised)
                    SELECT 'BENCH-P' || i, 'benchmark part ' || i, 10.00, false FROM generate_series(0, %1$d) i
                    ON CONFLICT DO NOTHING;
                    INSERT INTO location (code, kind, name)
                    SELECT 'BENCH-S' || i, 'STORE', 'benchmark store ' || i FROM generate_series(0, %1$d) i
                    ON CONFLICT DO NOTHING;
                    INSERT INTO stock (location, part_number, on_hand)
                    SELECT 'BENCH-S' || i, 'BENCH-P' || i, %2$d FROM generate_series(0, %1$d) i ON CONFLICT DO NOTHING;
                    INSERT INTO movement (at, part_number, from_location, to_location, quantity, reason, actor, reference)
                    SELECT now(), 'BENCH-P' || i, NULL, 'BENCH-S' || i, %2$d, 'RECEIVED', 'system:benchmark', 'opening'
                      FROM generate_series(0, %1$d) i;
                    """.formatted(concurrency, openingStock));
        }
        String hotStore = "BENCH-S" + concurrency;
        String hotPart = "BENCH-P" + concurrency;
        String token = platform.token("storekeeper");

        ClosedLoop.Result uncontended = reservations(concurrency, warmUp, duration, token,
                client -> new String[] {"BENCH-S" + client, "BENCH-P" + client});
        ClosedLoop.Result hot = reservations(concurrency, warmUp, duration, token,
                client -> new String[] {hotStore, hotPart});

        // the hot part's stock never went negative and equals its ledger (PRT-02)
        long onHand;
        long ledger;
        try (Connection c = platform.database("parts");
             PreparedStatement st = c.prepareStatement("""
                     SELECT (SELECT on_hand FROM stock WHERE location = ? AND part_number = ?),
                            (SELECT coalesce(sum(CASE WHEN to_location = ? THEN quantity ELSE 0 END)
                                           - sum(CASE WHEN from_location = ? THEN quantity ELSE 0 END), 0)
                               FROM movement WHERE part_number = ?)""")) {
            st.setString(1, hotStore);
            st.setString(2, hotPart);
            st.setString(3, hotStore);
            st.setString(4, hotStore);
            st.setString(5, hotPart);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                onHand = rs.getLong(1);
                ledger = rs.getLong(2);
            }
        }
        double ratio = hot.perSecond() / uncontended.perSecond();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "P4 hot-part reservations/s %.1f (p50 %.1f ms, p99 %.1f ms) uncontended %.1f/s "
                        + "(p50 %.1f ms, p99 %.1f ms) ratio %.3f",
                hot.perSecond(), hot.p50Millis(), hot.p99Millis(), uncontended.perSecond(), uncontended.p50Millis(),
                uncontended.p99Millis(), ratio));
        lines.add(String.format(Locale.ROOT, "  hot: %d reservations of %s at %s in %s by %d concurrent requests after a %s warm-up, "
                + "errors %s; %s", hot.ok(), hotPart, hotStore, duration, concurrency, warmUp, hot.errors(), hot.load()));
        lines.add(String.format(Locale.ROOT, "  uncontended: %d reservations, request i at store BENCH-S<i> of part BENCH-P<i>, errors %s; %s",
                uncontended.ok(), uncontended.errors(), uncontended.load()));
        lines.add(String.format(Locale.ROOT, "  hot part after the run: on hand %d, ledger sum %d, opening %d",
                onHand, ledger, openingStock));
        lines.add(String.format(Locale.ROOT, "  run %s", ZonedDateTime.now(ZoneOffset.UTC)));
        report("p4", lines);

        assertThat(hot.ok()).as("hot reservations").isPositive();
        assertThat(hot.errorCount()).as("failed hot reservations " + hot.errors()).isZero();
        assertThat(uncontended.errorCount()).as("failed uncontended reservations " + uncontended.errors()).isZero();
        assertThat(onHand).as("PRT-02 hot part on hand = its ledger").isEqualTo(ledger).isNotNegative();
    }

    /**
     * Reservations on parts' own port with the storekeeper's token (parts checks it itself): P4 measures the service's
     * contention on one store and part; through the gateway, 100 requests queueing behind one lock would meet the
     * gateway's time limit and circuit breaker first (503s), which measure the gateway's protection instead. Worker i
     * reserves at the store and of the part {@code where} names.
     */
    private static ClosedLoop.Result reservations(int concurrency, Duration warmUp, Duration duration, String token,
                                                  IntFunction<String[]> where) throws InterruptedException {
        return ClosedLoop.run(concurrency, warmUp, duration, Thread.ofVirtual().factory(), (client, sequence) -> {
            String[] storeAndPart = where.apply(client);
            String body = """
                    {"workOrderId": "%s", "ticketId": "%s", "technicianId": "bench.tech%d", "fromLocation": "%s",
                     "lines": [{"partNumber": "%s", "quantity": 1}]}""".formatted(UUID.randomUUID(), UUID.randomUUID(),
                    client, storeAndPart[0], storeAndPart[1]);
            return status(post(platform.service("parts", "/api/parts/reservations"), body, token), 201);
        });
    }

    /** A registration as the front desk makes it: a new customer and unit each time (no duplicates to link). */
    private static String registration(long sequence) {
        return """
                {"customer": {"name": "Bench Customer", "phone": "+86 735 %07d", "region": "NORTH"},
                 "productModel": "AC-3200", "productLine": "AIR_CONDITIONER", "serialNumber": "SN-BENCH-%d",
                 "shipDate": "%s", "faultDescription": "Unit does not cool; compressor clicks",
                 "channel": "PHONE", "serviceType": "ON_SITE",
                 "expectedParts": [{"partNumber": "CMP-100", "quantity": 1}]}"""
                .formatted(sequence % 10_000_000, sequence, LocalDate.now(ZoneOffset.UTC).minusDays(40));
    }

    private static HttpResponse<String> post(java.net.URI uri, String body, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String status(HttpResponse<String> response, int expected) {
        return response.statusCode() == expected ? ClosedLoop.OK : "HTTP " + response.statusCode();
    }

    private static void report(String name, List<String> lines) throws Exception {
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        System.out.print(System.lineSeparator() + text);
        Files.writeString(output.resolve(name + ".txt"), text);
    }
}
