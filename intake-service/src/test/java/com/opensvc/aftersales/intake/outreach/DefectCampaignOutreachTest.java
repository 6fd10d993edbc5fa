package com.opensvc.aftersales.intake.outreach;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntakeServiceTest
class DefectCampaignOutreachTest {
    private static final String DEFECTS = "aftersales.quality.defect";
    private static final String DEFECT_DEAD_LETTERS = DEFECTS + ".DLT";
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OutreachWorker worker;
    @Autowired
    OutreachRepository outreach;

    private RestApi api;
    private EventSender sender;
    @ProbeTopics(TICKETS)
    private EventProbe ticketEvents;
    @ProbeTopics(DEFECT_DEAD_LETTERS)
    private EventProbe deadLetters;
    private final String desk = token("desk.li", "FRONT_DESK");
    private final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    @DisplayName("INT-17 QLT-08 a campaign opens one outreach ticket per affected product (model and serial range), "
            + "each due for contact within 24 hours; delivered twice or republished, still one per product")
    void INT17_oneOutreachTicketPerAffectedProduct() {
        String model = "CAMP-" + run;
        UUID buyer = customer("Dealer " + run);
        UUID endUser = customer("End user " + run);
        for (int i = 1; i <= 5; i++) {
            product(buyer, i == 3 ? endUser : null, model, serial("A-00" + i), null);
        }
        product(buyer, null, model, serial("B-001"), null);
        product(buyer, null, "OTHER-" + run, serial("A-003X"), null);
        UUID campaignId = UUID.randomUUID();
        Instant launchedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String event = campaign(campaignId, model, "\"serialFrom\":\"%s\",\"serialTo\":\"%s\"".formatted(serial("A-002"),
                serial("A-004")), launchedAt);

        UUID eventId = UUID.randomUUID();
        sender.send(DEFECTS, null, campaignId.toString(), "DefectCampaignLaunched", "quality-service", event, eventId);
        sender.send(DEFECTS, null, campaignId.toString(), "DefectCampaignLaunched", "quality-service", event, eventId);
        UUID republished = sender.send(DEFECTS, campaignId.toString(), "DefectCampaignLaunched", "quality-service", event);
        awaitCompleted(campaignId);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM processed_event WHERE consumer = 'intake-outreach' AND event_id IN (:a, :b)")
                .param("a", eventId).param("b", republished).query(Long.class).single() == 2);

        List<Map<String, Object>> tickets = jdbc.sql("""
                SELECT t.id, t.serial_number, t.customer_id, t.installed_product_id, t.contact_due_at, p.serial_number AS product_serial
                FROM ticket t JOIN installed_product p ON p.id = t.installed_product_id
                WHERE t.campaign_id = :campaign ORDER BY t.serial_number
                """).param("campaign", campaignId).query().listOfRows();
        assertThat(tickets).extracting(row -> row.get("serial_number"))
                .containsExactly(serial("A-002"), serial("A-003"), serial("A-004"));
        assertThat(tickets).allSatisfy(row -> {
            assertThat(row.get("product_serial")).isEqualTo(row.get("serial_number"));
            Instant due = ((java.sql.Timestamp) row.get("contact_due_at")).toInstant();
            assertThat(due).isEqualTo(launchedAt.plus(Duration.ofHours(24)));
            assertThat(due).isAfter(Instant.now()).isBeforeOrEqualTo(Instant.now().plus(Duration.ofHours(24)));
        });
        assertThat(tickets.get(1).get("customer_id")).as("the end user, when known").isEqualTo(endUser);
        assertThat(tickets.get(0).get("customer_id")).isEqualTo(buyer);

        String id = tickets.get(0).get("id").toString();
        JsonNode ticket = api.get("/api/intake/tickets/" + id, desk).body();
        assertThat(ticket.get("number").asString()).matches("T-\\d{4}-\\d{6}");
        assertThat(ticket.get("kind").asString()).isEqualTo("OUTREACH");
        assertThat(ticket.get("category").asString()).isEqualTo("DEFECT_CAMPAIGN");
        assertThat(ticket.get("channel").asString()).isEqualTo("INTERNAL_REFERRAL");
        assertThat(ticket.get("state").asString()).isEqualTo("REGISTERED");
        assertThat(ticket.get("priority").asString()).isEqualTo("NORMAL");
        assertThat(ticket.get("installedProductId").asString()).isEqualTo(tickets.get(0).get("installed_product_id").toString());
        assertThat(ticket.get("faultDescription").asString()).contains("QC-" + run, "Capacitor C12");
        JsonNode timeline = api.get("/api/intake/tickets/" + id + "/timeline", desk).body();
        assertThat(timeline.get(0).get("type").asString()).isEqualTo("REGISTERED");
        assertThat(timeline.get(0).get("actor").asString()).isEqualTo("qe.sun");

        var numbers = jdbc.sql("SELECT number FROM ticket WHERE campaign_id = :c").param("c", campaignId)
                .query(String.class).list();
        assertThat(numbers).doesNotHaveDuplicates();

