package com.opensvc.aftersales.intake.benchmark;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.caller.CallerLookupService;
import com.opensvc.aftersales.intake.customer.PhoneKey;
import com.opensvc.aftersales.testkit.RestApi;

/**
 * INT-24 at scale: caller lookup with 1,000,000 customers (each with a contact and an installed product), 100,000
 * tickets and 50,000 closed repairs on their timelines. Not part of the test run (tag "benchmark"); run it with
 * {@code ./mvnw -pl intake-service -am install -DskipTests && ./mvnw -pl intake-service test -Dtest=CallerLookupBenchmark -Dtest.excludedGroups=none}.
 * <p>
 * Reports, from the same run: the lookup through the REST API (JSON, security, HTTP on loopback), the lookup in
 * the service alone, the ceiling (the one indexed query that finds the customer by phone key), and the query
 * plans. Written to {@code target/caller-lookup-benchmark.txt}.
 */
@Tag("benchmark")
@IntakeServiceTest
class CallerLookupBenchmark {
    private static final int CUSTOMERS = 1_000_000;
    private static final int WARMUP = 300;
    private static final int LOOKUPS = 2_000;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CallerLookupService lookups;
    @LocalServerPort
    int port;

    @Test
    void callerLookupWithOneMillionCustomers() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        long seedMs = (System.nanoTime() - seedStart) / 1_000_000;
        RestApi api = new RestApi(port);
        String desk = token("desk.bench", "FRONT_DESK");
        SplittableRandom random = new SplittableRandom(42);

