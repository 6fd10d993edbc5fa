package com.opensvc.aftersales.revisit.coverage;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.revisit.RevisitServiceTest;
import com.opensvc.aftersales.revisit.coverage.CoverageTopUpJob.TopUpRun;
import com.opensvc.aftersales.revisit.happycall.HappyCallSampling;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * REV-01 (§11) monthly coverage end to end within revisit: RepairClosed in, the sample misses some technicians, the
 * month-end top-up gives each of them exactly one happy call, published as RevisitScheduled.
 */
@RevisitServiceTest
class CoverageTopUpFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    /** revisit.yml's default: 10 %. */
    private static final double RATE = 0.10;
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> DECISIONS = Set.of("RevisitScheduled", "RevisitNotRequired");

    private RestApi api;
    @ProbeTopics("aftersales.revisit.revisit")
    private EventProbe probe;
    private EventSender sender;
    @Autowired
    private CoverageTopUpJob job;

    private record Order(UUID ticketId, UUID workOrderId, String technician, UUID previous, Instant closedAt) {
        String json() {
            return """
                    {"workOrderId":"%s","ticketId":"%s","technicianId":"%s","productModel":"AC-3200",
                     "serialNumber":"SN-77","entitlement":"FREE_REPAIR","outcome":"FIXED","symptom":"no cooling",
                     "causeCode":"C-1","actions":"replaced","partsUsed":[],"labourMinutes":60,"firstTimeFix":%s,
                     "customerConfirmation":"SIGNED","previousWorkOrderId":%s,"actor":"%s","occurredAt":"%s"}"""
                    .formatted(workOrderId, ticketId, technician, previous == null,
                            previous == null ? "null" : "\"" + previous + "\"", technician, closedAt);
        }
    }

    private static Order order(String technician, boolean sampled, Instant closedAt) {
        UUID id;
        do {
            id = UUID.randomUUID();
        } while (HappyCallSampling.sampled(id, RATE) != sampled);
        return new Order(UUID.randomUUID(), id, technician, null, closedAt);
    }

    private static String newTechnician(String name) {
        return "tech.cov-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends the orders and waits until each has its published decision. */
    private void complete(Collection<Order> orders) {
        orders.forEach(o -> sender.send(WORK_ORDERS, o.ticketId().toString(), "RepairClosed", "dispatch-service", o.json()));
        Set<UUID> pending = orders.stream().map(Order::workOrderId).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode event : events(Duration.ofMillis(300))) {
                if (DECISIONS.contains(event.get("type").asString()) && event.hasNonNull("workOrderId")) {
                    pending.remove(UUID.fromString(event.get("workOrderId").asString()));
                }
            }
            return pending.isEmpty();
        });
    }

    /** Revisit's events published since the class started, each checked against its schema and keyed by its ticket. */
    private List<JsonNode> events(Duration quiet) {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : probe.drain(quiet)) {
            String type = EventProbe.eventType(record);
            assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
            JsonNode body = JSON.readTree(record.value());
            assertThat(record.key()).isEqualTo(body.get("ticketId").asString());
            ((tools.jackson.databind.node.ObjectNode) body).put("type", type);
            events.add(body);
        }
        return events;
    }

    /** The monthly-coverage happy calls published for these orders since the class started, by work order. */
    private Map<UUID, JsonNode> coverageCalls(Duration quiet, Collection<Order> orders) {
        Set<String> ours = orders.stream().map(o -> o.workOrderId().toString()).collect(Collectors.toSet());
        Map<UUID, JsonNode> calls = new LinkedHashMap<>();
        for (JsonNode event : events(quiet)) {
            if ("RevisitScheduled".equals(event.get("type").asString()) && event.hasNonNull("workOrderId")
                    && ours.contains(event.get("workOrderId").asString())
                    && "TECHNICIAN_MONTHLY_COVERAGE".equals(event.get("selection").asString())) {
                assertThat(calls.put(UUID.fromString(event.get("workOrderId").asString()), event))
                        .as("one call per work order").isNull();
            }
        }
        return calls;
    }

    private JsonNode coverageOf(YearMonth month, String technician, String token) {
        var response = api.get("/api/revisit/coverage/" + month + "?technicianId=" + technician, token);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().get("totalItems").asLong()).isEqualTo(1);
        return response.body().get("items").get(0);
    }

    @Test
    @DisplayName("REV-01 every technician with completed orders has exactly one happy call in the month after the top-up: open windows first, lowest value, due 7 days after completion or after the run; a second run adds nothing")
    void REV01_monthEndTopUpCoversEveryTechnician() {
        YearMonth march = YearMonth.of(2025, 3);
        Instant runAt = Instant.parse("2025-03-31T16:05:00Z");   // 00:05 on 1 April in Shanghai
        String recent = newTechnician("recent");                 // missed by the sample, worked in the last week
        String early = newTechnician("early");                   // missed by the sample, last work weeks ago
        String sampled = newTechnician("sampled");               // one order sampled: covered
        List<Order> recentOrders = List.of(order(recent, false, Instant.parse("2025-03-05T02:00:00Z")),
                order(recent, false, Instant.parse("2025-03-27T02:00:00Z")),
                order(recent, false, Instant.parse("2025-03-29T08:00:00Z")),
                order(recent, false, Instant.parse("2025-03-31T15:00:00Z")));
        List<Order> earlyOrders = List.of(order(early, false, Instant.parse("2025-03-03T02:00:00Z")),
                order(early, false, Instant.parse("2025-03-10T02:00:00Z")));
        List<Order> sampledOrders = List.of(order(sampled, true, Instant.parse("2025-03-12T02:00:00Z")),
                order(sampled, false, Instant.parse("2025-03-28T02:00:00Z")));
        List<Order> all = new ArrayList<>(recentOrders);
        all.addAll(earlyOrders);
        all.addAll(sampledOrders);
        complete(all);

        String agent = token("agent.he", "REVISIT_AGENT");
        assertThat(coverageOf(march, recent, agent).get("covered").asBoolean()).isFalse();
        assertThat(coverageOf(march, sampled, agent).get("covered").asBoolean()).isTrue();

        TopUpRun run = job.topUp(march, runAt, "system:revisit-coverage");
        assertThat(run.toppedUp()).extracting(CoverageTopUp::technicianId).contains(recent, early)
                .doesNotContain(sampled);

        Map<UUID, JsonNode> calls = coverageCalls(Duration.ofSeconds(3), all);
        Map<String, JsonNode> byTechnician = new HashMap<>();
        all.forEach(o -> {
            if (calls.containsKey(o.workOrderId())) {
                assertThat(byTechnician.put(o.technician(), calls.get(o.workOrderId()))).as(o.technician()).isNull();
            }
        });
        assertThat(byTechnician).containsOnlyKeys(recent, early);

        // recent: among the orders whose 7 days are still open at the run, the lowest sampling value
        Order expectedRecent = recentOrders.stream().filter(o -> CoverageTopUp.windowOpen(o.closedAt(), runAt))
                .min((a, b) -> Double.compare(HappyCallSampling.value(a.workOrderId()),
                        HappyCallSampling.value(b.workOrderId()))).orElseThrow();
        JsonNode recentCall = byTechnician.get(recent);
        assertThat(recentCall.get("workOrderId").asString()).isEqualTo(expectedRecent.workOrderId().toString());
        assertThat(recentCall.get("ticketId").asString()).isEqualTo(expectedRecent.ticketId().toString());
        assertThat(recentCall.get("kind").asString()).isEqualTo("HAPPY_CALL");
        assertThat(Instant.parse(recentCall.get("dueBy").asString()))
                .isEqualTo(expectedRecent.closedAt().plus(Duration.ofDays(7)));
        // early: no window open any more: the lowest value, due 7 days after the run (late, and recorded so)
        Order expectedEarly = earlyOrders.stream().min((a, b) -> Double.compare(
                HappyCallSampling.value(a.workOrderId()), HappyCallSampling.value(b.workOrderId()))).orElseThrow();
        JsonNode earlyCall = byTechnician.get(early);
        assertThat(earlyCall.get("workOrderId").asString()).isEqualTo(expectedEarly.workOrderId().toString());
        assertThat(Instant.parse(earlyCall.get("dueBy").asString())).isEqualTo(runAt.plus(Duration.ofDays(7)));

        // the audit: the view per technician, and the top-up's record with every candidate and its value
        String manager = token("mgr.zhou", "MANAGER");
        for (String technician : List.of(recent, early, sampled)) {
            JsonNode row = coverageOf(march, technician, manager);
            assertThat(row.get("covered").asBoolean()).as(technician).isTrue();
            assertThat(row.get("happyCalls").asLong()).as(technician).isEqualTo(1);
        }
        JsonNode recentRow = coverageOf(march, recent, token("sup.li", "SUPERVISOR"));
        assertThat(recentRow.get("ordersCompleted").asLong()).isEqualTo(4);
        assertThat(recentRow.get("sampled").asLong()).isZero();
        assertThat(recentRow.get("monthlyCoverage").asLong()).isEqualTo(1);
        JsonNode topUp = recentRow.get("topUp");
        assertThat(topUp.get("workOrderId").asString()).isEqualTo(expectedRecent.workOrderId().toString());
        assertThat(topUp.get("dueBasis").asString()).isEqualTo("COMPLETION");
        assertThat(topUp.get("windowOpen").asBoolean()).isTrue();
        assertThat(topUp.get("runId").asString()).isEqualTo(run.runId().toString());
        assertThat(topUp.get("revisitId").asString()).isEqualTo(recentCall.get("revisitId").asString());
        assertThat(topUp.get("candidates")).hasSize(4);
        assertThat(topUp.get("candidates").get(0).get("workOrderId").asString())
                .isEqualTo(expectedRecent.workOrderId().toString());
        for (JsonNode candidate : topUp.get("candidates")) {
            assertThat(candidate.get("hashValue").asDouble())
                    .isEqualTo(HappyCallSampling.value(UUID.fromString(candidate.get("workOrderId").asString())));
        }
        JsonNode sampledRow = coverageOf(march, sampled, manager);
        assertThat(sampledRow.get("sampled").asLong()).isEqualTo(1);
        assertThat(sampledRow.get("topUp").isNull()).isTrue();
        var audit = api.get("/api/revisit/coverage/top-ups?workOrderId=" + expectedEarly.workOrderId(),
                token("dir.wang", "SERVICE_DIRECTOR"));
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body().get("items").get(0).get("dueBasis").asString()).isEqualTo("TOP_UP_RUN");
        assertThat(Instant.parse(audit.body().get("items").get(0).get("dueBy").asString()))
                .isEqualTo(runAt.plus(Duration.ofDays(7)));
        // the decision published at completion stays as it was
        JsonNode decision = api.get("/api/revisit/decisions?workOrderId=" + expectedRecent.workOrderId(), manager)
                .body().get("items").get(0);
        assertThat(decision.get("decision").asString()).isEqualTo("NOT_REQUIRED");
        var revisits = api.get("/api/revisit/revisits?ticketId=" + expectedRecent.ticketId(), agent).body();
        assertThat(revisits).hasSize(1);
        assertThat(revisits.get(0).get("selection").asString()).isEqualTo("TECHNICIAN_MONTHLY_COVERAGE");

        // on demand, again: idempotent — nothing new, nothing published
        var again = api.post("/api/revisit/coverage/" + march + "/top-up", null, manager);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.body().get("toppedUp")).isEmpty();
        assertThat(again.body().get("techniciansWithOrders").asInt()).isEqualTo(again.body().get("alreadyCovered").asInt());
        assertThat(job.topUp(march, runAt.plus(Duration.ofDays(1)), "system:revisit-coverage").toppedUp()).isEmpty();
        assertThat(coverageCalls(Duration.ofSeconds(2), all)).as("no second call").hasSize(2);
    }

    @Test
    @DisplayName("REV-01 SEC-01 the top-up on demand: 403 for REVISIT_AGENT and TECHNICIAN, 409 for a month not yet over, 200 for SERVICE_DIRECTOR")
    void REV01_topUpOnDemandRoles() {
        YearMonth april = YearMonth.of(2025, 4);
        String technician = newTechnician("demand");
        Order order = order(technician, false, Instant.parse("2025-04-10T02:00:00Z"));
        complete(List.of(order));
        String path = "/api/revisit/coverage/" + april + "/top-up";
        assertThat(api.post(path, null, token("agent.he", "REVISIT_AGENT")).status()).isEqualTo(403);
        assertThat(api.post(path, null, token(technician, "TECHNICIAN")).status()).isEqualTo(403);
        assertThat(api.get("/api/revisit/coverage/" + april, token(technician, "TECHNICIAN")).status()).isEqualTo(403);
        assertThat(coverageCalls(Duration.ofSeconds(1), List.of(order))).isEmpty();

        YearMonth thisMonth = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
        var notOver = api.post("/api/revisit/coverage/" + thisMonth.plusMonths(1) + "/top-up", null,
                token("dir.wang", "SERVICE_DIRECTOR"));
        assertThat(notOver.status()).as(notOver.body().toString()).isEqualTo(409);

        var done = api.post(path, null, token("dir.wang", "SERVICE_DIRECTOR"));
        assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
        assertThat(done.body().get("toppedUp")).singleElement().satisfies(t -> {
            assertThat(t.get("technicianId").asString()).isEqualTo(technician);
            assertThat(t.get("actor").asString()).isEqualTo("dir.wang");
            assertThat(t.get("dueBasis").asString()).isEqualTo("TOP_UP_RUN");
        });
        Map<UUID, JsonNode> calls = coverageCalls(Duration.ofSeconds(3), List.of(order));
        assertThat(calls).containsOnlyKeys(order.workOrderId());
        assertThat(calls.get(order.workOrderId()).get("actor").asString()).isEqualTo("dir.wang");
    }

    @Test
    @DisplayName("REV-01 two replicas topping up the same month at once give every technician exactly one happy call, whether they choose the same order or not")
    void REV01_concurrentTopUpsCallEachTechnicianOnce() throws Exception {
        for (boolean sameRun : new boolean[]{true, false}) {
            YearMonth month = sameRun ? YearMonth.of(2025, 5) : YearMonth.of(2025, 6);
            Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
            List<String> technicians = new ArrayList<>();
            List<Order> orders = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                String technician = newTechnician("race" + t);
                technicians.add(technician);
                for (int i = 0; i < 4; i++) {
                    // one order a week: only the last week's has its window open at the month's end
                    orders.add(order(technician, false, monthEnd.minus(Duration.ofDays(2 + 7L * i))));
                }
            }
            complete(orders);

            // the same run instant (same choice), or one replica much later (every window closed: another choice)
            Instant first = monthEnd.plus(Duration.ofMinutes(5));
            Instant second = sameRun ? first : monthEnd.plus(Duration.ofDays(20));
            CyclicBarrier start = new CyclicBarrier(2);
            try (ExecutorService replicas = Executors.newFixedThreadPool(2)) {
                Future<TopUpRun> a = replicas.submit(() -> {
                    start.await();
                    return job.topUp(month, first, "system:replica-a");
                });
                Future<TopUpRun> b = replicas.submit(() -> {
                    start.await();
                    return job.topUp(month, second, "system:replica-b");
                });
                List<CoverageTopUp> toppedUp = new ArrayList<>(a.get().toppedUp());
                toppedUp.addAll(b.get().toppedUp());
                assertThat(toppedUp).extracting(CoverageTopUp::technicianId).as("same run: " + sameRun)
                        .containsExactlyInAnyOrderElementsOf(technicians);
            }

            Map<UUID, JsonNode> calls = coverageCalls(Duration.ofSeconds(3), orders);
            Map<String, Long> callsPerTechnician = orders.stream().filter(o -> calls.containsKey(o.workOrderId()))
                    .collect(Collectors.groupingBy(Order::technician, Collectors.counting()));
            assertThat(callsPerTechnician).as("same run: " + sameRun).hasSize(6).allSatisfy((t, n) -> assertThat(n).isEqualTo(1));
            String agent = token("agent.he", "REVISIT_AGENT");
            for (String technician : technicians) {
                JsonNode row = coverageOf(month, technician, agent);
                assertThat(row.get("happyCalls").asLong()).isEqualTo(1);
                assertThat(row.get("ordersCompleted").asLong()).isEqualTo(4);
            }
            long revisits = orders.stream().mapToLong(o -> api.get("/api/revisit/revisits?ticketId=" + o.ticketId(), agent)
                    .body().size()).sum();
            assertThat(revisits).isEqualTo(6);
        }
    }
}
