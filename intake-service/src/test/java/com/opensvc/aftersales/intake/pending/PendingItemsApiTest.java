package com.opensvc.aftersales.intake.pending;

import static com.opensvc.aftersales.intake.Tickets.fields;
import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.Tickets;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntakeServiceTest
@ProbeTopics("aftersales.intake.ticket")
class PendingItemsApiTest {
    private static final ZoneId ZONE = Tickets.ZONE;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    private RestApi api;
    private EventProbe probe;
    private final String desk = token("desk.li", "FRONT_DESK");
    private final String manager = token("mgr.chen", "MANAGER");
    private String customerManagerName;
    private String customerManager;

    @BeforeEach
    void setUp() {
        // a customer manager of its own per test, so the ledger can be filtered down to this test's entries
        customerManagerName = "cm." + UUID.randomUUID().toString().substring(0, 8);
        customerManager = token(customerManagerName, "CUSTOMER_MANAGER");
    }

    private static LocalDate today() {
        return Tickets.today();
    }

    private String register() {
        return api.post("/api/intake/tickets", phoneTicket("PD-" + UUID.randomUUID(), today().toString()), desk)
                .body().get("id").asString();
    }

    private String registerFor(String customerId) {
        Map<String, Object> request = new HashMap<>(phoneTicket("PD-" + UUID.randomUUID(), today().toString()));
        request.put("customer", Map.of("id", customerId));
        var response = api.post("/api/intake/tickets", request, desk);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("id").asString();
    }

    private static Map<String, Object> proposal(String reason, LocalDate customerDate) {
        return Map.of("reason", reason, "explanation", "compressor from the supplier is three weeks late",
                "customerDate", customerDate.toString());
    }

    private String propose(String ticketId, LocalDate customerDate) {
        var response = api.post("/api/intake/tickets/" + ticketId + "/pending-proposals",
                proposal("PARTS_DELAYED", customerDate), customerManager);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("id").asString();
    }

    private RestApi.Response approve(String ticketId, String proposalId, String token) {
        return api.post("/api/intake/tickets/" + ticketId + "/pending-proposals/" + proposalId + "/approve", null, token);
    }

    private JsonNode ticket(String id) {
        return api.get("/api/intake/tickets/" + id, desk).body();
    }

    private JsonNode pending(String id) {
        return api.get("/api/intake/tickets/" + id + "/pending", desk).body();
    }

    private List<JsonNode> timeline(String id) {
        return Tickets.timeline(api, id, desk).valueStream().toList();
    }

    @Test
    @DisplayName("INT-14 SLA-05 a proposal changes nothing until approved: state unchanged, clocks not paused, no deadline")
    void INT14_proposalAloneDoesNotPause() {
        String id = register();
        var response = api.post("/api/intake/tickets/" + id + "/pending-proposals",
                proposal("CUSTOMER_NO_TIME", today().plusDays(10)), customerManager);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().get("state").asString()).isEqualTo("PROPOSED");
        assertThat(response.header("ETag")).isEqualTo("\"0\"");
        assertThat(ticket(id).get("state").asString()).isEqualTo("REGISTERED");
        JsonNode pending = pending(id);
        assertThat(pending.get("pausedAt").isNull()).isTrue();
        assertThat(pending.get("pendingUntil").isNull()).isTrue();
        JsonNode proposed = timeline(id).stream().filter(e -> "PENDING_PROPOSED".equals(e.get("type").asString()))
                .findFirst().orElseThrow();
        assertThat(proposed.get("actor").asString()).isEqualTo(customerManagerName);

