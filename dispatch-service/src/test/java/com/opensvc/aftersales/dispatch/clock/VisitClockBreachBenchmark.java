package com.opensvc.aftersales.dispatch.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.dispatch.DispatchServiceTest;

/**
 * Issue 18, DSP-08 / SLA-07 throughput: how many overdue visit clocks one instance of the job breaches per second
 * (each breach: the clock leaves RUNNING, the breach log row, SlaBreached through the outbox, a work-order history
 * line), beside the bare ceiling of the same run: one statement claiming ({@code FOR UPDATE SKIP LOCKED}) and
 * updating as many rows in batches of the job's size, nothing else. Not part of the test run (tag "benchmark"):
 * {@code ./mvnw -pl dispatch-service -am test -Dtest=VisitClockBreachBenchmark -Dtest.excludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@DispatchServiceTest
class VisitClockBreachBenchmark {
    private static final int CLOCKS = Integer.getInteger("bench.clocks", 20_000);
    private static final String TECHNICIAN = "tech.bench-clocks";
    private static final String CEILING_PAYLOAD = """
            {"ticketId":"6f1c5a52-8a7e-4d7e-9a55-2a3f6f1d2b10","workOrderId":"0b6f7d0e-3c1a-4f0b-9d7e-5a4c3b2a1f00",
             "clock":"ARRIVAL","dueAt":"2026-03-02T10:00:00Z","breachedAt":"2026-03-02T10:05:00Z",
             "technicianId":"tech.bench-clocks","escalationLevel":1,
             "notifyRoles":["SERVICE_DIRECTOR","CUSTOMER_MANAGER","REVISIT_AGENT","SUPERVISOR"],
             "actor":"system:visit-clocks","occurredAt":"2026-03-02T10:05:00Z"}""";

    @Autowired
    VisitClockJob job;
    @Autowired
    VisitClockProperties properties;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    @DisplayName("issue 18 DSP-08 SLA-07 visit clocks breached per second ÷ the bare claim-and-update ceiling")
    void breachTwentyThousandOverdueClocks() throws IOException {
        jdbc.sql("""
                INSERT INTO technician (login, name, product_lines, regions, home_store, daily_capacity)
                VALUES (:login, 'Bench Clocks', ARRAY['AIR_CONDITIONER'], ARRAY['BENCH'], 'STORE-BENCH', 100000)
                ON CONFLICT (login) DO NOTHING
                """).param("login", TECHNICIAN).update();
        int batchSize = properties.evaluationBatchSize();
        String loadBefore = loadAverage();

        seed("BENCH-VC-A");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long start = System.nanoTime();
        int breached = job.evaluate(now);
        double jobSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(breached).isEqualTo(CLOCKS);

        seed("BENCH-VC-B");
        long ceilingStart = System.nanoTime();
        int claimed = 0;
        int batch;
        do {
            batch = transactions.execute(tx -> jdbc.sql("""
                    UPDATE visit_clock SET state = 'STOPPED', stopped_at = now(), version = version + 1 WHERE id IN (
                        SELECT id FROM visit_clock WHERE state = 'RUNNING' AND paused_at IS NULL AND due_at <= now()
                        ORDER BY due_at, id LIMIT :batch FOR UPDATE SKIP LOCKED)
                    """).param("batch", batchSize).update());
            claimed += batch;
        } while (batch > 0);
        double ceilingSeconds = (System.nanoTime() - ceilingStart) / 1e9;

        // a second, stricter reference: the same claim-and-update plus the row the job must publish (EVT-01: one
        // outbox row per clock, a payload the size of SlaBreached's, inserted and deleted like OutboxWriter's)
        seed("BENCH-VC-C");
        long outboxStart = System.nanoTime();
        int withOutbox = 0;
        do {
            batch = transactions.execute(tx -> {
                int n = jdbc.sql("""
                        WITH claimed AS (
                            UPDATE visit_clock SET state = 'STOPPED', stopped_at = now(), version = version + 1
                             WHERE id IN (SELECT id FROM visit_clock WHERE state = 'RUNNING' AND paused_at IS NULL
                                          AND due_at <= now() ORDER BY due_at, id LIMIT :batch FOR UPDATE SKIP LOCKED)
                            RETURNING ticket_id)
                        INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, ce_source, ce_specversion,
                                            ce_time, ce_subject)
                        SELECT gen_random_uuid(), 'dispatch.workorder', c.ticket_id::text, 'BenchmarkCeiling.v1',
                               CAST(:payload AS jsonb), 'bench', '1.0', now()::text, c.ticket_id::text
                          FROM claimed c
                        """).param("batch", batchSize).param("payload", CEILING_PAYLOAD).update();
                jdbc.sql("DELETE FROM outbox WHERE type = 'BenchmarkCeiling.v1'").update();
                return n;
            });
            withOutbox += batch;
        } while (batch > 0);
        double outboxSeconds = (System.nanoTime() - outboxStart) / 1e9;

        double rate = breached / jobSeconds;
        double ceiling = claimed / ceilingSeconds;
        String report = """
                Visit-clock breach job (DSP-08, SLA-07), one instance, %,d overdue clocks, batches of %d
                job:     %,d breached in %.2f s (each: state, breach log, SlaBreached via the outbox, a history line)
                ceiling: %,d claimed and updated in %.2f s (one claim-and-update statement per batch, nothing else)
                visit clock breach clocks/s %.0f ceiling %.0f ratio %.2f
                visit clock breach clocks/s %.0f ceiling-with-outbox %.0f ratio %.2f (claim-and-update + 1 outbox row per clock)
                load average before: %s, after: %s (%d cores)
                """.formatted(CLOCKS, batchSize, breached, jobSeconds, claimed, ceilingSeconds, rate, ceiling,
                rate / ceiling, rate, withOutbox / outboxSeconds, rate / (withOutbox / outboxSeconds), loadBefore, loadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.println(report);
        Files.writeString(Path.of("target", "visit-clock-breach-benchmark.txt"), report, StandardCharsets.UTF_8);
    }

    /** {@link #CLOCKS} READY work orders, each with one ARRIVAL clock a day overdue, inserted set-based. */
    private void seed(String prefix) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO work_order (id, ticket_id, ticket_number, service_type, product_line, product_model,
                        region, entitlement, priority, expected_parts, state, technician, created_at, assigned_at)
                    SELECT md5(:prefix || i)::uuid, md5('t' || :prefix || i)::uuid, :prefix || '-' || i, 'ON_SITE',
                           'AIR_CONDITIONER', 'AC-3200', 'BENCH', 'FREE_REPAIR', 'NORMAL', '[]'::jsonb, 'READY', :tech,
                           now() - interval '2 days', now() - interval '2 days'
                    FROM generate_series(1, :n) AS i
                    """).param("prefix", prefix).param("tech", TECHNICIAN).param("n", CLOCKS).update();
            jdbc.sql("""
                    INSERT INTO visit_clock (id, work_order_id, ticket_id, kind, started_at, due_at, state)
                    SELECT md5('c' || :prefix || i)::uuid, md5(:prefix || i)::uuid, md5('t' || :prefix || i)::uuid,
                           'ARRIVAL', now() - interval '2 days', now() - interval '1 day' - (i || ' seconds')::interval,
                           'RUNNING'
                    FROM generate_series(1, :n) AS i
                    """).param("prefix", prefix).param("n", CLOCKS).update();
        });
        jdbc.sql("ANALYZE visit_clock").update();
        jdbc.sql("ANALYZE work_order").update();
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
