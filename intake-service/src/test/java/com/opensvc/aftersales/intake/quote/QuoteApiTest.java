package com.opensvc.aftersales.intake.quote;

import static com.opensvc.aftersales.intake.Tickets.fields;
import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.intake.Tickets.today;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntakeServiceTest
@ProbeTopics("aftersales.intake.ticket")
class QuoteApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    QuoteRepository quoteRepository;
    @Autowired
    QuoteService quoteService;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    QuoteProperties properties;
    @Autowired
    JdbcClient jdbc;

    private RestApi api;
    private EventProbe probe;
    private final String desk = token("desk.li", "FRONT_DESK");
    private final String supervisor = token("sup.wang", "SUPERVISOR");
    private final String manager = token("mgr.zhao", "MANAGER");
    private final String finance = token("fin.chen", "FINANCE");
    private final String storekeeper = token("store.liu", "STOREKEEPER");

    @BeforeEach
    void pricesAndApi() {
        assertThat(api.put("/api/intake/prices/parts/QP-CMP-100", Map.of("description", "Compressor 3200",
                "cataloguePrice", new BigDecimal("1800.00"), "costPrice", new BigDecimal("1200.00")), storekeeper, Map.of()).status()).isEqualTo(200);
        assertThat(api.put("/api/intake/prices/labour/QP-STD", Map.of("description", "Standard repair labour",
                "hourlyRate", new BigDecimal("120.00")), finance, Map.of()).status()).isEqualTo(200);
        assertThat(api.put("/api/intake/prices/travel/NORTH", Map.of("description", "Travel north", "price", new BigDecimal("80.00")),
                finance, Map.of()).status()).isEqualTo(200);
    }

    /** Shipped 13 months ago: out of the 12-month warranty, so PAID (INT-06). */
    private String paidTicket() {
        var response = api.post("/api/intake/tickets",
                phoneTicket("SN-Q-" + UUID.randomUUID(), today().minusMonths(13).toString()), desk);
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().get("entitlement").asString()).isEqualTo("PAID");
        return response.body().get("id").asString();
    }

    /** One compressor (1800.00), 90 minutes standard labour (180.00), one trip north (80.00) = 2060.00. */
    private static Map<String, Object> quoteOf(int compressors) {
        return Map.of("lines", List.of(
                Map.of("kind", "PART", "partNumber", "QP-CMP-100", "quantity", compressors),
                Map.of("kind", "LABOUR", "labourCode", "QP-STD", "minutes", 90),
                Map.of("kind", "TRAVEL", "travelZone", "NORTH")));
    }

    private JsonNode issue(String ticketId, Map<String, Object> request) {
        var response = api.post("/api/intake/tickets/" + ticketId + "/quotes", request, desk);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body();
    }

    private RestApi.Response customerAccepts(String quoteId) {
        return api.post("/api/intake/quotes/" + quoteId + "/customer-acceptance",
                Map.of("customerName", "Zhang Wei", "method", "PHONE"), desk);
    }

    private String ticketState(String ticketId) {
        return api.get("/api/intake/tickets/" + ticketId, desk).body().get("state").asString();
    }

    private static void assertValid(ConsumerRecord<String, String> record) {
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).as(record.value()).isEmpty();
    }

    @Test
    @DisplayName("INT-08 a PAID ticket cannot be accepted for dispatch without a quote: 409 with the current state")
    void INT08_paidTicketNeedsQuote() {
        String ticketId = paidTicket();

        var response = api.post("/api/intake/tickets/" + ticketId + "/accept", null, desk);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().get("currentState").asString()).isEqualTo("REGISTERED");
        assertThat(response.body().get("detail").asString()).contains("quote");
        assertThat(ticketState(ticketId)).isEqualTo("REGISTERED");
    }

    @Test
    @DisplayName("SLA-05 the clocks pause while the ticket is AWAITING_QUOTE and resume when it is accepted")
    void SLA05_awaitingQuotePausesClocks() {
        String ticketId = paidTicket();
        assertThat(firstResponseClock(ticketId).get("state").asString()).isEqualTo("RUNNING");
        String quoteId = issue(ticketId, quoteOf(1)).get("id").asString();
        JsonNode paused = firstResponseClock(ticketId);
        assertThat(paused.get("state").asString()).isEqualTo("PAUSED");
        assertThat(paused.get("dueAt").isNull()).isTrue();
        customerAccepts(quoteId);
        api.post("/api/intake/quotes/" + quoteId + "/supervisor-approval", null, supervisor);
        api.post("/api/intake/tickets/" + ticketId + "/accept", null, desk);
        JsonNode resumed = firstResponseClock(ticketId);
        assertThat(resumed.get("state").asString()).isEqualTo("RUNNING");
        assertThat(resumed.get("dueAt").isNull()).isFalse();
    }

    private JsonNode firstResponseClock(String ticketId) {
        return api.get("/api/intake/tickets/" + ticketId + "/clocks", desk).body().valueStream()
                .filter(c -> "FIRST_RESPONSE".equals(c.get("kind").asString())).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("INT-08 issue -> customer accepts -> supervisor approves -> ticket accepted; events valid, steps on the timeline")
    void INT08_issueAcceptApproveDispatch() {
        String ticketId = paidTicket();

        JsonNode quote = issue(ticketId, quoteOf(1));
        String quoteId = quote.get("id").asString();
        assertThat(quote.get("state").asString()).isEqualTo("ISSUED");
        assertThat(quote.get("total").decimalValue()).isEqualByComparingTo("2060.00");
        assertThat(quote.get("currency").asString()).isEqualTo("CNY");
        assertThat(quote.get("paymentTerms").asString()).isEqualTo("ON_SITE");
        assertThat(quote.get("needsManagerApproval").asBoolean()).isFalse();
        assertThat(ticketState(ticketId)).isEqualTo("AWAITING_QUOTE");
        ConsumerRecord<String, String> issued = probe.awaitType("QuoteIssued", ticketId, WAIT);
        assertValid(issued);
        assertThat(JSON.readTree(issued.value()).get("total").asString()).isEqualTo("2060.00");

        var early = api.post("/api/intake/tickets/" + ticketId + "/accept", null, desk);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("currentState").asString()).isEqualTo("AWAITING_QUOTE");
        assertThat(api.post("/api/intake/quotes/" + quoteId + "/supervisor-approval", null, supervisor).status())
                .as("the customer accepts before the supervisor approves").isEqualTo(409);

        var accepted = customerAccepts(quoteId);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("state").asString()).isEqualTo("ACCEPTED_BY_CUSTOMER");
        assertThat(accepted.body().get("customerAcceptedBy").asString()).isEqualTo("Zhang Wei");
        assertThat(accepted.body().get("acceptanceRecordedBy").asString()).isEqualTo("desk.li");
        ConsumerRecord<String, String> acceptedEvent = probe.awaitType("QuoteAccepted", ticketId, WAIT);
        assertValid(acceptedEvent);
        assertThat(api.post("/api/intake/tickets/" + ticketId + "/accept", null, desk).status())
                .as("accepted by the customer is not yet approved").isEqualTo(409);

        var approved = api.post("/api/intake/quotes/" + quoteId + "/supervisor-approval", null, supervisor);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.header("ETag")).isEqualTo("\"2\"");

        var ticket = api.post("/api/intake/tickets/" + ticketId + "/accept", null, desk);
        assertThat(ticket.status()).as(ticket.body().toString()).isEqualTo(200);
        assertThat(ticket.body().get("state").asString()).isEqualTo("ACCEPTED");
        assertValid(probe.awaitType("TicketAccepted", ticketId, WAIT));

        List<JsonNode> timeline = api.get("/api/intake/tickets/" + ticketId + "/timeline", desk).body().valueStream().toList();
        assertThat(timeline).extracting(e -> e.get("type").asString() + " by " + e.get("actor").asString())
                .containsSubsequence("QUOTE_ISSUED by desk.li", "QUOTE_ACCEPTED_BY_CUSTOMER by desk.li",
                        "QUOTE_APPROVED_BY_SUPERVISOR by sup.wang", "ACCEPTED by desk.li");
        assertThat(timeline).allMatch(e -> !e.get("at").isNull());
    }

    @Test
    @DisplayName("INT-08 above the limit a manager approves too: the supervisor alone is not enough; wrong role -> 403")
    void INT08_aboveLimitNeedsManager() {
        String ticketId = paidTicket();
        JsonNode quote = issue(ticketId, quoteOf(3));
        String quoteId = quote.get("id").asString();
        assertThat(quote.get("total").decimalValue()).isEqualByComparingTo("5660.00");
        assertThat(quote.get("needsManagerApproval").asBoolean()).isTrue();
        assertThat(customerAccepts(quoteId).status()).isEqualTo(200);

        assertThat(api.post("/api/intake/quotes/" + quoteId + "/manager-approval", null, manager).status())
                .as("the supervisor approves first").isEqualTo(409);
        assertThat(api.post("/api/intake/quotes/" + quoteId + "/supervisor-approval", null, desk).status()).isEqualTo(403);
        var bySupervisor = api.post("/api/intake/quotes/" + quoteId + "/supervisor-approval", null, supervisor);
        assertThat(bySupervisor.body().get("state").asString()).isEqualTo("AWAITING_MANAGER");

        var tooEarly = api.post("/api/intake/tickets/" + ticketId + "/accept", null, desk);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.body().get("detail").asString()).contains("AWAITING_MANAGER");
        assertThat(api.post("/api/intake/quotes/" + quoteId + "/manager-approval", null, supervisor).status()).isEqualTo(403);
        assertThat(api.post("/api/intake/quotes/" + quoteId + "/supervisor-approval", null, supervisor).status()).isEqualTo(409);

        var byManager = api.post("/api/intake/quotes/" + quoteId + "/manager-approval", null, manager,
                Map.of("If-Match", bySupervisor.header("ETag")));
        assertThat(byManager.status()).isEqualTo(200);
        assertThat(byManager.body().get("state").asString()).isEqualTo("APPROVED");
        assertThat(byManager.body().get("supervisorApprovedBy").asString()).isEqualTo("sup.wang");
        assertThat(byManager.body().get("managerApprovedBy").asString()).isEqualTo("mgr.zhao");

        assertThat(api.post("/api/intake/tickets/" + ticketId + "/accept", null, desk).status()).isEqualTo(200);
        assertThat(ticketState(ticketId)).isEqualTo("ACCEPTED");
    }

    @Test
    @DisplayName("INT-08 the same person cannot give both the supervisor's and the manager's approval")
    void INT08_fourEyes() {
        String ticketId = paidTicket();
        String quoteId = issue(ticketId, quoteOf(3)).get("id").asString();
        customerAccepts(quoteId);
        String both = token("boss.sun", "SUPERVISOR", "MANAGER");
        assertThat(api.post("/api/intake/quotes/" + quoteId + "/supervisor-approval", null, both).status()).isEqualTo(200);

        assertThat(api.post("/api/intake/quotes/" + quoteId + "/manager-approval", null, both).status()).isEqualTo(403);
        assertThat(api.post("/api/intake/quotes/" + quoteId + "/manager-approval", null, manager).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("INT-08 the customer declines: QuoteDeclined, ticket DECLINED_PAID_SERVICE (terminal)")
    void INT08_declineClosesTicket() {
        String ticketId = paidTicket();
        String quoteId = issue(ticketId, quoteOf(1)).get("id").asString();

        var declined = api.post("/api/intake/quotes/" + quoteId + "/decline",
                Map.of("customerName", "Zhang Wei", "method", "PHONE", "note", "too expensive"), desk);

        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.body().get("state").asString()).isEqualTo("DECLINED");
        assertThat(ticketState(ticketId)).isEqualTo("DECLINED_PAID_SERVICE");
        ConsumerRecord<String, String> event = probe.awaitType("QuoteDeclined", ticketId, WAIT);
        assertValid(event);
        assertThat(JSON.readTree(event.value()).get("reason").asString()).isEqualTo("CUSTOMER_DECLINED");

        var accept = api.post("/api/intake/tickets/" + ticketId + "/accept", null, desk);
        assertThat(accept.status()).isEqualTo(409);
        assertThat(accept.body().get("currentState").asString()).isEqualTo("DECLINED_PAID_SERVICE");
        var late = customerAccepts(quoteId);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("currentState").asString()).isEqualTo("DECLINED");
        assertThat(api.post("/api/intake/tickets/" + ticketId + "/quotes", quoteOf(1), desk).status())
                .as("a closed ticket is not quoted again").isEqualTo(409);
    }

    @Test
    @DisplayName("INT-08 a revised quote supersedes the previous one, which can no longer be accepted")
    void INT08_revisionSupersedes() {
        String ticketId = paidTicket();
        String first = issue(ticketId, quoteOf(1)).get("id").asString();
        JsonNode second = issue(ticketId, quoteOf(2));

        assertThat(second.get("revision").asInt()).isEqualTo(2);
        assertThat(second.get("supersedes").asString()).isEqualTo(first);
        var old = customerAccepts(first);
        assertThat(old.status()).isEqualTo(409);
        assertThat(old.body().get("currentState").asString()).isEqualTo("SUPERSEDED");
        assertThat(api.get("/api/intake/tickets/" + ticketId + "/quotes", supervisor).body().valueStream()
                .map(q -> q.get("state").asString()).toList()).containsExactly("SUPERSEDED", "ISSUED");
    }

    @Test
    @DisplayName("INT-08 travel is charged under warranty for a product that cannot be removed; a quoted ticket waits for approval")
    void INT08_travelUnderWarranty() {
        var registered = api.post("/api/intake/tickets", phoneTicket("SN-QW-" + UUID.randomUUID(), today().toString()), desk);
        String ticketId = registered.body().get("id").asString();
        assertThat(registered.body().get("entitlement").asString()).isNotEqualTo("PAID");
        Map<String, Object> travel = new HashMap<>(Map.of("lines", List.of(Map.of("kind", "TRAVEL"))));

        var removable = api.post("/api/intake/tickets/" + ticketId + "/quotes", travel, desk);
        assertThat(removable.status()).isEqualTo(400);
        assertThat(fields(removable.body())).containsExactly("removable");

        travel.put("removable", false);
        JsonNode quote = issue(ticketId, travel);
        assertThat(quote.get("total").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(quote.get("lines").get(0).get("travelZone").asString()).isEqualTo("NORTH");
        assertThat(api.post("/api/intake/tickets/" + ticketId + "/accept", null, desk).status())
                .as("once quoted, the ticket waits for the approved quote").isEqualTo(409);
    }

    @Test
    @DisplayName("INT-08 bad quote input is refused with 400 naming each field")
    void INT08_badInputNamesEachField() {
        String ticketId = paidTicket();
        String path = "/api/intake/tickets/" + ticketId + "/quotes";

        var negative = api.post(path, Map.of("lines", List.of(
                Map.of("kind", "PART", "partNumber", "QP-CMP-100", "quantity", -1),
                Map.of("kind", "LABOUR", "labourCode", "QP-STD", "minutes", 0))), desk);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(fields(negative.body())).containsExactlyInAnyOrder("lines[0].quantity", "lines[1].minutes");

        var unpriced = api.post(path, Map.of("lines", List.of(
                Map.of("kind", "PART", "partNumber", "NO-SUCH-PART", "quantity", 1),
                Map.of("kind", "LABOUR", "labourCode", "QP-STD"))), desk);
        assertThat(unpriced.status()).isEqualTo(400);
        assertThat(fields(unpriced.body())).containsExactly("lines[0].partNumber", "lines[1].minutes");

        var empty = api.post(path, Map.of("removable", true), desk);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty.body())).containsExactly("lines");

        var wrongEnum = api.post(path, Map.of("lines", List.of(Map.of("kind", "GIFT_WRAP"))), desk);
        assertThat(wrongEnum.status()).isEqualTo(400);
        assertThat(fields(wrongEnum.body())).containsExactly("lines[0].kind");

        var wrongTerms = api.post(path, Map.of("paymentTerms", "BARTER", "lines", List.of(Map.of("kind", "TRAVEL"))), desk);
        assertThat(wrongTerms.status()).isEqualTo(400);
        assertThat(fields(wrongTerms.body())).containsExactly("paymentTerms");

        String quoteId = issue(ticketId, quoteOf(1)).get("id").asString();
        var noAnswer = api.post("/api/intake/quotes/" + quoteId + "/customer-acceptance", Map.of("method", "SMOKE_SIGNAL"), desk);
        assertThat(noAnswer.status()).isEqualTo(400);
        assertThat(fields(noAnswer.body())).containsExactly("method");
        var noName = api.post("/api/intake/quotes/" + quoteId + "/customer-acceptance", Map.of("method", "PHONE"), desk);
        assertThat(fields(noName.body())).containsExactly("customerName");
        assertThat(api.post("/api/intake/tickets/" + UUID.randomUUID() + "/quotes", quoteOf(1), desk).status()).isEqualTo(404);
        assertThat(api.post(path, quoteOf(1), token("tech.north", "TECHNICIAN")).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("INT-08 Idempotency-Key: a double click issues one quote")
    void INT08_idempotentIssue() {
        String ticketId = paidTicket();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        var first = api.post("/api/intake/tickets/" + ticketId + "/quotes", quoteOf(1), desk, key);
        var second = api.post("/api/intake/tickets/" + ticketId + "/quotes", quoteOf(1), desk, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
        assertThat(api.get("/api/intake/tickets/" + ticketId + "/quotes", desk).body().size()).isEqualTo(1);
    }

    @Test
    @DisplayName("INT-08 price lists: finance sets labour and travel, the storekeeper parts; paged reads; If-Match")
    void INT08_priceLists() {
        assertThat(api.put("/api/intake/prices/parts/QP-X", Map.of("cataloguePrice", new BigDecimal("1.00"), "costPrice", new BigDecimal("0.50")), desk, Map.of())
                .status()).isEqualTo(403);
        assertThat(api.put("/api/intake/prices/labour/QP-X", Map.of("hourlyRate", new BigDecimal("1.00")), storekeeper, Map.of()).status())
                .isEqualTo(403);
        assertThat(api.put("/api/intake/prices/parts/QP-X", Map.of("cataloguePrice", new BigDecimal("1.00"), "costPrice", new BigDecimal("0.50")), finance, Map.of())
                .status()).isEqualTo(403);
        assertThat(api.put("/api/intake/prices/parts/QP-X", Map.of("cataloguePrice", new BigDecimal("1.00"), "costPrice", new BigDecimal("0.50")), storekeeper, Map.of())
                .status()).isEqualTo(200);

        var bad = api.put("/api/intake/prices/parts/QP-X", Map.of("cataloguePrice", new BigDecimal("-1.00"), "costPrice", new BigDecimal("0.505")), storekeeper, Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad.body())).containsExactlyInAnyOrder("cataloguePrice", "costPrice");

        var read = api.get("/api/intake/prices/parts/QP-CMP-100", desk);
        String etag = read.header("ETag");
        assertThat(read.body().get("cataloguePrice").decimalValue()).isEqualByComparingTo("1800.00");
        var update = api.put("/api/intake/prices/parts/QP-CMP-100", Map.of("description", "Compressor 3200",
                "cataloguePrice", new BigDecimal("1800.00"), "costPrice", new BigDecimal("1200.00")), storekeeper, Map.of("If-Match", etag));
        assertThat(update.status()).isEqualTo(200);
        assertThat(update.header("ETag")).isNotEqualTo(etag);
        var stale = api.put("/api/intake/prices/parts/QP-CMP-100", Map.of("cataloguePrice", new BigDecimal("1.00"), "costPrice", new BigDecimal("1.00")),
                storekeeper, Map.of("If-Match", etag));
        assertThat(stale.status()).isEqualTo(412);

        var page = api.get("/api/intake/prices/parts?page=0&size=1", finance);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("items").size()).isEqualTo(1);
        assertThat(page.body().get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/api/intake/prices/labour?size=500", finance).status()).isEqualTo(400);
        assertThat(api.get("/api/intake/prices/travel", storekeeper).body().get("items").valueStream()
                .map(t -> t.get("zone").asString()).toList()).contains("NORTH");
    }

    @Test
    @DisplayName("INT-08 quotes expire after their validity; two concurrent expiry runs expire each quote exactly once")
    void INT08_expiryConcurrentRunsFireOnce() throws Exception {
        List<String> tickets = new ArrayList<>();
        List<String> quotes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String ticketId = paidTicket();
            tickets.add(ticketId);
            quotes.add(issue(ticketId, quoteOf(1)).get("id").asString());
        }
        customerAccepts(quotes.get(0));
        Clock later = Clock.offset(Clock.systemUTC(), properties.validity().plusHours(1));
        QuoteProperties oneAtATime = new QuoteProperties(properties.validity(), properties.managerApprovalAbove(),
                properties.currency(), properties.defaultPaymentTerms(), properties.depotPaymentTerms(),
                properties.expiryInterval(), 1, false);
        long due = jdbc.sql("SELECT count(*) FROM quote WHERE state IN ('ISSUED', 'ACCEPTED_BY_CUSTOMER', 'AWAITING_MANAGER') "
                + "AND valid_until <= :at").param("at", later.instant().atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single();
        var first = new QuoteExpiryJob(quoteRepository, quoteService, transactionManager, oneAtATime, later);
        var second = new QuoteExpiryJob(quoteRepository, quoteService, transactionManager, oneAtATime, later);

        CountDownLatch start = new CountDownLatch(1);
        int expired;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> a = pool.submit(() -> {
                start.await();
                return first.expireDue();
            });
            Future<Integer> b = pool.submit(() -> {
                start.await();
                return second.expireDue();
            });
            start.countDown();
            expired = a.get() + b.get();
        }

        assertThat(expired).as("every due quote, counted once across both runs").isBetween(6, (int) due);
        for (int i = 0; i < 6; i++) {
            String ticketId = tickets.get(i);
            assertThat(api.get("/api/intake/quotes/" + quotes.get(i), desk).body().get("state").asString()).isEqualTo("EXPIRED");
            assertThat(ticketState(ticketId)).isEqualTo("DECLINED_PAID_SERVICE");
            assertThat(jdbc.sql("SELECT count(*) FROM ticket_history WHERE ticket_id = :t AND action = 'QUOTE_EXPIRED'")
                    .param("t", UUID.fromString(ticketId)).query(Long.class).single()).isEqualTo(1);
            ConsumerRecord<String, String> event = probe.awaitType("QuoteDeclined", ticketId, WAIT);
            assertValid(event);
            assertThat(JSON.readTree(event.value()).get("reason").asString()).isEqualTo("EXPIRED");
            assertThat(JSON.readTree(event.value()).get("actor").asString()).isEqualTo("system:quote-expiry");
        }
        List<ConsumerRecord<String, String>> seen = probe.drain(Duration.ofSeconds(2));
        for (String ticketId : tickets) {
            assertThat(seen).filteredOn(r -> ticketId.equals(r.key()) && EventProbe.eventType(r).equals("QuoteDeclined"))
                    .as("QuoteDeclined for ticket " + ticketId).hasSize(1);
        }
        assertThat(first.expireDue() + second.expireDue()).as("nothing left to expire").isZero();
    }

    @Test
    @DisplayName("INT-08 an open quote past its validity cannot be accepted even before the expiry job has run")
    void INT08_pastValidityCannotBeAccepted() {
        String ticketId = paidTicket();
        String quoteId = issue(ticketId, quoteOf(1)).get("id").asString();
        jdbc.sql("UPDATE quote SET valid_until = now() - interval '1 minute' WHERE id = :id")
                .param("id", UUID.fromString(quoteId)).update();

        var late = customerAccepts(quoteId);

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("currentState").asString()).isEqualTo("EXPIRED");
    }
}