        var second = api.post("/api/intake/tickets/" + id + "/pending-proposals",
                proposal("CUSTOMER_NO_TIME", today().plusDays(11)), customerManager);
        assertThat(second.status()).as("one open proposal per ticket").isEqualTo(409);
        assertThat(second.body().get("currentState").asString()).isEqualTo("PROPOSED");
    }

    @Test
    @DisplayName("INT-14 SLA-05 a manager approves: PENDING, deadline = the customer's date, clocks paused, TicketPending valid")
    void INT14_managerApprovesPending() {
        String id = register();
        api.post("/api/intake/tickets/" + id + "/accept", null, desk);
        LocalDate customerDate = today().plusDays(14);
        String proposalId = propose(id, customerDate);

        var approved = approve(id, proposalId, manager);

        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body().get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.body().get("decidedBy").asString()).isEqualTo("mgr.chen");
        assertThat(approved.body().get("fromState").asString()).isEqualTo("ACCEPTED");
        assertThat(ticket(id).get("state").asString()).isEqualTo("PENDING");
        JsonNode pending = pending(id);
        assertThat(pending.get("pendingUntil").asString()).isEqualTo(customerDate.toString());
        assertThat(Instant.parse(pending.get("pausedAt").asString())).isBeforeOrEqualTo(Instant.now());
        JsonNode history = timeline(id).stream().filter(e -> "PENDING".equals(e.get("type").asString())).findFirst().orElseThrow();
        assertThat(history.get("actor").asString()).isEqualTo("mgr.chen");
        assertThat(history.get("fromState").asString()).isEqualTo("ACCEPTED");
        assertThat(history.get("toState").asString()).isEqualTo("PENDING");

        ConsumerRecord<String, String> event = probe.awaitType("TicketPending", id, Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(event, "ce_type"), event.value())).isEmpty();
        JsonNode payload = JSON.readTree(event.value());
        assertThat(payload.get("reason").asString()).isEqualTo("PARTS_DELAYED");
        assertThat(payload.get("customerDate").asString()).isEqualTo(customerDate.toString());
        assertThat(payload.get("approvedBy").asString()).isEqualTo("mgr.chen");
        assertThat(payload.get("proposedBy").asString()).isEqualTo(customerManagerName);

        var again = approve(id, proposalId, token("gm.wu", "GENERAL_MANAGER"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("currentState").asString()).isEqualTo("APPROVED");
    }

    @Test
    @DisplayName("INT-14 four eyes: the proposer cannot approve their own proposal (403), even holding the manager role")
    void INT14_proposerCannotApprove() {
        String id = register();
        String both = token("cm.and.mgr", "CUSTOMER_MANAGER", "MANAGER");
        String proposalId = api.post("/api/intake/tickets/" + id + "/pending-proposals",
                proposal("QUALITY_CAUSE_UNKNOWN", today()), both).body().get("id").asString();

        var own = approve(id, proposalId, both);

        assertThat(own.status()).isEqualTo(403);
        assertThat(ticket(id).get("state").asString()).isEqualTo("REGISTERED");
        assertThat(approve(id, proposalId, manager).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("INT-14 SEC-01 roles: only the customer manager proposes, only a manager approves or declines, resume by CM or supervisor")
    void INT14_wrongRolesAre403() {
        String id = register();
        assertThat(api.post("/api/intake/tickets/" + id + "/pending-proposals", proposal("CUSTOMER_ABSENT", today()), desk)
                .status()).isEqualTo(403);
        assertThat(api.post("/api/intake/tickets/" + id + "/pending-proposals", Map.of("reason", "NOPE"),
                token("tech.north", "TECHNICIAN")).status()).as("role before body").isEqualTo(403);
        String proposalId = propose(id, today().plusDays(3));
        assertThat(approve(id, proposalId, customerManager).status()).isEqualTo(403);
        assertThat(approve(id, proposalId, token("sup.wang", "SUPERVISOR")).status()).isEqualTo(403);
        assertThat(api.post("/api/intake/tickets/" + id + "/pending-proposals/" + proposalId + "/decline",
                Map.of("reason", "no"), desk).status()).isEqualTo(403);
        assertThat(api.post("/api/intake/tickets/" + id + "/resume", null, desk).status()).isEqualTo(403);
        assertThat(api.get("/api/intake/pending-items", token("tech.north", "TECHNICIAN")).status()).isEqualTo(403);
        assertThat(api.post("/api/intake/pending-items/contact-round/contacts", Map.of(), manager).status()).isEqualTo(403);
        assertThat(ticket(id).get("state").asString()).isEqualTo("REGISTERED");
    }

    @Test
    @DisplayName("INT-14 bad input names each field: past date, unknown reason, blank explanation, malformed month")
    void INT14_badInputNamesFields() {
        String id = register();
        var blank = api.post("/api/intake/tickets/" + id + "/pending-proposals",
                Map.of("reason", "PARTS_DELAYED", "explanation", " ", "customerDate", today().toString()), customerManager);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(fields(blank.body())).containsExactly("explanation");

        var past = api.post("/api/intake/tickets/" + id + "/pending-proposals",
                proposal("PARTS_DELAYED", today().minusDays(1)), customerManager);
        assertThat(past.status()).isEqualTo(400);
        assertThat(fields(past.body())).containsExactly("customerDate");

        var unknownReason = api.post("/api/intake/tickets/" + id + "/pending-proposals",
                proposal("ALIENS", today()), customerManager);
        assertThat(unknownReason.status()).isEqualTo(400);
        assertThat(fields(unknownReason.body())).containsExactly("reason");

        var missing = api.post("/api/intake/tickets/" + id + "/pending-proposals", Map.of(), customerManager);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing.body())).containsExactlyInAnyOrder("reason", "explanation", "customerDate");

        var badMonth = api.get("/api/intake/pending-items?month=2026-13", customerManager);
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(fields(badMonth.body())).containsExactly("month");
        assertThat(fields(api.get("/api/intake/pending-items?state=LOST", customerManager).body())).containsExactly("state");
        assertThat(fields(api.get("/api/intake/pending-items/contact-round?month=11-2026", customerManager).body()))
                .containsExactly("month");
        assertThat(api.get("/api/intake/pending-items.csv?month=2026-13", customerManager).status()).isEqualTo(400);
        assertThat(api.download("/api/intake/pending-items.csv?month=2026-13", customerManager, "text/csv").status())
                .as("a CSV request with a bad month is a 400 too, never a 5xx").isEqualTo(400);
        assertThat(api.post("/api/intake/tickets/" + UUID.randomUUID() + "/pending-proposals",
                proposal("PARTS_DELAYED", today()), customerManager).status()).isEqualTo(404);
        assertThat(ticket(id).get("state").asString()).isEqualTo("REGISTERED");
    }

    @Test
    @DisplayName("INT-13 INT-14 a proposal for a terminal ticket is refused with 409 and the current state")
    void INT14_terminalTicketIs409() {
        String id = register();
        api.post("/api/intake/tickets/" + id + "/cancel", Map.of("reason", "customer withdrew"), desk);

        var response = api.post("/api/intake/tickets/" + id + "/pending-proposals",
                proposal("CUSTOMER_ABSENT", today()), customerManager);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().get("currentState").asString()).isEqualTo("CANCELLED");
    }

    @Test
    @DisplayName("INT-14 a declined proposal leaves the ticket as it was; a new one may then be proposed")
    void INT14_declineLeavesTicket() {
        String id = register();
        String proposalId = propose(id, today().plusDays(2));
        var blank = api.post("/api/intake/tickets/" + id + "/pending-proposals/" + proposalId + "/decline",
                Map.of("reason", ""), manager);
        assertThat(fields(blank.body())).containsExactly("reason");
        var stale = api.post("/api/intake/tickets/" + id + "/pending-proposals/" + proposalId + "/decline",
                Map.of("reason", "call the customer once more first"), manager, Map.of("If-Match", "\"7\""));
        assertThat(stale.status()).isEqualTo(412);

        var declined = api.post("/api/intake/tickets/" + id + "/pending-proposals/" + proposalId + "/decline",
                Map.of("reason", "call the customer once more first"), manager, Map.of("If-Match", "\"0\""));

        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.body().get("state").asString()).isEqualTo("DECLINED");
        assertThat(declined.body().get("declineReason").asString()).isEqualTo("call the customer once more first");
        assertThat(ticket(id).get("state").asString()).isEqualTo("REGISTERED");
        assertThat(timeline(id)).anyMatch(e -> "PENDING_DECLINED".equals(e.get("type").asString())
                && "mgr.chen".equals(e.get("actor").asString()));
        propose(id, today().plusDays(5));
    }

    @Test
    @DisplayName("INT-14 SLA-05 resume returns the ticket to the state it came from, records the pause, TicketResumed valid")
    void INT14_resumeRestoresPreviousState() {
        String id = register();
        api.post("/api/intake/tickets/" + id + "/accept", null, desk);
        String proposalId = propose(id, today().plusDays(1));
        approve(id, proposalId, manager);
        assertThat(ticket(id).get("state").asString()).isEqualTo("PENDING");

        var resumed = api.post("/api/intake/tickets/" + id + "/resume", Map.of("note", "parts arrived"),
                token("sup.wang", "SUPERVISOR"));

        assertThat(resumed.status()).as(resumed.body().toString()).isEqualTo(200);
        assertThat(resumed.body().get("state").asString()).isEqualTo("RESOLVED");
        assertThat(resumed.body().get("resumedTo").asString()).isEqualTo("ACCEPTED");
        assertThat(resumed.body().get("pausedSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(ticket(id).get("state").asString()).isEqualTo("ACCEPTED");
        JsonNode pending = pending(id);
        assertThat(pending.get("pausedAt").isNull()).isTrue();
        assertThat(pending.get("pendingUntil").isNull()).isTrue();
        JsonNode history = timeline(id).stream().filter(e -> "RESUMED".equals(e.get("type").asString())).findFirst().orElseThrow();
        assertThat(history.get("actor").asString()).isEqualTo("sup.wang");
        assertThat(history.get("fromState").asString()).isEqualTo("PENDING");
        assertThat(history.get("toState").asString()).isEqualTo("ACCEPTED");

        ConsumerRecord<String, String> event = probe.awaitType("TicketResumed", id, Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(event, "ce_type"), event.value())).isEmpty();
        assertThat(JSON.readTree(event.value()).get("toState").asString()).isEqualTo("ACCEPTED");

        var again = api.post("/api/intake/tickets/" + id + "/resume", null, customerManager);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("currentState").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    @DisplayName("INT-14 the ledger lists the month's pending items as paged JSON and as a UTF-8 CSV with BOM")
    void INT14_ledgerJsonAndCsv() throws Exception {
        String open = register();
        String resolved = register();
        LocalDate customerDate = today().plusDays(9);
        approve(open, propose(open, customerDate), manager);
        approve(resolved, propose(resolved, customerDate), manager);
        api.post("/api/intake/tickets/" + resolved + "/resume", null, customerManager);
        String month = YearMonth.now(ZONE).toString();

        var all = api.get("/api/intake/pending-items?month=" + month + "&customerManager=" + customerManagerName, desk);
        assertThat(all.status()).as(all.body().toString()).isEqualTo(200);
        assertThat(all.body().get("totalItems").asLong()).isEqualTo(2);
        JsonNode openEntry = all.body().get("items").valueStream()
                .filter(e -> open.equals(e.get("ticketId").asString())).findFirst().orElseThrow();
        assertThat(openEntry.get("state").asString()).isEqualTo("OPEN");
        assertThat(openEntry.get("customerName").asString()).isEqualTo("Zhang Wei");
        assertThat(openEntry.get("reason").asString()).isEqualTo("PARTS_DELAYED");
        assertThat(openEntry.get("customerDate").asString()).isEqualTo(customerDate.toString());
        assertThat(openEntry.get("proposedBy").asString()).isEqualTo(customerManagerName);
        assertThat(openEntry.get("approvedBy").asString()).isEqualTo("mgr.chen");
        assertThat(openEntry.get("resumedAt").isNull()).isTrue();

        var onlyResolved = api.get("/api/intake/pending-items?month=" + month + "&state=RESOLVED&customerManager="
                + customerManagerName + "&page=0&size=1", token("gm.wu", "GENERAL_MANAGER"));
        assertThat(onlyResolved.body().get("totalItems").asLong()).isEqualTo(1);
        assertThat(onlyResolved.body().get("items").get(0).get("ticketId").asString()).isEqualTo(resolved);
        assertThat(onlyResolved.body().get("items").get(0).get("resumedAt").isNull()).isFalse();
        assertThat(api.get("/api/intake/pending-items?month=" + YearMonth.now(ZONE).minusMonths(1)
                + "&customerManager=" + customerManagerName, desk).body().get("totalItems").asLong())
                .as("not on last month's ledger").isZero();

        var csv = api.download("/api/intake/pending-items.csv?month=" + month + "&customerManager=" + customerManagerName,
                customerManager, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst().getParser().getHeaderNames()).containsExactlyElementsOf(PendingLedger.CSV_HEADER);
        String openNumber = ticket(open).get("number").asString();
        CSVRecord openRow = rows.stream().filter(r -> r.get("ticketNumber").equals(openNumber)).findFirst().orElseThrow();
        assertThat(openRow.get("customer")).isEqualTo("Zhang Wei");
        assertThat(openRow.get("reason")).isEqualTo("PARTS_DELAYED");
        assertThat(openRow.get("explanation")).isEqualTo("compressor from the supplier is three weeks late");
        assertThat(openRow.get("customerDate")).isEqualTo(customerDate.toString());
        assertThat(openRow.get("approvedBy")).isEqualTo("mgr.chen");
        assertThat(openRow.get("state")).isEqualTo("OPEN");
        assertThat(openRow.get("resumedAt")).isEmpty();
    }

    @Test
    @DisplayName("INT-14 next month's contact round lists each customer of this month's ledger with their tickets; contacts are recorded once per round")
    void INT14_contactRoundListsAndRecords() {
        String first = register();
        String customerId = ticket(first).get("customerId").asString();
        String second = registerFor(customerId);
        approve(first, propose(first, today().plusDays(4)), manager);
        approve(second, propose(second, today().plusDays(6)), manager);
        YearMonth round = YearMonth.now(ZONE).plusMonths(1);

        var listed = api.get("/api/intake/pending-items/contact-round?month=" + round, customerManager);

        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
        assertThat(listed.body().get("ledgerMonth").asString()).isEqualTo(YearMonth.now(ZONE).toString());
        assertThat(listed.body().get("dueBy").asString()).isEqualTo(round.atDay(4).toString());
        JsonNode line = customerLine(listed.body(), customerId);
        assertThat(line.get("tickets").valueStream().map(t -> t.get("ticketId").asString()).toList())
                .containsExactlyInAnyOrder(first, second);
        assertThat(line.get("contacted").asBoolean()).isFalse();
        assertThat(line.get("overdue").asBoolean()).as("the 4th of next month is still ahead").isFalse();

        Map<String, Object> contact = Map.of("customerId", customerId, "roundMonth", round.toString(),
                "outcome", "customer will bring the unit back on the arranged day",
                "nextArrangedOn", today().plusDays(6).toString());
        var recorded = api.post("/api/intake/pending-items/contact-round/contacts", contact, customerManager);
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        assertThat(recorded.body().get("attempts").asInt()).isEqualTo(1);
        assertThat(recorded.body().get("contactedBy").asString()).isEqualTo(customerManagerName);

        Map<String, Object> again = new HashMap<>(contact);
        again.put("outcome", "customer asked to move it by two days");
        var updated = api.post("/api/intake/pending-items/contact-round/contacts", again, customerManager);
        assertThat(updated.status()).as("same round and customer: updated, not duplicated").isEqualTo(200);
        assertThat(updated.body().get("attempts").asInt()).isEqualTo(2);
        assertThat(updated.body().get("outcome").asString()).isEqualTo("customer asked to move it by two days");

        JsonNode after = customerLine(api.get("/api/intake/pending-items/contact-round?month=" + round, desk).body(), customerId);
        assertThat(after.get("contacted").asBoolean()).isTrue();
        assertThat(after.get("contact").get("outcome").asString()).isEqualTo("customer asked to move it by two days");
        assertThat(timeline(first)).anyMatch(e -> "PENDING_CONTACT".equals(e.get("type").asString())
                && customerManagerName.equals(e.get("actor").asString()));
        var entry = api.get("/api/intake/pending-items?month=" + YearMonth.now(ZONE) + "&customerManager="
                + customerManagerName, desk).body().get("items").get(0);
        assertThat(entry.get("contacts").get(0).get("roundMonth").asString()).isEqualTo(round.toString());

        var stranger = api.post("/api/intake/pending-items/contact-round/contacts", Map.of("customerId",
                UUID.randomUUID().toString(), "roundMonth", round.toString(), "outcome", "x"), customerManager);
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(fields(stranger.body())).containsExactly("customerId");
        var future = api.post("/api/intake/pending-items/contact-round/contacts", Map.of("customerId", customerId,
                "roundMonth", round.plusMonths(1).toString(), "outcome", "x"), customerManager);
        assertThat(fields(future.body())).containsExactly("roundMonth");
        var badMonth = api.post("/api/intake/pending-items/contact-round/contacts", Map.of("customerId", customerId,
                "roundMonth", "2026-13", "outcome", " "), customerManager);
        assertThat(fields(badMonth.body())).containsExactlyInAnyOrder("roundMonth", "outcome");
    }

    @Test
    @DisplayName("INT-14 a customer on a ledger whose round's 4th has passed and who was not contacted is overdue, and the round is listed")
    void INT14_overdueRound() {
        String id = register();
        String customerId = ticket(id).get("customerId").asString();
        String proposalId = propose(id, today().plusDays(30));
        approve(id, proposalId, manager);
        // the pending item entered the ledger two months ago and is still open
        YearMonth ledgerMonth = YearMonth.now(ZONE).minusMonths(2);
        Instant twoMonthsAgo = ledgerMonth.atDay(10).atStartOfDay(ZONE).toInstant();
        jdbc.sql("UPDATE pending_item SET decided_at = :at, paused_at = :at, proposed_at = :at WHERE id = :id")
                .param("at", twoMonthsAgo.atOffset(java.time.ZoneOffset.UTC)).param("id", UUID.fromString(proposalId)).update();
        YearMonth round = ledgerMonth.plusMonths(1);

        JsonNode listed = api.get("/api/intake/pending-items/contact-round?month=" + round, customerManager).body();

        assertThat(listed.get("overdue").asBoolean()).isTrue();
        assertThat(customerLine(listed, customerId).get("overdue").asBoolean()).isTrue();
        assertThat(listed.get("overdueRounds").valueStream().map(r -> r.get("roundMonth").asString()))
                .contains(round.toString());
        assertThat(api.get("/api/intake/pending-items/contact-round/overdue", manager).body().valueStream()
                .map(r -> r.get("roundMonth").asString())).contains(round.toString());

        var late = api.post("/api/intake/pending-items/contact-round/contacts", Map.of("customerId", customerId,
                "roundMonth", round.toString(), "outcome", "reached at last; comes in next week"), customerManager);
        assertThat(late.status()).isEqualTo(201);
        JsonNode after = customerLine(api.get("/api/intake/pending-items/contact-round?month=" + round, desk).body(), customerId);
        assertThat(after.get("overdue").asBoolean()).isFalse();
        assertThat(after.get("contactedLate").asBoolean()).isTrue();
    }

    private static JsonNode customerLine(JsonNode round, String customerId) {
        return round.get("lines").valueStream().filter(l -> customerId.equals(l.get("customerId").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("customer " + customerId + " not in " + round));
    }
}
