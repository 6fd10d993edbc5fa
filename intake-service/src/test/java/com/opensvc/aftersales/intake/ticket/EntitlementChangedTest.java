package com.opensvc.aftersales.intake.ticket;

import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.intake.Tickets.today;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * INT-07: an entitlement change after acceptance publishes EntitlementChanged; a change to PAID without an approved
 * quote puts the ticket in AWAITING_QUOTE (SLA-05: its clocks pause) until the quote flow (INT-08) approves a quote —
 * QuoteApproved, and the ticket goes back to work without a second TicketAccepted — or the customer declines.
 */
@IntakeServiceTest
class EntitlementChangedTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RestApi api;
    private EventSender sender;
    @ProbeTopics("aftersales.intake.ticket")
    private EventProbe ticketEvents;
    private final String desk = token("desk.li", "FRONT_DESK");
    private final String supervisor = token("sup.wang", "SUPERVISOR");
    private final String manager = token("mgr.zhao", "MANAGER");
    private final String technician = token("tech.north", "TECHNICIAN");

    @BeforeEach
    void prices() {
        assertThat(api.put("/api/intake/prices/parts/EC-CMP-100", Map.of("description", "Compressor 3200",
                "cataloguePrice", new BigDecimal("1800.00"), "costPrice", new BigDecimal("1200.00")),
                token("store.liu", "STOREKEEPER"), Map.of()).status()).isEqualTo(200);
        assertThat(api.put("/api/intake/prices/labour/EC-STD", Map.of("description", "Standard repair labour",
                "hourlyRate", new BigDecimal("120.00")), token("fin.chen", "FINANCE"), Map.of()).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("INT-07 INT-08 SLA-05 override to PAID in service: EntitlementChanged(quoteRequired), AWAITING_QUOTE with clocks paused; "
            + "the approved quote publishes QuoteApproved and the ticket is IN_SERVICE again, accepted once")
    void INT07_paidAfterAcceptanceWaitsForAnApprovedQuote() {
        String id = acceptedTicket();
        sender.send(WORK_ORDERS, id, "WorkOrderCreated", "dispatch-service", workOrder(id, UUID.randomUUID()));
        awaitState(id, "IN_SERVICE");
        assertThat(firstResponseClock(id).get("state").asString()).isEqualTo("RUNNING");

        assertThat(api.post("/api/intake/tickets/" + id + "/entitlement/override",
                Map.of("entitlement", "PAID", "reason", "liquid damage"), desk).status()).as("INT-07 supervisor only").isEqualTo(403);
        var overridden = api.post("/api/intake/tickets/" + id + "/entitlement/override",
                Map.of("entitlement", "PAID", "reason", "liquid damage found on site"), supervisor);
        assertThat(overridden.status()).isEqualTo(200);
        assertThat(overridden.body().get("state").asString()).isEqualTo("AWAITING_QUOTE");

        JsonNode changed = payload(ticketEvents.awaitType("EntitlementChanged", id, WAIT));
        assertThat(changed.get("previousEntitlement").asString()).isEqualTo("RETURN");
        assertThat(changed.get("entitlement").asString()).isEqualTo("PAID");
        assertThat(changed.get("quoteRequired").asBoolean()).isTrue();
        assertThat(changed.get("reason").asString()).contains("liquid damage found on site");
        assertThat(changed.get("actor").asString()).isEqualTo("sup.wang");
        assertThat(firstResponseClock(id).get("state").asString()).as("SLA-05").isEqualTo("PAUSED");

        String quoteId = issueQuote(id);
        assertThat(api.post("/api/intake/quotes/" + quoteId + "/customer-acceptance",
                Map.of("customerName", "Zhang Wei", "method", "PHONE"), desk).status()).isEqualTo(200);
        assertThat(api.post("/api/intake/quotes/" + quoteId + "/supervisor-approval", null, technician).status())
                .as("INT-08 supervisor approves").isEqualTo(403);
        assertThat(api.post("/api/intake/quotes/" + quoteId + "/supervisor-approval", null, supervisor).status())
                .isEqualTo(200);

        JsonNode approved = payload(ticketEvents.awaitType("QuoteApproved", id, WAIT));
        assertThat(approved.get("quoteId").asString()).isEqualTo(quoteId);
        assertThat(approved.get("approvedBy").asString()).isEqualTo("sup.wang");
        assertThat(approved.get("total").asString()).isEqualTo("1980.00");
        assertThat(state(id)).isEqualTo("IN_SERVICE");
        assertThat(firstResponseClock(id).get("state").asString()).as("SLA-05").isEqualTo("RUNNING");
        List<ConsumerRecord<String, String>> accepted = ticketEvents.drain(Duration.ofSeconds(2)).stream()
                .filter(r -> id.equals(r.key()) && EventProbe.eventType(r).equals("TicketAccepted")).toList();
        assertThat(accepted).as("no second TicketAccepted").hasSize(1);
    }

    @Test
    @DisplayName("INT-07 INT-08 an exclusion on an ACCEPTED ticket: AWAITING_QUOTE; the customer declines → DECLINED_PAID_SERVICE")
    void INT07_exclusionThenDeclined() {
        String id = acceptedTicket();
        var excluded = api.post("/api/intake/tickets/" + id + "/entitlement/exclusions",
                Map.of("reason", "NO_PROOF_OF_PURCHASE", "note", "receipt lost"), desk);
        assertThat(excluded.status()).as(excluded.body().toString()).isEqualTo(200);
        assertThat(excluded.body().get("state").asString()).isEqualTo("AWAITING_QUOTE");
        JsonNode changed = payload(ticketEvents.awaitType("EntitlementChanged", id, WAIT));
        assertThat(changed.get("quoteRequired").asBoolean()).isTrue();

        String quoteId = issueQuote(id);
        assertThat(api.post("/api/intake/quotes/" + quoteId + "/decline",
                Map.of("customerName", "Zhang Wei", "method", "PHONE", "note", "too expensive"), desk).status())
                .isEqualTo(200);
        assertThat(state(id)).isEqualTo("DECLINED_PAID_SERVICE");
        payload(ticketEvents.awaitType("QuoteDeclined", id, WAIT));
    }

    @Test
    @DisplayName("INT-07 an override from PAID back to FREE_REPAIR while waiting: EntitlementChanged without a quote, back to ACCEPTED")
    void INT07_overrideAwayFromPaidGoesBackToWork() {
        String id = acceptedTicket();
        assertThat(api.post("/api/intake/tickets/" + id + "/entitlement/override",
                Map.of("entitlement", "PAID", "reason", "misuse"), supervisor).status()).isEqualTo(200);
        assertThat(state(id)).isEqualTo("AWAITING_QUOTE");
        var back = api.post("/api/intake/tickets/" + id + "/entitlement/override",
                Map.of("entitlement", "FREE_REPAIR", "reason", "misuse not proven"), supervisor);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body().get("state").asString()).isEqualTo("ACCEPTED");
        JsonNode second = payload(ticketEvents.await(r -> id.equals(r.key())
                && EventProbe.eventType(r).equals("EntitlementChanged") && r.value().contains("FREE_REPAIR"), WAIT));
        assertThat(second.get("previousEntitlement").asString()).isEqualTo("PAID");
        assertThat(second.get("quoteRequired").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("INT-07 a change before acceptance publishes no EntitlementChanged and leaves the state alone")
    void INT07_beforeAcceptanceNoEvent() {
        var registered = api.post("/api/intake/tickets", phoneTicket("SN-EC-" + UUID.randomUUID(), today().toString()), desk);
        String id = registered.body().get("id").asString();
        assertThat(api.post("/api/intake/tickets/" + id + "/entitlement/override",
                Map.of("entitlement", "PAID", "reason", "misuse"), supervisor).body().get("state").asString())
                .isEqualTo("REGISTERED");
        ticketEvents.awaitType("TicketRegistered", id, WAIT);
        assertThat(ticketEvents.drain(Duration.ofSeconds(2))).noneMatch(r -> id.equals(r.key())
                && EventProbe.eventType(r).equals("EntitlementChanged"));
    }

    /** A RETURN ticket (shipped today) accepted for dispatch. */
    private String acceptedTicket() {
        var registered = api.post("/api/intake/tickets", phoneTicket("SN-EC-" + UUID.randomUUID(), today().toString()), desk);
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.body().get("id").asString();
        assertThat(api.post("/api/intake/tickets/" + id + "/accept", null, desk).status()).isEqualTo(200);
        return id;
    }

    /** One compressor (1800.00) and 90 minutes of labour (180.00): 1980.00, below the manager's limit. */
    private String issueQuote(String id) {
        var issued = api.post("/api/intake/tickets/" + id + "/quotes", Map.of("lines", List.of(
                Map.of("kind", "PART", "partNumber", "EC-CMP-100", "quantity", 1),
                Map.of("kind", "LABOUR", "labourCode", "EC-STD", "minutes", 90))), desk);
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(201);
        return issued.body().get("id").asString();
    }

    private static String workOrder(String id, UUID workOrderId) {
        return "{\"ticketId\":\"%s\",\"workOrderId\":\"%s\",\"actor\":\"system:dispatch\",\"occurredAt\":\"%s\"}"
                .formatted(id, workOrderId, Instant.now());
    }

    private static JsonNode payload(ConsumerRecord<String, String> record) {
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).as(record.value()).isEmpty();
        return JSON.readTree(record.value());
    }

    private JsonNode firstResponseClock(String id) {
        return api.get("/api/intake/tickets/" + id + "/clocks", desk).body().valueStream()
                .filter(c -> c.get("kind").asString().equals("FIRST_RESPONSE")).findFirst().orElseThrow();
    }

    private String state(String id) {
        return api.get("/api/intake/tickets/" + id, desk).body().get("state").asString();
    }

    private void awaitState(String id, String state) {
        await().atMost(WAIT).until(() -> state(id).equals(state));
    }
}
