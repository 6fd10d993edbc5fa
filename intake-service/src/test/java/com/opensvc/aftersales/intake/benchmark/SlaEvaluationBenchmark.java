package com.opensvc.aftersales.intake.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.sla.SlaEvaluationJob;
import com.opensvc.aftersales.intake.sla.SlaProperties;

/**
 * SLA-07 throughput: how many due clocks one instance of the evaluation job breaches per second (each breach: row
 * update, two timeline rows, SlaBreached and TicketEscalated through the outbox, in batches of
 * {@code aftersales.intake.sla.batch-size} per transaction, set-based since issue 18).
 * Not part of the test run (tag "benchmark"); run it with
 * {@code ./mvnw -pl intake-service -am test -Dtest=SlaEvaluationBenchmark -Dtest.excludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false} (docs/performance.md, "Breach jobs").
 * <p>
 * The ceiling beside it, from the same run: the same claim ({@code FOR UPDATE SKIP LOCKED}) and state update on as
 * many rows with nothing else done — what the database allows before any of the job's own work.
 */
@Tag("benchmark")
@IntakeServiceTest
class SlaEvaluationBenchmark {
    private static final int CLOCKS = 20_000;
    private static final int OPEN_NOT_DUE = 100_000;
    private static final String CEILING_PAYLOAD = """
            {"ticketId":"6f1c5a52-8a7e-4d7e-9a55-2a3f6f1d2b10","ticketNumber":"T-1998-000001","clock":"OPINION",
             "dueAt":"2026-03-02T10:00:00Z","breachedAt":"2026-03-02T10:05:00Z","escalationLevel":1,
             "notifyRoles":["SERVICE_DIRECTOR","CUSTOMER_MANAGER","REVISIT_AGENT"],"actor":"system:sla",
             "occurredAt":"2026-03-02T10:05:00Z"}""";

    @Autowired
    SlaEvaluationJob job;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SlaProperties properties;

