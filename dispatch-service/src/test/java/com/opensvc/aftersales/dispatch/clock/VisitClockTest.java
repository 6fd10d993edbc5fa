package com.opensvc.aftersales.dispatch.clock;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.dispatch.DispatchServiceTest;
import com.opensvc.aftersales.dispatch.workorder.TicketAccepted;
import com.opensvc.aftersales.dispatch.workorder.WorkOrder;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderService;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DispatchServiceTest
@DisplayName("DSP-08 SLA-04 visit arrival and fix clocks")
class VisitClockTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    /** A region of its own, so these tests' open orders never use up the demo technicians' capacity. */
    private static final String REGION = "CLOCKS";
    private static final String TECHNICIAN = "tech.clocks";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WorkOrderService workOrders;
    @Autowired
    VisitClockJob job;
    @Autowired
    VisitClockRepository clockRepository;
    @Autowired
    VisitClockBreaches breaches;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private RestApi api;
    @ProbeTopics(WORK_ORDERS)
    private EventProbe probe;
    private EventSender sender;
    private final String supervisor = token("sup.zhao", "SUPERVISOR");
    private final String assigned = token(TECHNICIAN, "TECHNICIAN");

    @BeforeEach
    void setUp() {
        jdbc.sql("""
                INSERT INTO technician (login, name, product_lines, regions, home_store, daily_capacity)
                VALUES (:login, 'Clock Tester', ARRAY['AIR_CONDITIONER'], ARRAY[:region], 'STORE-CLOCKS', 100000)
                ON CONFLICT (login) DO NOTHING
                """).param("login", TECHNICIAN).param("region", REGION).update();
    }

    /**
     * An accepted on-site ticket, proposed tech.clocks and confirmed by the supervisor (DSP-02, the default policy),
     * no parts: READY.
     */
    private WorkOrder dispatchedWorkOrder() {
        UUID ticketId = UUID.randomUUID();
        WorkOrder created = workOrders.createFor(new TicketAccepted(ticketId, "T-CLK-" + ticketId, "ON_SITE",
                "AIR_CONDITIONER", "AC-3200", "SN-" + ticketId, REGION, "FREE_REPAIR", "NORMAL", List.of(), null, null, null, null, "desk.li"),
                UUID.randomUUID()).orElseThrow();
        assertThat(created.state().name()).isEqualTo("NEW");
        assertThat(created.proposedTechnician()).isEqualTo(TECHNICIAN);
        WorkOrder workOrder = workOrders.confirmAssignment(created.id(), null, "sup.zhao");
        assertThat(workOrder.technician()).isEqualTo(TECHNICIAN);
        assertThat(workOrder.state().name()).isEqualTo("READY");
        return workOrder;
    }

    private JsonNode clocksOf(UUID workOrderId) {
        var response = api.get("/api/dispatch/clocks?workOrderId=" + workOrderId, supervisor);
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("items");
    }

    private JsonNode clock(UUID workOrderId, String kind) {
        for (JsonNode clock : clocksOf(workOrderId)) {
            if (clock.get("kind").asString().equals(kind)) {
                return clock;
            }
        }
        throw new AssertionError("work order " + workOrderId + " has no " + kind + " clock: " + clocksOf(workOrderId));
    }

    private static Instant instant(JsonNode node) {
        return Instant.parse(node.asString());
    }

    private String path(WorkOrder workOrder, String milestone) {
        return "/api/dispatch/work-orders/" + workOrder.id() + "/" + milestone;
    }

    private static Map<String, Object> fixedVisit() {
        return Map.of("outcome", "FIXED", "symptom", "no cooling", "causeCode", "C-GAS-LOW", "actions", "refilled gas",
                "labourMinutes", 40, "customerConfirmation", "SIGNED-1", "partsUsed", List.of());
    }

    private static void assertValid(ConsumerRecord<String, String> record) {
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).as(record.value()).isEmpty();
    }

    private List<ConsumerRecord<String, String>> slaBreachedFor(UUID ticketId) {
        return slaBreachedFor(Set.of(ticketId.toString()), Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("DSP-08 SLA-04 dispatch (technician assigned) starts the ARRIVAL clock, due 24 hours later")
    void DSP08_SLA04_assignmentStartsArrivalClock() {
        WorkOrder workOrder = dispatchedWorkOrder();

        JsonNode clocks = clocksOf(workOrder.id());
        assertThat(clocks.size()).as("no FIX clock before work starts").isEqualTo(1);
        JsonNode arrival = clocks.get(0);
        assertThat(arrival.get("kind").asString()).isEqualTo("ARRIVAL");
        assertThat(arrival.get("state").asString()).isEqualTo("RUNNING");
        assertThat(arrival.get("ticketId").asString()).isEqualTo(workOrder.ticketId().toString());
        assertThat(instant(arrival.get("startedAt"))).isEqualTo(workOrder.assignedAt());
        assertThat(instant(arrival.get("dueAt"))).isEqualTo(workOrder.assignedAt().plus(Duration.ofHours(24)));
    }

    @Test
    @DisplayName("DSP-08 SEC-02 another technician cannot record the arrival (403); the clock keeps running")
    void DSP08_SEC02_arrivalByAnotherTechnicianIsForbidden() {
        WorkOrder workOrder = dispatchedWorkOrder();

        assertThat(api.post(path(workOrder, "arrival"), Map.of(), token("tech.north", "TECHNICIAN")).status()).isEqualTo(403);
        assertThat(api.post(path(workOrder, "work-started"), Map.of(), token("tech.north", "TECHNICIAN")).status()).isEqualTo(403);
        assertThat(clock(workOrder.id(), "ARRIVAL").get("state").asString()).isEqualTo("RUNNING");
        assertThat(workOrders.get(workOrder.id()).arrivedAt()).isNull();
    }

    @Test
    @DisplayName("DSP-08 the assigned technician's arrival meets the ARRIVAL clock and publishes TechnicianArrived")
    void DSP08_arrivalMeetsArrivalClock() {
        WorkOrder workOrder = dispatchedWorkOrder();

        var arrived = api.post(path(workOrder, "arrival"), Map.of(), assigned);
        assertThat(arrived.status()).isEqualTo(200);
        assertThat(arrived.header("ETag")).isEqualTo("\"" + arrived.body().get("version").asInt() + "\"");
        Instant arrivedAt = instant(arrived.body().get("arrivedAt"));
        assertThat(arrived.body().get("workStartedAt").isNull()).isTrue();

        JsonNode arrival = clock(workOrder.id(), "ARRIVAL");
        assertThat(arrival.get("state").asString()).isEqualTo("MET");
        assertThat(instant(arrival.get("metAt"))).isEqualTo(arrivedAt);

        ConsumerRecord<String, String> event = probe.awaitType("TechnicianArrived", workOrder.ticketId().toString(),
                Duration.ofSeconds(30));
        assertValid(event);
        JsonNode payload = JSON.readTree(event.value());
        assertThat(payload.get("workOrderId").asString()).isEqualTo(workOrder.id().toString());
        assertThat(payload.get("technicianId").asString()).isEqualTo(TECHNICIAN);
        assertThat(payload.get("actor").asString()).isEqualTo(TECHNICIAN);
        assertThat(EventProbe.header(event, "ce_source")).isEqualTo("dispatch-service");

        var again = api.post(path(workOrder, "arrival"), Map.of(), assigned);
        assertThat(again.status()).as("arrival is recorded once").isEqualTo(409);
        assertThat(again.body().get("currentState").asString()).isEqualTo("READY");
    }

    @Test
    @DisplayName("DSP-08 a supervisor may record the arrival on the assigned technician's behalf")
    void DSP08_supervisorRecordsOnBehalf() {
        WorkOrder workOrder = dispatchedWorkOrder();

        assertThat(api.post(path(workOrder, "arrival"), Map.of(), supervisor).status()).isEqualTo(200);

        ConsumerRecord<String, String> event = probe.awaitType("TechnicianArrived", workOrder.ticketId().toString(),
                Duration.ofSeconds(30));
        assertValid(event);
        assertThat(event.value()).contains("\"technicianId\": \"" + TECHNICIAN + "\"").contains("\"actor\": \"sup.zhao\"");
        assertThat(clock(workOrder.id(), "ARRIVAL").get("state").asString()).isEqualTo("MET");
    }

    @Test
    @DisplayName("DSP-08 SLA-04 work-started starts the FIX clock (due 24 h later); the FIXED visit meets it")
    void DSP08_SLA04_workStartedStartsFixClockAndFixedMeetsIt() {
        WorkOrder workOrder = dispatchedWorkOrder();
        assertThat(api.post(path(workOrder, "arrival"), Map.of(), assigned).status()).isEqualTo(200);

        var started = api.post(path(workOrder, "work-started"), Map.of(), assigned);
        assertThat(started.status()).isEqualTo(200);
        Instant startedAt = instant(started.body().get("workStartedAt"));
        JsonNode fix = clock(workOrder.id(), "FIX");
        assertThat(fix.get("state").asString()).isEqualTo("RUNNING");
        assertThat(instant(fix.get("startedAt"))).isEqualTo(startedAt);
        assertThat(instant(fix.get("dueAt"))).isEqualTo(startedAt.plus(Duration.ofHours(24)));
        assertValid(probe.awaitType("WorkStarted", workOrder.ticketId().toString(), Duration.ofSeconds(30)));
        assertThat(api.post(path(workOrder, "work-started"), Map.of(), assigned).status()).isEqualTo(409);

        var fixed = api.post("/api/dispatch/work-orders/" + workOrder.id() + "/visits", fixedVisit(), assigned);
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.body().get("state").asString()).isEqualTo("COMPLETED");
        assertThat(fixed.body().get("workStartedAt").asString()).as("the recorded start stays")
                .isEqualTo(started.body().get("workStartedAt").asString());
        assertThat(clock(workOrder.id(), "FIX").get("state").asString()).isEqualTo("MET");
        assertThat(clock(workOrder.id(), "ARRIVAL").get("state").asString()).isEqualTo("MET");
        assertThat(api.post(path(workOrder, "arrival"), Map.of(), assigned).status())
                .as("no milestones on a completed order").isEqualTo(409);
    }

    @Test
    @DisplayName("DSP-05 DSP-08 a FIXED visit without recorded milestones implies arrival and start; both clocks MET")
    void DSP08_fixedVisitImpliesArrivalAndStart() {
        WorkOrder workOrder = dispatchedWorkOrder();

        var fixed = api.post("/api/dispatch/work-orders/" + workOrder.id() + "/visits", fixedVisit(), assigned);
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.body().get("arrivedAt").isNull()).isFalse();
        assertThat(fixed.body().get("workStartedAt").isNull()).isFalse();
        assertThat(clock(workOrder.id(), "ARRIVAL").get("state").asString()).isEqualTo("MET");
        assertThat(clock(workOrder.id(), "FIX").get("state").asString()).isEqualTo("MET");
        String ticket = workOrder.ticketId().toString();
        assertValid(probe.awaitType("TechnicianArrived", ticket, Duration.ofSeconds(30)));
        assertValid(probe.awaitType("WorkStarted", ticket, Duration.ofSeconds(30)));
        assertValid(probe.awaitType("RepairClosed", ticket, Duration.ofSeconds(30)));
    }

    @Test
    @DisplayName("DSP-08 SLA-06 a clock past due (job run 25 h later) is BREACHED and publishes one SlaBreached")
    void DSP08_SLA06_overdueClockBreachesOnce() {
        WorkOrder workOrder = dispatchedWorkOrder();
        Instant later = clock.instant().plus(Duration.ofHours(25)).truncatedTo(ChronoUnit.MICROS);

        job.evaluate(clock.instant());
        assertThat(clock(workOrder.id(), "ARRIVAL").get("state").asString()).isEqualTo("RUNNING");
        assertThat(job.evaluate(later)).isPositive();
        JsonNode arrival = clock(workOrder.id(), "ARRIVAL");
        assertThat(arrival.get("state").asString()).isEqualTo("BREACHED");
        assertThat(instant(arrival.get("breachedAt"))).isEqualTo(later);
        job.evaluate(later.plusSeconds(60));

        ConsumerRecord<String, String> event = probe.awaitType("SlaBreached", workOrder.ticketId().toString(),
                Duration.ofSeconds(30));
        assertValid(event);
        JsonNode payload = JSON.readTree(event.value());
        assertThat(payload.get("clock").asString()).isEqualTo("ARRIVAL");
        assertThat(payload.get("workOrderId").asString()).isEqualTo(workOrder.id().toString());
        assertThat(payload.get("technicianId").asString()).isEqualTo(TECHNICIAN);
        assertThat(instant(payload.get("dueAt"))).isEqualTo(workOrder.assignedAt().plus(Duration.ofHours(24)));
        assertThat(payload.get("escalationLevel").asInt()).isEqualTo(1);
        assertThat(payload.get("notifyRoles").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("SERVICE_DIRECTOR", "CUSTOMER_MANAGER", "REVISIT_AGENT", "SUPERVISOR");
        assertThat(payload.get("actor").asString()).isEqualTo("system:visit-clocks");
        assertThat(instant(payload.get("breachedAt"))).isEqualTo(later);
        assertThat(EventProbe.header(event, "ce_source")).isEqualTo("dispatch-service");
        assertThat(slaBreachedFor(workOrder.ticketId())).as("the second run found nothing new").hasSize(1);

        // arriving late records the arrival; the clock stays BREACHED
        assertThat(api.post(path(workOrder, "arrival"), Map.of(), assigned).status()).isEqualTo(200);
        assertThat(clock(workOrder.id(), "ARRIVAL").get("state").asString()).isEqualTo("BREACHED");
        assertThat(clock(workOrder.id(), "ARRIVAL").get("metAt").isNull()).isFalse();
    }

    @Test
    @DisplayName("DSP-08 supervisors list running overdue clocks; an arrival after the due time still breaches once")
    void DSP08_overdueListAndLateArrival() {
        WorkOrder workOrder = dispatchedWorkOrder();
        Instant due = clock.instant().minusSeconds(60);
        jdbc.sql("UPDATE visit_clock SET due_at = :due WHERE work_order_id = :id")
                .param("due", due.atOffset(ZoneOffset.UTC)).param("id", workOrder.id()).update();

        var overdue = api.get("/api/dispatch/clocks?state=RUNNING&overdue=true&size=200", supervisor);
        assertThat(overdue.status()).isEqualTo(200);
        assertThat(overdue.body().get("totalItems").asLong()).isPositive();
        assertThat(overdue.body().get("items").valueStream().map(c -> c.get("workOrderId").asString()))
                .contains(workOrder.id().toString());

        // the technician arrives after the due time, before the job has run: not MET, the job still breaches it
        assertThat(api.post(path(workOrder, "arrival"), Map.of(), assigned).status()).isEqualTo(200);
        assertThat(clock(workOrder.id(), "ARRIVAL").get("state").asString()).isEqualTo("RUNNING");
        job.evaluate(clock.instant());
        assertThat(clock(workOrder.id(), "ARRIVAL").get("state").asString()).isEqualTo("BREACHED");
        assertValid(probe.awaitType("SlaBreached", workOrder.ticketId().toString(), Duration.ofSeconds(30)));
        assertThat(slaBreachedFor(workOrder.ticketId())).hasSize(1);
    }

    @Test
    @DisplayName("DSP-08 an order completed after a clock's due time, before the job ran, breaches that clock (SlaBreached) instead of stopping it")
    void DSP08_lateCompletionIsBreachedNotStopped() {
        WorkOrder workOrder = dispatchedWorkOrder();
        jdbc.sql("UPDATE visit_clock SET due_at = :due WHERE work_order_id = :id AND kind = 'ARRIVAL'")
                .param("due", clock.instant().minusSeconds(60).atOffset(ZoneOffset.UTC)).param("id", workOrder.id())
                .update();

        var fixed = api.post("/api/dispatch/work-orders/" + workOrder.id() + "/visits", fixedVisit(), assigned);
        assertThat(fixed.status()).isEqualTo(200);
        JsonNode arrival = clock(workOrder.id(), "ARRIVAL");
        assertThat(arrival.get("state").asString()).as("breached at completion, no job run").isEqualTo("BREACHED");
        assertThat(arrival.get("breachedAt").isNull()).isFalse();
        assertThat(clock(workOrder.id(), "FIX").get("state").asString()).isEqualTo("MET");
        ConsumerRecord<String, String> event = probe.awaitType("SlaBreached", workOrder.ticketId().toString(),
                Duration.ofSeconds(30));
        assertValid(event);
        assertThat(JSON.readTree(event.value()).get("clock").asString()).isEqualTo("ARRIVAL");

        job.evaluate(clock.instant().plus(Duration.ofHours(25)));
        assertThat(slaBreachedFor(workOrder.ticketId())).as("breached once").hasSize(1);
    }

    @Test
    @DisplayName("SLA-05 TicketPending pauses the work order's visit clocks (the job does not breach them); TicketResumed adds the pause to the due time")
    void SLA05_pendingTicketPausesVisitClocks() throws Exception {
        WorkOrder workOrder = dispatchedWorkOrder();
        Instant due = instant(clock(workOrder.id(), "ARRIVAL").get("dueAt"));
        String ticket = workOrder.ticketId().toString();

        sender.send("aftersales.intake.ticket", ticket, "TicketPending", "intake-service", """
                {"ticketId":"%s","reason":"CUSTOMER_NO_TIME","customerDate":"2026-12-20","approvedBy":"mgr.chen",
                 "actor":"mgr.chen","occurredAt":"2026-12-01T02:15:00Z"}""".formatted(ticket));
        JsonNode paused = await().atMost(Duration.ofSeconds(30)).until(() -> clock(workOrder.id(), "ARRIVAL"),
                c -> !c.get("pausedAt").isNull());
        Instant pausedAt = instant(paused.get("pausedAt"));
        job.evaluate(clock.instant().plus(Duration.ofHours(25)));
        assertThat(clock(workOrder.id(), "ARRIVAL").get("state").asString()).as("paused: not breached").isEqualTo("RUNNING");
        var overdue = api.get("/api/dispatch/clocks?overdue=true&workOrderId=" + workOrder.id(), supervisor);
        assertThat(overdue.body().get("totalItems").asLong()).isZero();

        Thread.sleep(1_500);
        sender.send("aftersales.intake.ticket", ticket, "TicketResumed", "intake-service", """
                {"ticketId":"%s","toState":"IN_SERVICE","pausedAt":"2026-12-01T02:15:00Z","pausedSeconds":2,
                 "actor":"cm.zhao","occurredAt":"2026-12-01T02:15:02Z"}""".formatted(ticket));
        JsonNode resumed = await().atMost(Duration.ofSeconds(30)).until(() -> clock(workOrder.id(), "ARRIVAL"),
                c -> c.get("pausedAt").isNull());
        Duration moved = Duration.between(due, instant(resumed.get("dueAt")));
        assertThat(moved).isGreaterThanOrEqualTo(Duration.ofMillis(1_500))
                .isLessThanOrEqualTo(Duration.between(pausedAt, clock.instant()));
        assertThat(resumed.get("state").asString()).isEqualTo("RUNNING");
    }

    @Test
    @DisplayName("DSP-08 a cancelled work order stops its clocks: STOPPED, never breached")
    void DSP08_cancelledWorkOrderStopsClocks() {
        WorkOrder workOrder = dispatchedWorkOrder();
        // dispatch has no cancel path yet; the job must not escalate a cancelled order whichever path cancels it
        jdbc.sql("UPDATE work_order SET state = 'CANCELLED' WHERE id = :id").param("id", workOrder.id()).update();

        job.evaluate(clock.instant().plus(Duration.ofHours(25)));

        JsonNode arrival = clock(workOrder.id(), "ARRIVAL");
        assertThat(arrival.get("state").asString()).isEqualTo("STOPPED");
        assertThat(arrival.get("stoppedAt").isNull()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM visit_clock_breach WHERE clock_id = :id")
                .param("id", UUID.fromString(arrival.get("id").asString())).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("SLA-07 two job instances started together over 50 overdue clocks breach each exactly once: 50 SlaBreached")
    void SLA07_twoJobInstancesBreachEachClockOnce() throws Exception {
        Instant now = clock.instant();
        Set<String> tickets = new HashSet<>();
        List<UUID> clockIds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID workOrderId = UUID.randomUUID();
            UUID ticketId = UUID.randomUUID();
            UUID clockId = UUID.randomUUID();
            OffsetDateTime dispatched = now.minus(Duration.ofHours(25)).atOffset(ZoneOffset.UTC);
            jdbc.sql("""
                    INSERT INTO work_order (id, ticket_id, ticket_number, service_type, product_line, product_model,
                        region, entitlement, priority, expected_parts, state, technician, created_at, assigned_at)
                    VALUES (:id, :ticket, :number, 'ON_SITE', 'AIR_CONDITIONER', 'AC-3200', :region, 'FREE_REPAIR',
                        'NORMAL', '[]'::jsonb, 'READY', :tech, :at, :at)
                    """).param("id", workOrderId).param("ticket", ticketId).param("number", "T-SLA07-" + i)
                    .param("region", REGION).param("tech", TECHNICIAN).param("at", dispatched).update();
            jdbc.sql("""
                    INSERT INTO visit_clock (id, work_order_id, ticket_id, kind, started_at, due_at, state)
                    VALUES (:id, :workOrder, :ticket, 'ARRIVAL', :started, :due, 'RUNNING')
                    """).param("id", clockId).param("workOrder", workOrderId).param("ticket", ticketId)
                    .param("started", dispatched).param("due", dispatched.plusHours(24)).update();
            tickets.add(ticketId.toString());
            clockIds.add(clockId);
        }
        // small batches so the two instances interleave their claims
        var properties = new VisitClockProperties(Duration.ofHours(24), Duration.ofHours(24), Duration.ofSeconds(15), 5, false);
        VisitClockJob first = new VisitClockJob(clockRepository, breaches, transactionManager, properties, clock);
        VisitClockJob second = new VisitClockJob(clockRepository, breaches, transactionManager, properties, clock);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = replicas.submit(() -> {
                start.await();
                return first.evaluate(now);
            });
            Future<Integer> b = replicas.submit(() -> {
                start.await();
                return second.evaluate(now);
            });
            start.countDown();
            assertThat(a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS)).isEqualTo(50);
        } finally {
            replicas.shutdownNow();
        }

        assertThat(jdbc.sql("SELECT count(*) FROM visit_clock WHERE id IN (:ids) AND state = 'BREACHED'")
                .param("ids", clockIds).query(Long.class).single()).isEqualTo(50);
        assertThat(jdbc.sql("SELECT count(*) FROM visit_clock_breach WHERE clock_id IN (:ids)")
                .param("ids", clockIds).query(Long.class).single()).isEqualTo(50);

        await().atMost(Duration.ofSeconds(60)).until(() -> slaBreachedFor(tickets, Duration.ofMillis(500)).size() >= 50);
        List<ConsumerRecord<String, String>> breaches = slaBreachedFor(tickets, Duration.ofSeconds(3));
        assertThat(breaches).hasSize(50);
        assertThat(breaches.stream().map(ConsumerRecord::key).distinct()).hasSize(50);
        breaches.forEach(VisitClockTest::assertValid);
    }

    private List<ConsumerRecord<String, String>> slaBreachedFor(Set<String> tickets, Duration quiet) {
        return probe.drain(quiet).stream()
                .filter(r -> tickets.contains(r.key()) && EventProbe.eventType(r).equals("SlaBreached"))
                .toList();
    }
}
