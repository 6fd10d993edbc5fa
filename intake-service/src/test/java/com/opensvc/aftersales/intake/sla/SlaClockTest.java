package com.opensvc.aftersales.intake.sla;

import static com.opensvc.aftersales.intake.Tickets.ZONE;
import static com.opensvc.aftersales.intake.Tickets.timeline;
import static com.opensvc.aftersales.intake.Tickets.today;
import static com.opensvc.aftersales.intake.complaint.ComplaintFixtures.path;
import static com.opensvc.aftersales.intake.complaint.ComplaintFixtures.register;
import static com.opensvc.aftersales.intake.complaint.ComplaintFixtures.remoteComplaint;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.Tickets;
import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntakeServiceTest
@ProbeTopics("aftersales.intake.ticket")
class SlaClockTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    SlaEvaluationJob job;
    @Autowired
    SlaClockRepository clockRepository;
    @Autowired
    TicketService tickets;
    @Autowired
    OutboxWriter outbox;
    @Autowired
    SlaProperties properties;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;
    private RestApi api;
    private EventProbe probe;

    private final String desk = token("desk.li", "FRONT_DESK");
    private final String customerManager = token("cm.zhao", "CUSTOMER_MANAGER");
    private final String manager = token("mgr.sun", "MANAGER");
    private final String supervisor = token("sup.wang", "SUPERVISOR");
    private final String generalManager = token("gm.zhou", "GENERAL_MANAGER");

    @Test
    @DisplayName("SLA-01 SLA-02 SLA-03 a complaint starts its clocks: registration met, first response and the 24 h opinion running")
    void SLA03_complaintStartsItsClocks() {
        String id = registerComplaint(null);
        Map<String, JsonNode> clocks = clocks(id);
        assertThat(clocks.get("REGISTRATION").get("state").asString()).isEqualTo("MET");
        assertThat(clocks.get("FIRST_RESPONSE").get("state").asString()).isEqualTo("RUNNING");
        JsonNode opinion = clocks.get("OPINION");
        assertThat(Duration.between(Instant.parse(opinion.get("startedAt").asString()),
                Instant.parse(opinion.get("dueAt").asString()))).isEqualTo(Duration.ofHours(24));

        assertThat(api.post("/api/intake/tickets/" + id + "/first-response", Map.of("summary", "called back"), desk)
                .status()).isEqualTo(200);
        assertThat(clocks(id).get("FIRST_RESPONSE").get("state").asString()).isEqualTo("MET");

        assertThat(api.post("/api/intake/tickets/" + id + "/customer-unreachable", null, desk).status()).isEqualTo(403);
        api.post("/api/intake/tickets/" + id + "/customer-unreachable", null, customerManager);
        JsonNode extended = clocks(id).get("OPINION");
        assertThat(Duration.between(Instant.parse(extended.get("startedAt").asString()),
                Instant.parse(extended.get("dueAt").asString()))).as("SLA-03 48 h when unreachable").isEqualTo(Duration.ofHours(48));
    }

    @Test
    @DisplayName("SLA-03 each step's deadline: review 4 h after the opinion, GM 4 h, execution 8 h, form back the same day")
    void SLA03_stepDeadlines() {
        String id = registerComplaint(null);
        complaint(id, "/validity", Map.of("valid", true), customerManager);
        complaint(id, "/opinion", Map.of("responsibleDepartment", "AFTER_SALES", "remedy", "EXPLANATION",
                "opinion", "explain the schedule"), customerManager);
        assertThat(clocks(id).get("OPINION").get("state").asString()).isEqualTo("MET");
        assertThat(window(clocks(id).get("REVIEW"))).isEqualTo(Duration.ofHours(4));
        complaint(id, "/review", Map.of("outcome", "AGREED"), manager);
        assertThat(clocks(id).get("REVIEW").get("state").asString()).isEqualTo("MET");
        assertThat(window(clocks(id).get("GM_REPORT"))).isEqualTo(Duration.ofHours(4));
        complaint(id, "/final-approval", Map.of("approved", true), generalManager);
        assertThat(window(clocks(id).get("EXECUTION"))).isEqualTo(Duration.ofHours(8));
        complaint(id, "/execution", Map.of("note", "explained"), manager);
        JsonNode form = clocks(id).get("FORM_RETURN");
        Instant started = Instant.parse(form.get("startedAt").asString());
        assertThat(Instant.parse(form.get("dueAt").asString()))
                .isEqualTo(LocalDate.ofInstant(started, ZONE).plusDays(1).atStartOfDay(ZONE).toInstant());
        complaint(id, "/form-return", Map.of(), desk);
        assertThat(clocks(id).get("FORM_RETURN").get("state").asString()).isEqualTo("MET");
    }

    @Test
    @DisplayName("SLA-01 SLA-06 a complaint registered 2 h after first contact breaches: SlaBreached, escalation level 1, on the timeline")
    void SLA06_breachEscalatesOneLevel() {
        String id = registerComplaint(clock.instant().minus(Duration.ofHours(2)));
        assertThat(clocks(id).get("REGISTRATION").get("state").asString()).isEqualTo("RUNNING");

        job.evaluate(clock.instant());

        JsonNode registration = clocks(id).get("REGISTRATION");
        assertThat(registration.get("state").asString()).isEqualTo("BREACHED");
        assertThat(registration.get("level").asInt()).isEqualTo(1);
        ConsumerRecord<String, String> breached = probe.awaitType("SlaBreached", id, Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(breached, "ce_type"), breached.value())).isEmpty();
        assertThat(JSON.readTree(breached.value()).get("notifyRoles").toString())
                .contains("SERVICE_DIRECTOR", "CUSTOMER_MANAGER", "REVISIT_AGENT");
        ConsumerRecord<String, String> escalated = probe.awaitType("TicketEscalated", id, Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(escalated, "ce_type"), escalated.value())).isEmpty();
        assertThat(types(id)).contains("SLA_BREACHED", "ESCALATED");

        assertThat(api.get("/api/intake/sla/breaches?level=1&size=200", supervisor).body().get("items").valueStream()
                .map(c -> c.get("ticketId").asString())).contains(id);
        assertThat(api.get("/api/intake/sla/breaches", desk).status()).isEqualTo(403);

        job.evaluate(clock.instant().plus(Duration.ofDays(3)));
        JsonNode second = clocks(id).values().stream().filter(c -> c.get("level").asInt() == 2).findFirst().orElseThrow();
        assertThat(second.get("state").asString()).as("the next breach escalates to level 2").isEqualTo("BREACHED");
    }

    @Test
    @DisplayName("SLA-05 INT-14 clocks pause only once the pending proposal is approved and resume with the time they had left")
    void SLA05_pendingPausesAndResumes() {
        String id = registerComplaint(null);
        JsonNode before = clocks(id).get("OPINION");
        String proposal = api.post("/api/intake/tickets/" + id + "/pending-proposals", Map.of("reason", "CUSTOMER_NO_TIME",
                "explanation", "customer travels", "customerDate", today().plusDays(10).toString()),
                customerManager).body().get("id").asString();
        assertThat(clocks(id).get("OPINION").get("state").asString()).as("not yet approved").isEqualTo("RUNNING");

        assertThat(api.post("/api/intake/tickets/" + id + "/pending-proposals/" + proposal + "/approve", Map.of(), manager)
                .status()).isEqualTo(200);
        JsonNode paused = clocks(id).get("OPINION");
        assertThat(paused.get("state").asString()).isEqualTo("PAUSED");
        Duration left = Duration.parse(paused.get("remaining").asString());
        assertThat(left).isBetween(Duration.ofHours(23), Duration.ofHours(24));

        assertThat(api.post("/api/intake/tickets/" + id + "/resume", Map.of(), customerManager).status()).isEqualTo(200);
        JsonNode resumed = clocks(id).get("OPINION");
        assertThat(resumed.get("state").asString()).isEqualTo("RUNNING");
        assertThat(Instant.parse(resumed.get("dueAt").asString())).isAfterOrEqualTo(Instant.parse(before.get("dueAt").asString()));
        assertThat(types(id)).contains("SLA_CLOCK_PAUSED", "SLA_CLOCK_RESUMED");
    }

    @Test
    @DisplayName("INT-25 the promised reply is a deadline: met when answered, breached when not")
    void INT25_promisedReplyIsTracked() {
        String id = registerComplaint(null);
        Instant replyBy = clock.instant().plus(Duration.ofHours(6)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(api.put("/api/intake/tickets/" + id + "/promised-reply", Map.of("replyBy", replyBy.toString(),
                "source", "CHOSEN_BY_CUSTOMER"), desk, Map.of()).status()).isIn(200, 201);
        JsonNode promised = clocks(id).get("PROMISED_REPLY");
        assertThat(Instant.parse(promised.get("dueAt").asString())).isEqualTo(replyBy);
        api.post("/api/intake/tickets/" + id + "/promised-reply/answered", Map.of("summary", "told the date"), desk);
        assertThat(clocks(id).get("PROMISED_REPLY").get("state").asString()).isEqualTo("MET");
    }

    @Test
    @DisplayName("INT-22 a reminder before the deadline goes to the step's backup while the main handler is absent")
    void INT22_reminderGoesToBackup() {
        String id = registerComplaint(null);
        api.put("/api/intake/tickets/" + id + "/complaint/assignments/OPINION",
                Map.of("mainPerson", "cm.main2", "backupPerson", "cm.backup2"), supervisor, Map.of());
        String today = today().toString();
        api.post("/api/intake/duty/absences", Map.of("person", "cm.main2", "from", today,
                "to", today().plusDays(2).toString()), supervisor);
        complaint(id, "/validity", Map.of("valid", true), customerManager);
        Instant due = Instant.parse(clocks(id).get("OPINION").get("dueAt").asString());

        job.evaluate(due.minus(Duration.ofMinutes(5)));

        List<String> reminded = api.get("/api/intake/sla/reminders", token("cm.backup2", "CUSTOMER_MANAGER")).body()
                .valueStream().map(r -> r.get("ticketId").asString()).toList();
        assertThat(reminded).contains(id);
        assertThat(api.get("/api/intake/sla/reminders", token("cm.main2", "CUSTOMER_MANAGER")).body().valueStream()
                .map(r -> r.get("ticketId").asString()).toList()).doesNotContain(id);
        assertThat(types(id)).contains("SLA_REMINDER");
    }

    @Test
    @DisplayName("SLA-07 two evaluation jobs on one database: every due deadline fires exactly once")
    void SLA07_twoInstancesFireEachDeadlineOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(registerComplaint(clock.instant().minus(Duration.ofHours(3))));
        }
        SlaEvaluationJob replicaA = new SlaEvaluationJob(clockRepository, tickets, List.of(), outbox,
                smallBatches(), transactions, clock);
        SlaEvaluationJob replicaB = new SlaEvaluationJob(clockRepository, tickets, List.of(), outbox,
                smallBatches(), transactions, clock);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Instant now = clock.instant();
        Future<Integer> a = pool.submit(() -> {
            start.await();
            return replicaA.evaluate(now);
        });
        Future<Integer> b = pool.submit(() -> {
            start.await();
            return replicaB.evaluate(now);
        });
        start.countDown();
        int total = a.get() + b.get();
        pool.shutdown();

        for (String id : ids) {
            assertThat(jdbc.sql("SELECT count(*) FROM sla_clock WHERE ticket_id = :t AND kind = 'REGISTRATION' AND state = 'BREACHED'")
                    .param("t", UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM ticket_history WHERE ticket_id = :t AND action = 'SLA_BREACHED'")
                    .param("t", UUID.fromString(id)).query(Long.class).single()).as("one breach, one event").isEqualTo(1);
        }
        assertThat(total).as("between them the two replicas took every due deadline (others may be due too)")
                .isGreaterThanOrEqualTo(30);
    }

    private SlaProperties smallBatches() {
        return new SlaProperties(properties.calendars(), properties.workingHoursCalendar(), properties.clockCalendars(),
                properties.registrationWithin(), properties.firstResponseWithin(),
                properties.firstResponseOutsideHoursWithin(), properties.opinionWithin(),
                properties.opinionUnreachableWithin(), properties.reviewWithin(), properties.gmReportWithin(),
                properties.executionWithin(), properties.remindBefore(), false, properties.evaluationInterval(), 4);
    }

    private String registerComplaint(Instant firstContactAt) {
        Map<String, Object> request = remoteComplaint("DELIVERY_DELAY", today().toString());
        if (firstContactAt != null) {
            request.put("firstContactAt", firstContactAt.toString());
        }
        return register(api, request, desk);
    }

    private void complaint(String id, String step, Object body, String token) {
        var response = api.post(path(id, step), body, token);
        assertThat(response.status()).as(step + " " + response.body()).isEqualTo(200);
    }

    /** The latest clock of each kind. */
    private Map<String, JsonNode> clocks(String id) {
        var response = api.get("/api/intake/tickets/" + id + "/clocks", desk);
        assertThat(response.status()).isEqualTo(200);
        Map<String, JsonNode> byKind = new HashMap<>();
        response.body().valueStream().forEach(c -> byKind.put(c.get("kind").asString(), c));
        return byKind;
    }

    private static Duration window(JsonNode clock) {
        return Duration.between(Instant.parse(clock.get("startedAt").asString()), Instant.parse(clock.get("dueAt").asString()));
    }

    private List<String> types(String id) {
        return Tickets.types(timeline(api, id, desk));
    }
}