    @Test
    void evaluateTwentyThousandDueClocks() throws Exception {
        seedFuture("BENCH-SLA-F", 40_000, OPEN_NOT_DUE);
        long passStart = System.nanoTime();
        int passes = 20;
        for (int i = 0; i < passes; i++) {
            job.evaluate(Instant.now());
        }
        double passMs = (System.nanoTime() - passStart) / 1e6 / passes;

        String loadBefore = loadAverage();
        seed("BENCH-SLA-A", 0);
        Instant now = Instant.now();
        long start = System.nanoTime();
        int breached = job.evaluate(now);
        double jobSeconds = (System.nanoTime() - start) / 1e9;

        seed("BENCH-SLA-B", CLOCKS);
        long ceilingStart = System.nanoTime();
        int claimed = 0;
        int batch;
        do {
            batch = transactions.execute(tx -> jdbc.sql("""
                    UPDATE sla_clock SET state = 'STOPPED' WHERE id IN (
                        SELECT id FROM sla_clock WHERE state = 'RUNNING' AND due_at <= now()
                        ORDER BY due_at LIMIT :batch FOR UPDATE SKIP LOCKED)
                    """).param("batch", properties.batchSize()).update());
            claimed += batch;
        } while (batch > 0);
        double ceilingSeconds = (System.nanoTime() - ceilingStart) / 1e9;

        // a second, stricter reference: the same claim-and-update plus the rows the job must publish (EVT-01: two
        // outbox rows per clock, a payload the size of SlaBreached's, inserted and deleted like OutboxWriter's)
        seed("BENCH-SLA-C", 2 * CLOCKS);
        long outboxStart = System.nanoTime();
        int withOutbox = 0;
        do {
            batch = transactions.execute(tx -> {
                int n = jdbc.sql("""
                        WITH claimed AS (
                            UPDATE sla_clock SET state = 'STOPPED' WHERE id IN (
                                SELECT id FROM sla_clock WHERE state = 'RUNNING' AND due_at <= now()
                                ORDER BY due_at LIMIT :batch FOR UPDATE SKIP LOCKED)
                            RETURNING ticket_id)
                        INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, ce_source, ce_specversion,
                                            ce_time, ce_subject)
                        SELECT gen_random_uuid(), 'intake.ticket', c.ticket_id::text, 'BenchmarkCeiling.v1',
                               CAST(:payload AS jsonb), 'bench', '1.0', now()::text, c.ticket_id::text
                          FROM claimed c CROSS JOIN generate_series(1, 2)
                        """).param("batch", properties.batchSize()).param("payload", CEILING_PAYLOAD).update();
                jdbc.sql("DELETE FROM outbox WHERE type = 'BenchmarkCeiling.v1'").update();
                return n / 2;
            });
            withOutbox += batch;
        } while (batch > 0);
        double outboxSeconds = (System.nanoTime() - outboxStart) / 1e9;

        String report = """
                SLA evaluation (SLA-07), one instance
                a pass over %,d open clocks none of which is due: %.2f ms (the due-time index finds nothing; cost does not grow with them)
                %,d due clocks, batches of %d
                job:     %,d breached in %.2f s = %,.0f clocks/s (each: SlaBreached + TicketEscalated via the outbox, 2 timeline rows)
                ceiling: %,d claimed and updated in %.2f s = %,.0f clocks/s (claim + state update only)
                job / ceiling: %.2f
                SLA breach clocks/s %.0f ceiling %.0f ratio %.2f
                SLA breach clocks/s %.0f ceiling-with-outbox %.0f ratio %.2f (claim-and-update + 2 outbox rows per clock)
                load average before: %s, after: %s (%d cores)
                """.formatted(OPEN_NOT_DUE, passMs, CLOCKS, properties.batchSize(), breached, jobSeconds, breached / jobSeconds, claimed, ceilingSeconds,
                claimed / ceilingSeconds, (breached / jobSeconds) / (claimed / ceilingSeconds), breached / jobSeconds,
                claimed / ceilingSeconds, (breached / jobSeconds) / (claimed / ceilingSeconds), breached / jobSeconds,
                withOutbox / outboxSeconds, (breached / jobSeconds) / (withOutbox / outboxSeconds), loadBefore, loadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.println(report);
        Files.writeString(Path.of("target", "sla-evaluation-benchmark.txt"), report, StandardCharsets.UTF_8);
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Tickets with one clock each that falls due next week. */
    private void seedFuture(String prefix, int offset, int count) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO customer (id, name, region, customer_class, created_at, created_by, updated_at, updated_by)
                    VALUES (md5(:prefix)::uuid, 'Bench SLA', 'NORTH', 'C', now(), 'bench', now(), 'bench') ON CONFLICT DO NOTHING
                    """).param("prefix", prefix).update();
            jdbc.sql("""
                    INSERT INTO ticket (id, number, customer_id, product_model, reported_on, fault_description, channel,
                        service_type, priority, state, quality_must_report, created_at, created_by, updated_at)
                    SELECT md5(:prefix || i)::uuid, 'T-1997-' || lpad(i::text, 6, '0'), md5(:prefix)::uuid,
                           'AC-3200', current_date, 'x', 'PHONE', 'REMOTE', 'NORMAL', 'REGISTERED', false, now(), 'bench', now()
                    FROM generate_series(1, :n) AS i
                    """).param("prefix", prefix).param("n", count).update();
            jdbc.sql("""
                    INSERT INTO sla_clock (id, ticket_id, kind, calendar, state, started_at, due_at, remind_at)
                    SELECT md5('c' || :prefix || i)::uuid, md5(:prefix || i)::uuid, 'OPINION', 'around-the-clock', 'RUNNING',
                           now(), now() + interval '7 days' + (i || ' seconds')::interval,
                           now() + interval '6 days' + (i || ' seconds')::interval
                    FROM generate_series(1, :n) AS i
                    """).param("prefix", prefix).param("n", count).update();
        });
        jdbc.sql("ANALYZE sla_clock").update();
    }

    /** Tickets with one overdue clock each, inserted set-based. */
    private void seed(String prefix, int offset) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO customer (id, name, region, customer_class, created_at, created_by, updated_at, updated_by)
                    VALUES (md5(:prefix)::uuid, 'Bench SLA', 'NORTH', 'C', now(), 'bench', now(), 'bench') ON CONFLICT DO NOTHING
                    """).param("prefix", prefix).update();
            jdbc.sql("""
                    INSERT INTO ticket (id, number, customer_id, product_model, reported_on, fault_description, channel,
                        service_type, priority, state, quality_must_report, created_at, created_by, updated_at)
                    SELECT md5(:prefix || i)::uuid, 'T-1998-' || lpad((i + :offset)::text, 6, '0'), md5(:prefix)::uuid,
                           'AC-3200', current_date, 'x', 'PHONE', 'REMOTE', 'NORMAL', 'REGISTERED', false, now(), 'bench', now()
                    FROM generate_series(1, :n) AS i
                    """).param("prefix", prefix).param("offset", offset).param("n", CLOCKS).update();
            jdbc.sql("""
                    INSERT INTO sla_clock (id, ticket_id, kind, calendar, state, started_at, due_at)
                    SELECT md5('c' || :prefix || i)::uuid, md5(:prefix || i)::uuid, 'OPINION', 'around-the-clock', 'RUNNING',
                           now() - interval '2 days', now() - interval '1 day' - (i || ' seconds')::interval
                    FROM generate_series(1, :n) AS i
                    """).param("prefix", prefix).param("n", CLOCKS).update();
        });
        jdbc.sql("ANALYZE sla_clock").update();
    }
}