        for (int i = 0; i < WARMUP; i++) {
            String phone = phone(random.nextInt(CUSTOMERS));
            lookups.lookup(phone);
            api.post("/api/intake/caller-lookup", Map.of("phone", phone), desk);
            jdbc.sql("SELECT customer_id FROM customer_contact WHERE phone_key = :k").param("k", PhoneKey.of(phone))
                    .query(Object.class).list();
        }
        long[] http = new long[LOOKUPS];
        long[] service = new long[LOOKUPS];
        long[] ceiling = new long[LOOKUPS];
        long httpStart = System.nanoTime();
        for (int i = 0; i < LOOKUPS; i++) {
            String phone = phone(random.nextInt(CUSTOMERS));
            long t0 = System.nanoTime();
            var response = api.post("/api/intake/caller-lookup", Map.of("phone", phone), desk);
            http[i] = System.nanoTime() - t0;
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().get("customers")).hasSize(1);
        }
        long httpTotal = System.nanoTime() - httpStart;
        for (int i = 0; i < LOOKUPS; i++) {
            String phone = phone(random.nextInt(CUSTOMERS));
            long t0 = System.nanoTime();
            lookups.lookup(phone);
            service[i] = System.nanoTime() - t0;
        }
        for (int i = 0; i < LOOKUPS; i++) {
            String key = PhoneKey.of(phone(random.nextInt(CUSTOMERS)));
            long t0 = System.nanoTime();
            jdbc.sql("SELECT customer_id FROM customer_contact WHERE phone_key = :k").param("k", key).query(Object.class).list();
            ceiling[i] = System.nanoTime() - t0;
        }

        int sample = 123_460; // has a ticket and a closed repair (every 10th and 20th customer)
        String report = """
                Caller lookup (INT-24), %,d customers, %,d contacts, %,d installed products, %,d tickets, %,d timeline events
                seeded in %,d ms; %d sequential lookups each, random existing numbers, after %d warm-up lookups

                                                  p50 ms   p95 ms   p99 ms   max ms
                REST API (HTTP+JWT+JSON)         %7.2f  %7.2f  %7.2f  %7.2f   throughput %.0f lookups/s (1 client)
                CallerLookupService              %7.2f  %7.2f  %7.2f  %7.2f
                ceiling: indexed phone_key query %7.2f  %7.2f  %7.2f  %7.2f
                ratio service p50 / ceiling p50: %.1f

                Query plans for one caller (customer %d):
                %s
                """.formatted(count("customer"), count("customer_contact"), count("installed_product"), count("ticket"),
                count("timeline_event"), seedMs, LOOKUPS, WARMUP,
                ms(http, 50), ms(http, 95), ms(http, 99), ms(http, 100), LOOKUPS / (httpTotal / 1e9),
                ms(service, 50), ms(service, 95), ms(service, 99), ms(service, 100),
                ms(ceiling, 50), ms(ceiling, 95), ms(ceiling, 99), ms(ceiling, 100),
                ms(service, 50) / ms(ceiling, 50), sample, plans(sample));
        System.out.println(report);
        Files.writeString(Path.of("target", "caller-lookup-benchmark.txt"), report, StandardCharsets.UTF_8);
    }

    private static String phone(int i) {
        return "+86 139%08d".formatted(i);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private void seed() {
        if (count("customer") >= CUSTOMERS) {
            return;
        }
        String batch = "SELECT i FROM generate_series(:from, :to) AS i";
        for (int from = 0; from < CUSTOMERS; from += 100_000) {
            int to = from + 99_999;
            jdbc.sql("""
                    INSERT INTO customer (id, name, region, customer_class, created_at, created_by, updated_at, updated_by)
                    SELECT md5('c' || i)::uuid, 'Bench customer ' || i, CASE i % 3 WHEN 0 THEN 'NORTH' WHEN 1 THEN 'SOUTH' ELSE 'EAST' END,
                           'C', now(), 'bench', now(), 'bench' FROM (""" + batch + ") s")
                    .param("from", from).param("to", to).update();
            jdbc.sql("""
                    INSERT INTO customer_contact (id, customer_id, name, phone, phone_key, is_primary, position)
                    SELECT md5('k' || i)::uuid, md5('c' || i)::uuid, 'Contact ' || i, '+86 139' || lpad(i::text, 8, '0'),
                           right('86139' || lpad(i::text, 8, '0'), 10), true, 0 FROM (""" + batch + ") s")
                    .param("from", from).param("to", to).update();
            jdbc.sql("""
                    INSERT INTO installed_product (id, customer_id, product_model, product_line, serial_number, ship_date,
                        created_at, created_by, updated_at, updated_by)
                    SELECT md5('p' || i)::uuid, md5('c' || i)::uuid, 'AC-3200', 'AIR_CONDITIONER', 'BENCH-' || i,
                           date '2024-01-01' + (i % 700), now(), 'bench', now(), 'bench' FROM (""" + batch + ") s")
                    .param("from", from).param("to", to).update();
            jdbc.sql("""
                    INSERT INTO ticket (id, number, customer_id, installed_product_id, product_model, product_line,
                        serial_number, reported_on, fault_description, channel, service_type, priority, state,
                        quality_must_report, created_at, created_by, updated_at)
                    SELECT md5('t' || i)::uuid, 'T-1999-' || lpad((i / 10)::text, 6, '0'), md5('c' || i)::uuid,
                           md5('p' || i)::uuid, 'AC-3200', 'AIR_CONDITIONER', 'BENCH-' || i, date '2025-06-01',
                           'Unit does not cool', 'PHONE', 'ON_SITE', 'NORMAL',
                           CASE WHEN i % 20 = 0 THEN 'CLOSED' ELSE 'REGISTERED' END, false, now() - (i % 500) * interval '1 day',
                           'bench', now()
                    FROM (""" + batch + ") s WHERE i % 10 = 0")
                    .param("from", from).param("to", to).update();
            jdbc.sql("""
                    INSERT INTO timeline_event (event_id, ticket_id, at, actor, source, event_type, payload)
                    SELECT md5('e' || i)::uuid, md5('t' || i)::uuid, now(), 'tech.north', 'dispatch-service', 'RepairClosed',
                           jsonb_build_object('ticketId', md5('t' || i)::uuid, 'workOrderId', md5('w' || i)::uuid,
                               'technicianId', 'tech.north', 'causeCode', 'CMP-SEIZED', 'actions', 'replaced compressor',
                               'partsUsed', jsonb_build_array(jsonb_build_object('partNumber', 'CMP-100', 'quantity', 1)))
                    FROM (""" + batch + ") s WHERE i % 20 = 0")
                    .param("from", from).param("to", to).update();
        }
        jdbc.sql("ANALYZE").update();
    }

    /** EXPLAIN ANALYZE of each query the lookup runs, for the closing note. */
    private String plans(int i) {
        String key = PhoneKey.of(phone(i));
        StringBuilder out = new StringBuilder();
        for (String sql : List.of(
                "SELECT c.* FROM customer c WHERE c.deleted_at IS NULL AND c.id IN (SELECT customer_id FROM customer_contact WHERE phone_key = '" + key + "') ORDER BY c.name, c.id LIMIT 20",
                "SELECT * FROM installed_product WHERE customer_id = md5('c" + i + "')::uuid UNION SELECT * FROM installed_product WHERE end_user_customer_id = md5('c" + i + "')::uuid ORDER BY created_at DESC LIMIT 100",
                "SELECT * FROM (SELECT id, created_at FROM ticket WHERE customer_id = md5('c" + i + "')::uuid UNION SELECT id, created_at FROM ticket WHERE installed_product_id = ANY(ARRAY[md5('p" + i + "')::uuid])) t ORDER BY created_at DESC LIMIT 200",
                "SELECT e.ticket_id, e.payload FROM timeline_event e WHERE e.ticket_id = ANY(ARRAY[md5('t" + i + "')::uuid]) AND e.event_type = 'RepairClosed' ORDER BY e.at DESC")) {
            out.append("\n").append(sql).append("\n");
            jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql).query(String.class).list()
                    .forEach(line -> out.append("    ").append(line).append("\n"));
        }
        return out.toString();
    }

    private static double ms(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1));
        return sorted[index] / 1e6;
    }
}
