package com.opensvc.aftersales.intake.benchmark;

import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.outreach.OutreachProperties;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.RestApi;
import com.opensvc.aftersales.testkit.SharedInfrastructure;

/**
 * INT-17 at scale: a defect campaign affecting 100,000 installed products, from the DefectCampaignLaunched event on
 * Kafka to the last outreach ticket committed. Not part of the test run (tag "benchmark"); run it with
 * {@code ./mvnw -pl intake-service -am verify -Dtest=OutreachCampaignBenchmark -Dtest.excludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}. Also measures how long a desk registration takes while the campaign's
 * batches hold the year's ticket-number counter.
 */
@Tag("benchmark")
@IntakeServiceTest
class OutreachCampaignBenchmark {
    private static final String DEFECTS = "aftersales.quality.defect";
    private static final int PRODUCTS = 100_000;
    private static final int CUSTOMERS = 2_000;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutreachProperties properties;
    @LocalServerPort
    int port;

    @Test
    void outreachForHundredThousandProducts() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String model = "BENCH-" + run;
        long seedStart = System.nanoTime();
        jdbc.sql("""
                INSERT INTO customer (id, name, region, created_at, created_by, updated_at, updated_by)
                SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Bench customer ' || g, 'NORTH',
                       now(), 'bench', now(), 'bench'
                FROM generate_series(1, :n) g ON CONFLICT DO NOTHING
                """).param("n", CUSTOMERS).update();
        jdbc.sql("""
                INSERT INTO customer_contact (id, customer_id, name, phone, phone_key, is_primary, position)
                SELECT gen_random_uuid(), c.id, c.name, '+86 735 0000000', '7350000000', true, 0
                FROM customer c WHERE c.created_by = 'bench'
                  AND NOT EXISTS (SELECT 1 FROM customer_contact cc WHERE cc.customer_id = c.id)
                """).update();
        jdbc.sql("""
                INSERT INTO installed_product (id, customer_id, product_model, product_line, serial_number, factory_date,
                    ship_date, created_at, created_by, updated_at, updated_by)
                SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(1 + g % :customers), 12, '0'))::uuid,
                       :model, 'AIR_CONDITIONER', :model || '-' || lpad(g::text, 7, '0'), DATE '2025-01-01' + (g % 300),
                       DATE '2025-12-01', now(), 'bench', now(), 'bench'
                FROM generate_series(1, :n) g
                """).param("customers", CUSTOMERS).param("model", model).param("n", PRODUCTS).update();
        // a few products outside the range and of another model, which must get nothing
        jdbc.sql("""
                INSERT INTO installed_product (id, customer_id, product_model, product_line, serial_number, ship_date,
                    created_at, created_by, updated_at, updated_by)
                SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000001'::uuid, :model, 'AIR_CONDITIONER',
                       :model || '-Z' || g, DATE '2025-12-01', now(), 'bench', now(), 'bench'
                FROM generate_series(1, 100) g
                """).param("model", model).update();
        jdbc.sql("ANALYZE installed_product").update();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        UUID campaignId = UUID.randomUUID();
        String event = """
                {"campaignId":"%s","campaignNumber":"QC-BENCH-%s","productModel":"%s","serialFrom":"%s","serialTo":"%s",
                 "description":"Capacitor C12 may overheat","actionToTake":"Replace C12","actor":"qe.sun","occurredAt":"%s"}"""
                .formatted(campaignId, run, model, model + "-0000001", model + "-9999999", Instant.now());
        RestApi api = new RestApi(port);
        String desk = token("desk.li", "FRONT_DESK");
        List<Long> registrationMillis = new ArrayList<>();
        long start;
        try (EventSender sender = new EventSender(SharedInfrastructure.get().bootstrapServers())) {
            start = System.nanoTime();
            sender.send(DEFECTS, campaignId.toString(), "DefectCampaignLaunched", "quality-service", event);
        }
        Instant completedAt = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        int registrations = 0;
        while (completedAt == null) {
            assertThat(System.nanoTime()).as("campaign not done within 15 minutes").isLessThan(deadline);
            if (registrations < 10) {
                long t0 = System.nanoTime();
                var response = api.post("/api/intake/tickets", phoneTicket("SN-BENCH-" + UUID.randomUUID(),
                        LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()), desk);
                assertThat(response.status()).isEqualTo(201);
                registrationMillis.add((System.nanoTime() - t0) / 1_000_000);
                registrations++;
            }
            Thread.sleep(100);
            completedAt = jdbc.sql("SELECT completed_at FROM defect_campaign WHERE campaign_id = :id")
                    .param("id", campaignId).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant)
                    .orElse(null);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long tickets = jdbc.sql("SELECT count(*) FROM ticket WHERE campaign_id = :id").param("id", campaignId)
                .query(Long.class).single();
        long history = jdbc.sql("""
                SELECT count(*) FROM ticket_history h JOIN ticket t ON t.id = h.ticket_id WHERE t.campaign_id = :id
                """).param("id", campaignId).query(Long.class).single();
        long distinctNumbers = jdbc.sql("SELECT count(DISTINCT number) FROM ticket WHERE campaign_id = :id")
                .param("id", campaignId).query(Long.class).single();
        assertThat(tickets).isEqualTo(PRODUCTS);
        assertThat(history).isEqualTo(PRODUCTS);
        assertThat(distinctNumbers).isEqualTo(PRODUCTS);

        String report = """
                Outreach campaign benchmark (%s, %d cores, JDK %s)
                seeded %d installed products (+100 outside the range) for %d customers in %.1f s
                campaign event sent → %d outreach tickets (+ %d history rows) committed: %.1f s (%.0f tickets/s), batch size %d
                desk registrations while the campaign ran: %s ms
                """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                PRODUCTS, CUSTOMERS, seedSeconds, tickets, history, seconds, tickets / seconds, properties.batchSize(),
                registrationMillis);
        System.out.println(report);
        Files.writeString(Path.of("target", "outreach-campaign-benchmark.txt"), report, StandardCharsets.UTF_8);
    }
}
