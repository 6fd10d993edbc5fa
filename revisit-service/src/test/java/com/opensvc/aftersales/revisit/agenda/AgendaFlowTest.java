package com.opensvc.aftersales.revisit.agenda;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.revisit.RevisitServiceTest;
import com.opensvc.aftersales.revisit.happycall.HappyCallSampling;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

/** RPT-03 and INT-12 on the running service: claims, assignments, who may call, reminders, never-revisited customers. */
@RevisitServiceTest
class AgendaFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String SUPERVISOR = token("sup.ma", "SUPERVISOR");

    @Autowired
    JdbcClient jdbc;
    private RestApi api;
    private EventSender sender;
    /** Agents unique to each test, so the shared database's other revisits never meet them. */
    private String suffix;

    @BeforeEach
    void setUp(RestApi api, EventSender sender) {
        this.api = api;
        this.sender = sender;
        this.suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    private String name(String agent) {
        return agent + "-" + suffix;
    }

    private String agentToken(String agent) {
        return token(name(agent), "REVISIT_AGENT");
    }

    /** A work order the sampling selects at any allowed rate (its value is below 5 %). */
    private static UUID sampledWorkOrderId() {
        UUID id;
        do {
            id = UUID.randomUUID();
        } while (!HappyCallSampling.sampled(id, 0.05));
        return id;
    }

    private record Ticket(UUID id, String number) {
    }

    /** A ticket of the customer (intake's events), with a repeated, sampled repair closed at {@code closedAt}. */
    private Ticket servedTicket(UUID customerId, String region, Instant closedAt, String... complaintSubjects) {
        UUID ticketId = UUID.randomUUID();
        String number = "T-RPT03-" + ticketId.toString().substring(0, 8);
        String subjects = complaintSubjects.length == 0 ? "null"
                : "[" + String.join(",", List.of(complaintSubjects).stream().map(s -> "\"" + s + "\"").toList()) + "]";
        sender.send(TICKETS, ticketId.toString(), "TicketRegistered", "intake-service", """
                {"ticketId":"%s","ticketNumber":"%s","kind":"%s","channel":"PHONE","productModel":"AC-3200",
                 "complaintSubjects":%s,"actor":"desk.li","occurredAt":"%s"}"""
                .formatted(ticketId, number, complaintSubjects.length == 0 ? "SERVICE" : "COMPLAINT", subjects,
                        closedAt.minus(Duration.ofDays(2))));
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service", """
                {"ticketId":"%s","ticketNumber":"%s","productModel":"AC-3200","customerId":%s,"customerRegion":"%s",
                 "actor":"desk.li","occurredAt":"%s"}"""
                .formatted(ticketId, number, customerId == null ? "null" : "\"" + customerId + "\"", region,
                        closedAt.minus(Duration.ofDays(1))));
        sender.send(WORK_ORDERS, ticketId.toString(), "RepairClosed", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.rpt03","productModel":"AC-3200",
                 "serialNumber":"SN-77","entitlement":"FREE_REPAIR","outcome":"FIXED","symptom":"no cooling",
                 "causeCode":"C-1","actions":"replaced","partsUsed":[],"labourMinutes":60,"firstTimeFix":false,
                 "customerConfirmation":"SIGNED","previousWorkOrderId":"%s","actor":"tech.rpt03","occurredAt":"%s"}"""
                .formatted(sampledWorkOrderId(), ticketId, UUID.randomUUID(), closedAt));
        if (complaintSubjects.length > 0) {
            // REV-02: the complaint is no longer being handled (rejected), so its happy call may be made
            sender.send(TICKETS, ticketId.toString(), "TicketRejected", "intake-service", """
                    {"ticketId":"%s","ticketNumber":"%s","explanation":"not valid","actor":"sup.wang","occurredAt":"%s"}"""
                    .formatted(ticketId, number, closedAt));
        }
        return new Ticket(ticketId, number);
    }

    /** The ticket's happy call once revisit has scheduled it and knows the ticket's number. */
    private String revisitOf(Ticket ticket) {
        String anyAgent = agentToken("agent.reader");
        JsonNode revisit = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/revisit/revisits?ticketId=" + ticket.id(), anyAgent).body(),
                b -> b.isArray() && b.size() == 1).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM ticket_fact WHERE ticket_id = :t AND ticket_number IS NOT NULL AND accepted_at IS NOT NULL")
                .param("t", ticket.id()).query(Long.class).single() == 1);
        return revisit.get("id").asString();
    }

    private String scheduledRevisit(Instant closedAt, String... complaintSubjects) {
        return revisitOf(servedTicket(UUID.randomUUID(), "North", closedAt, complaintSubjects));
    }

    private static Map<String, Object> answers(String overall) {
        return Map.of("serviceQuality", "SATISFIED", "technicalSkill", "SATISFIED", "chargeReasonable", true,
                "punctuality", "SATISFIED", "overall", overall, "comment", "fine");
    }

    private RestApi.Response claim(String revisitId, String token) {
        return api.post("/api/revisit/revisits/" + revisitId + "/claim", null, token);
    }

    private RestApi.Response assign(String revisitId, String agent) {
        return api.put("/api/revisit/revisits/" + revisitId + "/assignee", Map.of("agent", agent), SUPERVISOR, Map.of());
    }

    /** Every reminder on every page (the shared database holds other tests' revisits too). */
    private List<JsonNode> reminders(String query, String token) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var response = api.get("/api/revisit/reminders?size=200&page=" + page + (query.isEmpty() ? "" : "&" + query), token);
            assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
            response.body().get("items").forEach(all::add);
            if (all.size() >= response.body().get("totalItems").asLong()) {
                return all;
            }
        }
    }

    private static JsonNode find(List<JsonNode> reminders, String revisitId) {
        return reminders.stream().filter(r -> r.get("revisitId").asString().equals(revisitId)).findFirst().orElse(null);
    }

    private static List<String> ids(List<JsonNode> reminders) {
        return reminders.stream().map(r -> r.get("revisitId").asString()).toList();
    }

    @Test
    @DisplayName("RPT-03 the first agent to claim holds the revisit; another's claim is 409 naming the holder, and only the holder records calls")
    void RPT03_firstClaimWinsAndOnlyTheHolderCalls() {
        String id = scheduledRevisit(Instant.now().minus(Duration.ofDays(6)));
        String he = agentToken("agent.he");
        String wu = agentToken("agent.wu");

        var claimed = claim(id, he);
        assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(200);
        assertThat(claimed.body().get("agent").asString()).isEqualTo(name("agent.he"));
        assertThat(claimed.body().get("how").asString()).isEqualTo("CLAIMED");
        var second = claim(id, wu);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get("detail").asString()).contains(name("agent.he"));
        assertThat(claim(id, he).status()).as("claiming again what one holds").isEqualTo(200);
        assertThat(api.get("/api/revisit/revisits/" + id + "/assignee", SUPERVISOR).body().get("agent").asString())
                .isEqualTo(name("agent.he"));

        var otherCalls = api.post("/api/revisit/revisits/" + id + "/attempts", null, wu);
        assertThat(otherCalls.status()).isEqualTo(403);
        assertThat(otherCalls.body().get("detail").asString()).contains(name("agent.he"));
        assertThat(api.post("/api/revisit/revisits/" + id + "/outcome", answers("SATISFIED"), wu).status()).isEqualTo(403);
        assertThat(api.post("/api/revisit/revisits/" + id + "/attempts", null, he).status()).isEqualTo(200);
        var answered = api.post("/api/revisit/revisits/" + id + "/outcome", answers("SATISFIED"), he);
        assertThat(answered.status()).as(answered.body().toString()).isEqualTo(200);
        assertThat(answered.body().get("agent").asString()).isEqualTo(name("agent.he"));

        // an answered revisit is no longer claimed or assigned
        assertThat(claim(id, wu).status()).isEqualTo(409);
        assertThat(assign(id, name("agent.wu")).status()).isEqualTo(409);
    }

    @Test
    @DisplayName("RPT-03 an unassigned revisit may be called by any agent, who is recorded")
    void RPT03_poolRevisitAnyAgentCalls() {
        String id = scheduledRevisit(Instant.now().minus(Duration.ofDays(6)));
        var answered = api.post("/api/revisit/revisits/" + id + "/outcome", answers("VERY_SATISFIED"), agentToken("agent.any"));
        assertThat(answered.status()).as(answered.body().toString()).isEqualTo(200);
        assertThat(answered.body().get("agent").asString()).isEqualTo(name("agent.any"));
    }

    @Test
    @DisplayName("RPT-03 two agents claiming the same revisit at once: one 200, the other 409")
    void RPT03_concurrentClaims() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = scheduledRevisit(Instant.now().minus(Duration.ofDays(5)));
            String a = agentToken("agent.a");
            String b = agentToken("agent.b");
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<RestApi.Response> first = CompletableFuture.supplyAsync(() -> {
                waitFor(start);
                return claim(id, a);
            });
            CompletableFuture<RestApi.Response> second = CompletableFuture.supplyAsync(() -> {
                waitFor(start);
                return claim(id, b);
            });
            start.countDown();
            List<Integer> statuses = List.of(first.get().status(), second.get().status());
            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
            String winner = (first.get().status() == 200 ? first : second).get().body().get("agent").asString();
            assertThat(api.get("/api/revisit/revisits/" + id + "/assignee", SUPERVISOR).body().get("agent").asString())
                    .isEqualTo(winner);
            assertThat(jdbc.sql("SELECT count(*) FROM revisit_assignment_history WHERE revisit_id = :r")
                    .param("r", UUID.fromString(id)).query(Long.class).single()).isEqualTo(1L);
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("INT-12 a person the ticket's complaint names can neither claim its revisit nor be assigned it, nor sees it in the pool")
    void INT12_subjectNeitherClaimsNorIsAssigned() {
        String subject = name("agent.sub");
        String id = scheduledRevisit(Instant.now().minus(Duration.ofDays(6)), subject);
        UUID ticketId = UUID.fromString(api.get("/api/revisit/revisits/" + id, SUPERVISOR).body().get("ticketId").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM complaint_subject WHERE ticket_id = :t").param("t", ticketId).query(Long.class).single() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM complaint_handling WHERE ticket_id = :t AND NOT handling").param("t", ticketId)
                .query(Long.class).single() == 1);

        var claimed = claim(id, agentToken("agent.sub"));
        assertThat(claimed.status()).isEqualTo(403);
        assertThat(claimed.body().get("detail").asString()).contains("INT-12");
        var assigned = assign(id, subject.toUpperCase());
        assertThat(assigned.status()).isEqualTo(403);
        assertThat(assigned.body().get("detail").asString()).contains("INT-12");
        assertThat(ids(reminders("days=31", agentToken("agent.sub")))).doesNotContain(id);
        assertThat(ids(reminders("days=31", agentToken("agent.other")))).contains(id);

        assertThat(assign(id, name("agent.other")).status()).isEqualTo(200);
        assertThat(api.get("/api/revisit/revisits/" + id + "/assignee", agentToken("agent.other")).body().get("how").asString())
                .isEqualTo("ASSIGNED");
    }

    @Test
    @DisplayName("RPT-03 a supervisor assigns, reassigns and releases; each agent's reminders list theirs due within N days, overdue ones and the pool's")
    void RPT03_assignmentsAndReminders() {
        Instant now = Instant.now();
        String dueTomorrow = scheduledRevisit(now.minus(Duration.ofDays(6)));
        String overdue = scheduledRevisit(now.minus(Duration.ofDays(8)));
        String dueInSixDays = scheduledRevisit(now.minus(Duration.ofDays(1)));
        String pool = scheduledRevisit(now.minus(Duration.ofDays(6)));
        String x = name("agent.x");
        String xToken = agentToken("agent.x");

        assertThat(assign(dueTomorrow, name("agent.y")).status()).isEqualTo(200);
        var reassigned = assign(dueTomorrow, x);
        assertThat(reassigned.status()).as(reassigned.body().toString()).isEqualTo(200);
        assertThat(reassigned.body().get("assignedBy").asString()).isEqualTo("sup.ma");
        assertThat(assign(overdue, x).status()).isEqualTo(200);
        assertThat(assign(dueInSixDays, x).status()).isEqualTo(200);
        // an agent's claim does not take a revisit a supervisor assigned to another
        assertThat(claim(overdue, agentToken("agent.y")).status()).isEqualTo(409);

        List<JsonNode> mine = reminders("", xToken);   // the default: 3 days
        assertThat(ids(mine)).contains(dueTomorrow, overdue, pool).doesNotContain(dueInSixDays);
        JsonNode tomorrow = find(mine, dueTomorrow);
        assertThat(tomorrow.get("agent").asString()).isEqualTo(x);
        assertThat(tomorrow.get("how").asString()).isEqualTo("ASSIGNED");
        assertThat(tomorrow.get("overdue").asBoolean()).isFalse();
        assertThat(tomorrow.get("kind").asString()).isEqualTo("HAPPY_CALL");
        assertThat(tomorrow.get("ticketNumber").asString()).startsWith("T-RPT03-");
        assertThat(tomorrow.get("attempts").asInt()).isZero();
        assertThat(find(mine, overdue).get("overdue").asBoolean()).isTrue();
        assertThat(find(mine, pool).get("agent").isNull()).isTrue();
        // the holder's first, the pool after
        assertThat(ids(mine).indexOf(overdue)).isLessThan(ids(mine).indexOf(pool));
        assertThat(ids(reminders("days=31", xToken))).contains(dueInSixDays);
        assertThat(ids(reminders("days=3", agentToken("agent.y")))).contains(pool).doesNotContain(dueTomorrow, overdue);

        // the supervisor's view: every agent (or one) and the pool
        List<JsonNode> xOnly = reminders("agent=" + x, SUPERVISOR);
        assertThat(ids(xOnly)).containsExactlyInAnyOrder(overdue, dueTomorrow);
        List<JsonNode> everyone = reminders("days=3", token("svc.dir", "SERVICE_DIRECTOR"));
        assertThat(ids(everyone)).contains(dueTomorrow, overdue, pool);
        assertThat(ids(everyone).indexOf(dueTomorrow)).isLessThan(ids(everyone).indexOf(pool));

        // another agent may not call x's revisit; released, it is the pool's again
        assertThat(api.post("/api/revisit/revisits/" + overdue + "/attempts", null, agentToken("agent.y")).status())
                .isEqualTo(403);
        assertThat(api.delete("/api/revisit/revisits/" + dueTomorrow + "/assignee", SUPERVISOR).status()).isEqualTo(204);
        assertThat(api.delete("/api/revisit/revisits/" + dueTomorrow + "/assignee", SUPERVISOR).status()).isEqualTo(204);
        assertThat(api.get("/api/revisit/revisits/" + dueTomorrow + "/assignee", SUPERVISOR).status()).isEqualTo(404);
        assertThat(find(reminders("", xToken), dueTomorrow).get("agent").isNull()).isTrue();
        assertThat(api.post("/api/revisit/revisits/" + dueTomorrow + "/attempts", null, agentToken("agent.y")).status())
                .isEqualTo(200);

        // SEC-03: each claim, assignment and release is kept with its actor, and never changes
        assertThat(jdbc.sql("SELECT action || ':' || agent || ':' || actor FROM revisit_assignment_history"
                        + " WHERE revisit_id = :r ORDER BY id").param("r", UUID.fromString(dueTomorrow)).query(String.class).list())
                .containsExactly("ASSIGNED:" + name("agent.y") + ":sup.ma", "ASSIGNED:" + x + ":sup.ma",
                        "RELEASED:" + x + ":sup.ma");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM revisit_assignment_history WHERE revisit_id = :r")
                .param("r", UUID.fromString(dueTomorrow)).update()).hasMessageContaining("audit record");
    }

    @Test
    @DisplayName("RPT-03 customers served in the period and never revisited, with orders, last service, region and tickets; JSON, CSV, Excel")
    void RPT03_neverRevisitedCustomers() {
        // a day of its own, so that the shared database's other customers are not in it (company zone: UTC+8)
        Instant day = Instant.parse("2020-02-29T04:00:00Z");
        UUID neverAnswered = UUID.randomUUID();
        UUID answered = UUID.randomUUID();
        UUID servedTheDayBefore = UUID.randomUUID();
        Ticket first = servedTicket(neverAnswered, "South", day);
        Ticket second = servedTicket(neverAnswered, "East", day.plus(Duration.ofHours(3)));
        Ticket answeredTicket = servedTicket(answered, "North", day);
        Ticket dayBefore = servedTicket(servedTheDayBefore, "North", day.minus(Duration.ofDays(1)));
        String firstRevisit = revisitOf(first);
        revisitOf(second);
        revisitOf(dayBefore);
        var answer = api.post("/api/revisit/revisits/" + revisitOf(answeredTicket) + "/outcome", answers("NEUTRAL"),
                agentToken("agent.he"));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(api.post("/api/revisit/revisits/" + firstRevisit + "/attempts", null, agentToken("agent.he")).status())
                .isEqualTo(200);

        String path = "/api/revisit/customers/never-revisited?from=2020-02-29&to=2020-02-29";
        var page = api.get(path, token("mgr", "MANAGER"));
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        assertThat(page.body().get("totalItems").asLong()).isEqualTo(1);
        JsonNode customer = page.body().get("items").get(0);
        assertThat(customer.get("customerId").asString()).isEqualTo(neverAnswered.toString());
        assertThat(customer.get("ordersServed").asLong()).isEqualTo(2);
        assertThat(Instant.parse(customer.get("lastServedAt").asString())).isEqualTo(day.plus(Duration.ofHours(3)));
        assertThat(customer.get("region").asString()).isEqualTo("East");
        assertThat(customer.get("tickets").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder(first.number(), second.number());
        assertThat(api.get("/api/revisit/customers/never-revisited?from=2020-02-28&to=2020-02-29", SUPERVISOR)
                .body().get("items").valueStream().map(c -> c.get("customerId").asString()).toList())
                .containsExactlyInAnyOrder(neverAnswered.toString(), servedTheDayBefore.toString());

        var csv = api.download(path.replace("never-revisited?", "never-revisited.csv?"), agentToken("agent.he"), "*/*");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("customerId,ordersServed,lastServedAt,region,tickets")
                .contains(neverAnswered.toString()).contains("2020-02-29T15:00:00+08:00").doesNotContain(answered.toString());
        var xlsx = api.download(path.replace("never-revisited?", "never-revisited.xlsx?"), SUPERVISOR, "*/*");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(api.get(path, token("tech.north", "TECHNICIAN")).status()).isEqualTo(403);
        assertThat(api.get(path, token("desk.li", "FRONT_DESK")).status()).isEqualTo(403);

        // answered once (any revisit of any of their tickets): never listed again
        String he = agentToken("agent.he");
        assertThat(api.post("/api/revisit/revisits/" + firstRevisit + "/outcome", answers("SATISFIED"), he).status())
                .isEqualTo(200);
        assertThat(api.get(path, SUPERVISOR).body().get("totalItems").asLong()).isZero();
    }
}