        ConsumerRecord<String, String> opened = ticketEvents.awaitType("OutreachTicketsOpened", campaignId.toString(),
                Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(opened, "ce_type"), opened.value())).isEmpty();
        assertThat(JSON.readTree(opened.value()).get("ticketCount").asInt()).isEqualTo(3);
        assertThat(ticketEvents.drain(Duration.ofSeconds(1)))
                .filteredOn(r -> campaignId.toString().equals(r.key())).hasSize(1);
    }

    @Test
    @DisplayName("INT-17 a campaign by factory-date range (a production batch) reaches exactly the products made then")
    void INT17_factoryDateRange() {
        String model = "BATCH-" + run;
        UUID buyer = customer("Buyer " + run);
        product(buyer, null, model, serial("F-1"), LocalDate.parse("2025-10-31"));
        product(buyer, null, model, serial("F-2"), LocalDate.parse("2025-11-01"));
        product(buyer, null, model, serial("F-3"), LocalDate.parse("2025-11-07"));
        product(buyer, null, model, serial("F-4"), LocalDate.parse("2025-11-08"));
        product(buyer, null, model, serial("F-5"), null);
        UUID campaignId = UUID.randomUUID();
        sender.send(DEFECTS, campaignId.toString(), "DefectCampaignLaunched", "quality-service", campaign(campaignId,
                model, "\"factoryDateFrom\":\"2025-11-01\",\"factoryDateTo\":\"2025-11-07\",\"contactWithinHours\":48",
                Instant.now()));
        awaitCompleted(campaignId);

        assertThat(jdbc.sql("SELECT serial_number FROM ticket WHERE campaign_id = :c ORDER BY serial_number")
                .param("c", campaignId).query(String.class).list()).containsExactly(serial("F-2"), serial("F-3"));
    }

    @Test
    @DisplayName("INT-17 EVT-04 tickets are created in batches; a failed batch is redone and nothing is created twice")
    void INT17_batchesResumeAfterAFailure() {
        String model = "RESUME-" + run;
        UUID buyer = customer("Buyer " + run);
        for (int i = 1; i <= 5; i++) {
            product(buyer, null, model, serial("R-" + i), null);
        }
        DefectCampaign campaign = new DefectCampaign(UUID.randomUUID(), null, model, serial("R-1"), serial("R-9"), null,
                null, "Loose terminal", null, Instant.now(), Instant.now().plus(Duration.ofHours(24)), "qe.sun");

        int[] firstBatch = new int[2];
        transactions.executeWithoutResult(tx -> {
            // received "long ago", so this worker claims it before any other open campaign
            outreach.record(campaign, UUID.randomUUID(), Instant.parse("2000-01-01T00:00:00Z"));
            assertThat(worker.nextBatch(2)).isTrue();
            var progress = outreach.progress(campaign.campaignId()).orElseThrow();
            firstBatch[0] = progress.ticketsCreated();
            firstBatch[1] = progress.completedAt() == null ? 0 : 1;
        });
        assertThat(firstBatch).containsExactly(2, 0);
        try {
            transactions.executeWithoutResult(tx -> {
                worker.nextBatch(2);
                throw new IllegalStateException("crash in the middle of a batch");
            });
        } catch (IllegalStateException | org.springframework.dao.DataAccessException expected) {
            // rolled back
        }
        awaitCompleted(campaign.campaignId());

        assertThat(jdbc.sql("SELECT serial_number FROM ticket WHERE campaign_id = :c ORDER BY serial_number")
                .param("c", campaign.campaignId()).query(String.class).list())
                .containsExactly(serial("R-1"), serial("R-2"), serial("R-3"), serial("R-4"), serial("R-5"));
        assertThat(outreach.progress(campaign.campaignId()).orElseThrow().ticketsCreated()).isEqualTo(5);
    }

    @Test
    @DisplayName("INT-17 the desk lists outreach tickets due for contact, overdue first, by campaign and overdue only")
    void INT17_outreachListOverdueFirst() {
        String model = "LIST-" + run;
        UUID buyer = customer("Buyer " + run);
        for (int i = 1; i <= 3; i++) {
            product(buyer, null, model, serial("L-" + i), null);
        }
        UUID overdueCampaign = UUID.randomUUID();
        UUID freshCampaign = UUID.randomUUID();
        sender.send(DEFECTS, overdueCampaign.toString(), "DefectCampaignLaunched", "quality-service",
                campaign(overdueCampaign, model, "\"serialFrom\":\"%s\",\"serialTo\":\"%s\"".formatted(serial("L-1"),
                        serial("L-2")), Instant.now().minus(Duration.ofDays(2))));
        sender.send(DEFECTS, freshCampaign.toString(), "DefectCampaignLaunched", "quality-service",
                campaign(freshCampaign, model, "\"serialFrom\":\"%s\"".formatted(serial("L-1")), Instant.now()));
        awaitCompleted(overdueCampaign);
        awaitCompleted(freshCampaign);

        var overdue = api.get("/api/intake/outreach?campaignId=" + overdueCampaign + "&overdue=true&size=10", desk);
        assertThat(overdue.status()).isEqualTo(200);
        assertThat(overdue.body().get("totalItems").asLong()).isEqualTo(2);
        assertThat(overdue.body().get("items").valueStream().map(i -> i.get("overdue").asBoolean())).containsOnly(true);
        assertThat(api.get("/api/intake/outreach?campaignId=" + freshCampaign + "&overdue=true", desk)
                .body().get("totalItems").asLong()).isZero();
        var fresh = api.get("/api/intake/outreach?campaignId=" + freshCampaign + "&page=1&size=2", desk);
        assertThat(fresh.body().get("totalItems").asLong()).isEqualTo(3);
        assertThat(fresh.body().get("items").size()).isEqualTo(1);

        List<JsonNode> all = api.get("/api/intake/outreach?size=200", token("qe.sun", "QUALITY")).body().get("items")
                .valueStream().toList();
        List<Instant> due = all.stream().map(i -> Instant.parse(i.get("contactDueAt").asString())).toList();
        assertThat(due).isSorted();
        int lastOverdue = indexOfLast(all, overdueCampaign);
        int firstFresh = all.stream().map(i -> i.get("campaignId").asString()).toList().indexOf(freshCampaign.toString());
        assertThat(lastOverdue).isNotNegative();
        if (firstFresh >= 0) {
            assertThat(lastOverdue).isLessThan(firstFresh);
        }

        var badSize = api.get("/api/intake/outreach?size=0", desk);
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.body().toString()).contains("size");
        assertThat(api.get("/api/intake/outreach?campaignId=nope", desk).status()).isEqualTo(400);
        assertThat(api.get("/api/intake/outreach", token("tech.north", "TECHNICIAN")).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("INT-17 EVT-05 a campaign naming no range is malformed: dead-lettered, no tickets")
    void INT17_malformedCampaignGoesToDeadLetters() {
        UUID campaignId = UUID.randomUUID();
        String noRange = """
                {"campaignId":"%s","productModel":"AC-3200","description":"every unit","actor":"qe.sun",
                 "occurredAt":"%s"}""".formatted(campaignId, Instant.now());
        sender.send(DEFECTS, campaignId.toString(), "DefectCampaignLaunched", "quality-service", noRange);

        ConsumerRecord<String, String> dead = deadLetters.await(r -> campaignId.toString().equals(r.key())
                && "intake-outreach".equals(EventProbe.header(r, "kafka_dlt-original-consumer-group")), Duration.ofSeconds(30));
        assertThat(EventProbe.header(dead, "kafka_dlt-exception-message")).contains("range");
        assertThat(outreach.progress(campaignId)).isEmpty();
    }

    private static int indexOfLast(List<JsonNode> items, UUID campaignId) {
        int last = -1;
        for (int i = 0; i < items.size(); i++) {
            if (campaignId.toString().equals(items.get(i).get("campaignId").asString())) {
                last = i;
            }
        }
        return last;
    }

    private void awaitCompleted(UUID campaignId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> outreach.progress(campaignId)
                .map(p -> p.completedAt() != null).orElse(false));
    }

    private String campaign(UUID campaignId, String model, String range, Instant occurredAt) {
        return """
                {"campaignId":"%s","campaignNumber":"QC-%s","productModel":"%s",%s,
                 "description":"Capacitor C12 of the outdoor unit may overheat","actionToTake":"Replace capacitor C12",
                 "actor":"qe.sun","occurredAt":"%s"}""".formatted(campaignId, run, model, range, occurredAt);
    }

    private String serial(String suffix) {
        return run + "-" + suffix;
    }

    private UUID customer(String name) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO customer (id, name, region, created_at, created_by, updated_at, updated_by)
                VALUES (:id, :name, 'NORTH', :now, 'test', :now, 'test')
                """).param("id", id).param("name", name).param("now", now).update();
        jdbc.sql("""
                INSERT INTO customer_contact (id, customer_id, name, phone, phone_key, is_primary, position)
                VALUES (:contact, :id, :name, '+86 735 2220000', '7352220000', true, 0)
                """).param("contact", UUID.randomUUID()).param("id", id).param("name", name).update();
        return id;
    }

    private void product(UUID customer, UUID endUser, String model, String serial, LocalDate factoryDate) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO installed_product (id, customer_id, end_user_customer_id, product_model, product_line,
                    serial_number, factory_date, ship_date, created_at, created_by, updated_at, updated_by)
                VALUES (:id, :customer, :endUser, :model, 'AIR_CONDITIONER', :serial, :factory, DATE '2025-12-01',
                    :now, 'test', :now, 'test')
                """).param("id", UUID.randomUUID()).param("customer", customer).param("endUser", endUser)
                .param("model", model).param("serial", serial).param("factory", factoryDate).param("now", now).update();
    }
}
