package com.opensvc.aftersales.dispatch.maintenance;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.dispatch.DispatchServiceTest;
import com.opensvc.aftersales.dispatch.workorder.TicketAccepted;
import com.opensvc.aftersales.dispatch.workorder.WorkOrder;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderService;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DispatchServiceTest
@DisplayName("DSP-09 RPT-03 preventive maintenance plans, generated orders, signed inspection records, reminders")
class MaintenanceFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    /** A region of its own, so these tests' technicians and orders meet no other test's. */
    private static final String REGION = "MAINT";
    private static final String TECHNICIAN = "tech.maint";
    private static final String OTHER_TECHNICIAN = "tech.maint2";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A 1×1 PNG: what a signature pad sends, base64. */
    private static final String SIGNATURE_PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    @Autowired
    MaintenanceService maintenance;
    @Autowired
    MaintenanceOrderJob job;
    @Autowired
    WorkOrderService workOrders;
    @Autowired
    JdbcClient jdbc;

    private RestApi api;
    @ProbeTopics(WORK_ORDERS)
    private EventProbe probe;
    private final String supervisor = token("sup.zhao", "SUPERVISOR");
    private final String customerManager = token("cm.wang", "CUSTOMER_MANAGER");
    private final String assigned = token(TECHNICIAN, "TECHNICIAN");
    private final String otherTechnician = token(OTHER_TECHNICIAN, "TECHNICIAN");

    @BeforeEach
    void setUp() {
        jdbc.sql("""
                INSERT INTO technician (login, name, product_lines, regions, home_store, daily_capacity) VALUES
                    ('tech.maint',  'Maint Tester',  ARRAY['AIR_CONDITIONER'], ARRAY['MAINT'], 'STORE-MAINT', 100000),
                    ('tech.maint2', 'Maint Tester2', ARRAY['LAUNDRY'],         ARRAY['MAINT'], 'STORE-MAINT', 100000)
                ON CONFLICT (login) DO NOTHING
                """).update();
    }

    private LocalDate today() {
        return maintenance.today();
    }

    private static Map<String, Object> plan(LocalDate firstDue) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("customerId", UUID.randomUUID().toString());
        plan.put("installedProductId", UUID.randomUUID().toString());
        plan.put("productModel", "AC-3200");
        plan.put("serialNumber", "SN-M-" + UUID.randomUUID());
        plan.put("region", REGION);
        plan.put("contractId", UUID.randomUUID().toString());
        plan.put("items", List.of(Map.of("name", "Filter", "description", "clean or replace the air filter"),
                Map.of("name", "Refrigerant pressure", "description", "within 1.0–1.2 MPa")));
        plan.put("firstDue", firstDue.toString());
        return plan;
    }

    private static Map<String, Object> onSiteMonthly(Map<String, Object> plan) {
        plan.put("inspections", List.of(Map.of("mode", "ON_SITE", "every", "MONTH")));
        return plan;
    }

    private JsonNode create(Map<String, Object> plan) {
        var response = api.post("/api/dispatch/maintenance-plans", plan, customerManager);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(201);
        return response.body();
    }

    private List<JsonNode> ordersOf(String planId) {
        var response = api.get("/api/dispatch/maintenance-orders?planId=" + planId + "&size=200", supervisor);
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> orders = new ArrayList<>();
        response.body().get("items").forEach(orders::add);
        return orders;
    }

    private JsonNode onlyOrderOf(String planId) {
        List<JsonNode> orders = ordersOf(planId);
        assertThat(orders).hasSize(1);
        return orders.get(0);
    }

    private static void assertValid(ConsumerRecord<String, String> record) {
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).as(record.value()).isEmpty();
    }

    private static JsonNode payload(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value());
    }

    private ConsumerRecord<String, String> awaitEvent(String type, String key) {
        return probe.awaitType(type, key, Duration.ofSeconds(30));
    }

    private static Map<String, Object> signedRecord(List<Map<String, Object>> problems) {
        Map<String, Object> record = new HashMap<>();
        record.put("items", List.of(Map.of("name", "Filter", "result", "OK", "note", "cleaned"),
                Map.of("name", "Refrigerant pressure", "result", problems.isEmpty() ? "OK" : "PROBLEM", "note", "low")));
        record.put("problems", problems);
        record.put("customerSignature", SIGNATURE_PNG);
        record.put("signedBy", "王经理");
        return record;
    }

    @Test
    @DisplayName("DSP-09 a plan without inspections gets the configured routine: on site monthly, by phone every half month")
    void DSP09_defaultRoutineInspections() {
        LocalDate firstDue = today().plusDays(30);
        JsonNode plan = create(plan(firstDue));

        assertThat(plan.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(plan.get("createdBy").asString()).isEqualTo("cm.wang");
        assertThat(plan.get("items").size()).isEqualTo(2);
        JsonNode schedules = plan.get("schedules");
        assertThat(schedules.size()).isEqualTo(2);
        assertThat(schedules.get(0).get("kind").asString()).isEqualTo("INSPECTION");
        assertThat(schedules.get(0).get("mode").asString()).isEqualTo("ON_SITE");
        assertThat(schedules.get(0).get("every").asString()).isEqualTo("MONTH");
        assertThat(schedules.get(1).get("mode").asString()).isEqualTo("PHONE");
        assertThat(schedules.get(1).get("every").asString()).isEqualTo("HALF_MONTH");
        assertThat(schedules.get(1).get("nextDue").asString()).isEqualTo(firstDue.toString());

        String id = plan.get("id").asString();
        assertThat(api.get("/api/dispatch/maintenance-plans/" + id, supervisor).body().get("id").asString()).isEqualTo(id);
        var listed = api.get("/api/dispatch/maintenance-plans?installedProductId="
                + plan.get("installedProductId").asString(), supervisor);
        assertThat(listed.body().get("totalItems").asLong()).isEqualTo(1);
        assertThat(api.get("/api/dispatch/maintenance-plans/" + id, assigned).status()).isEqualTo(403);
        assertThat(api.get("/api/dispatch/maintenance-plans/" + UUID.randomUUID(), supervisor).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("DSP-09 a plan that cannot be kept is refused naming the field: firstDue out of range, no work, unknown technician")
    void DSP09_badPlansNameTheField() {
        Map<String, Object> late = onSiteMonthly(plan(today().plusYears(11)));
        var response = api.post("/api/dispatch/maintenance-plans", late, supervisor);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("firstDue");
        var early = api.post("/api/dispatch/maintenance-plans", onSiteMonthly(plan(today().minusDays(400))), supervisor);
        assertThat(early.status()).isEqualTo(400);
        var edge = api.post("/api/dispatch/maintenance-plans", onSiteMonthly(plan(LocalDate.of(9999, 12, 31))), supervisor);
        assertThat(edge.status()).as("9999-12-31 parses but lies beyond any schedule").isEqualTo(400);
        assertThat(edge.body().get("errors").get(0).get("field").asString()).isEqualTo("firstDue");

        Map<String, Object> nothing = plan(today());
        nothing.put("inspections", List.of());
        var none = api.post("/api/dispatch/maintenance-plans", nothing, supervisor);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().get("errors").get(0).get("field").asString()).isEqualTo("inspections");

        Map<String, Object> unknown = onSiteMonthly(plan(today()));
        unknown.put("technicianId", "nobody");
        var who = api.post("/api/dispatch/maintenance-plans", unknown, supervisor);
        assertThat(who.status()).isEqualTo(400);
        assertThat(who.body().get("errors").get(0).get("field").asString()).isEqualTo("technicianId");
    }

    @Test
    @DisplayName("DSP-09 orders are generated lead-days (7) ahead of the due date, once; MaintenanceOrderCreated keyed by the order")
    void DSP09_generatedAheadOnce() {
        LocalDate today = today();
        Map<String, Object> request = onSiteMonthly(plan(today.plusDays(7)));
        request.put("items", List.of(Map.of("name", "Compressor oil", "description", "change", "every", "YEAR")));
        JsonNode plan = create(request);
        JsonNode later = create(onSiteMonthly(plan(today.plusDays(8))));
        String planId = plan.get("id").asString();

        job.generate(today);

        List<JsonNode> orders = ordersOf(planId);
        assertThat(orders).hasSize(2);
        assertThat(orders).allSatisfy(o -> {
            assertThat(o.get("state").asString()).isEqualTo("DUE");
            assertThat(o.get("dueDate").asString()).isEqualTo(today.plusDays(7).toString());
            assertThat(o.get("technicianId").isNull()).isTrue();
        });
        assertThat(orders.stream().map(o -> o.get("kind").asString())).containsExactlyInAnyOrder("INSPECTION", "ITEM");
        JsonNode inspection = orders.stream().filter(o -> o.get("kind").asString().equals("INSPECTION")).findFirst()
                .orElseThrow();
        assertThat(inspection.get("checklist").size()).as("the plan's items are the inspection's checklist").isEqualTo(1);
        assertThat(ordersOf(later.get("id").asString())).as("due in 8 days: not yet").isEmpty();

        for (JsonNode order : orders) {
            ConsumerRecord<String, String> created = awaitEvent("MaintenanceOrderCreated", order.get("id").asString());
            assertValid(created);
            JsonNode event = payload(created);
            assertThat(event.get("planId").asString()).isEqualTo(planId);
            assertThat(event.get("dueDate").asString()).isEqualTo(today.plusDays(7).toString());
            assertThat(event.get("installedProductId").asString()).isEqualTo(plan.get("installedProductId").asString());
            assertThat(event.get("actor").asString()).isEqualTo("system:maintenance-plan");
        }

        job.generate(today);
        assertThat(ordersOf(planId)).as("a second run generates nothing more").hasSize(2);
        job.generate(today.plusDays(1));
        assertThat(ordersOf(later.get("id").asString())).hasSize(1);
    }

    @Test
    @DisplayName("DSP-09 two job instances started together over 40 due schedules generate each order exactly once")
    void DSP09_twoJobInstancesGenerateEachOrderOnce() throws Exception {
        LocalDate today = today();
        List<String> planIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> request = plan(today.plusDays(3));
            request.put("inspections", List.of(Map.of("mode", "ON_SITE", "every", "MONTH"),
                    Map.of("mode", "PHONE", "every", "HALF_MONTH")));
            planIds.add(create(request).get("id").asString());
        }
        // small batches so the two instances interleave their claims
        MaintenanceOrderJob first = new MaintenanceOrderJob(maintenance, 3);
        MaintenanceOrderJob second = new MaintenanceOrderJob(maintenance, 3);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = replicas.submit(() -> {
                start.await();
                return first.generate(today);
            });
            Future<Integer> b = replicas.submit(() -> {
                start.await();
                return second.generate(today);
            });
            start.countDown();
            assertThat(a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(40);
        } finally {
            replicas.shutdownNow();
        }

        Set<String> orderIds = new HashSet<>();
        for (String planId : planIds) {
            List<JsonNode> orders = ordersOf(planId);
            assertThat(orders).hasSize(2);
            assertThat(orders.stream().map(o -> o.get("scheduleId").asString()).distinct()).hasSize(2);
            orders.forEach(o -> orderIds.add(o.get("id").asString()));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM maintenance_order WHERE plan_id IN (:plans)")
                .param("plans", planIds.stream().map(UUID::fromString).toList()).query(Long.class).single())
                .isEqualTo(40);

        await().atMost(Duration.ofSeconds(60)).until(() -> createdFor(orderIds, Duration.ofMillis(500)).size() >= 40);
        List<ConsumerRecord<String, String>> created = createdFor(orderIds, Duration.ofSeconds(3));
        assertThat(created).hasSize(40);
        assertThat(created.stream().map(ConsumerRecord::key).distinct()).hasSize(40);
        created.forEach(MaintenanceFlowTest::assertValid);

        // ended, so these 20 plans leave the other tests' due lists
        planIds.forEach(id -> assertThat(api.post("/api/dispatch/maintenance-plans/" + id + "/end",
                Map.of("reason", "test done"), supervisor).status()).isEqualTo(200));
    }

    private List<ConsumerRecord<String, String>> createdFor(Set<String> orderIds, Duration quiet) {
        return probe.drain(quiet).stream()
                .filter(r -> orderIds.contains(r.key()) && EventProbe.eventType(r).equals("MaintenanceOrderCreated"))
                .toList();
    }

    @Test
    @DisplayName("DSP-09 SEC-02 the supervisor assigns a maintenance order; only the assigned technician sees and records it")
    void DSP09_SEC02_assignmentAndOwnOrders() {
        LocalDate today = today();
        String planId = create(onSiteMonthly(plan(today.plusDays(2)))).get("id").asString();
        job.generate(today);
        String orderId = onlyOrderOf(planId).get("id").asString();
        String path = "/api/dispatch/maintenance-orders/" + orderId;

        assertThat(api.get(path, assigned).status()).as("not assigned to anyone yet").isEqualTo(403);
        var unknown = api.post(path + "/assignment", Map.of("technicianId", "nobody"), supervisor);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(api.post(path + "/assignment", Map.of("technicianId", TECHNICIAN), assigned).status()).isEqualTo(403);
        var assignment = api.post(path + "/assignment", Map.of("technicianId", TECHNICIAN), supervisor);
        assertThat(assignment.status()).isEqualTo(200);
        assertThat(assignment.body().get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(assignment.body().get("technicianId").asString()).isEqualTo(TECHNICIAN);
        assertThat(assignment.body().get("assignedBy").asString()).isEqualTo("sup.zhao");

        assertThat(api.get(path, assigned).status()).isEqualTo(200);
        assertThat(api.get(path, otherTechnician).status()).isEqualTo(403);
        var mine = api.get("/api/dispatch/maintenance-orders?planId=" + planId, assigned).body();
        assertThat(mine.get("totalItems").asLong()).isEqualTo(1);
        var theirs = api.get("/api/dispatch/maintenance-orders?planId=" + planId + "&technicianId=" + TECHNICIAN,
                otherTechnician).body();
        assertThat(theirs.get("totalItems").asLong()).as("a technician's list is their own whatever they ask").isZero();

        Map<String, Object> record = signedRecord(List.of());
        record.put("customerSignature", null);
        record.put("confirmationCode", "8842");
        assertThat(api.post(path + "/inspection-record", record, otherTechnician).status()).isEqualTo(403);
        assertThat(onlyOrderOf(planId).get("state").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    @DisplayName("DSP-09 the plan's next date moves with the actual completion: done today → next due today + 1 month, not due date + 1 month")
    void DSP09_nextDueMovesWithCompletion() {
        LocalDate today = today();
        Map<String, Object> request = onSiteMonthly(plan(today.plusDays(5)));
        request.put("technicianId", TECHNICIAN);
        String planId = create(request).get("id").asString();
        job.generate(today);
        JsonNode order = onlyOrderOf(planId);
        assertThat(order.get("state").asString()).as("the plan's technician gets it at once").isEqualTo("ASSIGNED");
        assertThat(order.get("technicianId").asString()).isEqualTo(TECHNICIAN);

        Map<String, Object> record = signedRecord(List.of());
        record.put("customerSignature", null);
        record.put("confirmationCode", "8842");
        var recorded = api.post("/api/dispatch/maintenance-orders/" + order.get("id").asString() + "/inspection-record",
                record, assigned);
        assertThat(recorded.status()).as(String.valueOf(recorded.body())).isEqualTo(201);
        assertThat(recorded.body().get("performedOn").asString()).isEqualTo(today.toString());
        assertThat(recorded.body().get("confirmation").asString()).isEqualTo("CODE");

        LocalDate nextDue = today.plusMonths(1);
        JsonNode schedule = api.get("/api/dispatch/maintenance-plans/" + planId, supervisor).body().get("schedules").get(0);
        assertThat(schedule.get("nextDue").asString()).isEqualTo(nextDue.toString())
                .isNotEqualTo(today.plusDays(5).plusMonths(1).toString());
        assertThat(schedule.get("lastCompletedOn").asString()).isEqualTo(today.toString());
        assertThat(schedule.get("openOrderId").isNull()).isTrue();
        JsonNode done = api.get("/api/dispatch/maintenance-orders/" + order.get("id").asString(), assigned).body();
        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("performedOn").asString()).isEqualTo(today.toString());

        ConsumerRecord<String, String> event = awaitEvent("InspectionRecorded", recorded.body().get("id").asString());
        assertValid(event);
        assertThat(payload(event).get("nextDue").asString()).isEqualTo(nextDue.toString());
        assertThat(payload(event).get("problemsFound").asInt()).isZero();

        job.generate(today);
        assertThat(ordersOf(planId)).as("the next one is a month away").hasSize(1);
        job.generate(nextDue.minusDays(7));
        List<JsonNode> orders = ordersOf(planId);
        assertThat(orders).hasSize(2);
        assertThat(orders.get(1).get("dueDate").asString()).isEqualTo(nextDue.toString());
    }

    @Test
    @DisplayName("DSP-09 an inspection record signed by the customer: each problem found publishes InspectionProblemFound; the record is kept")
    void DSP09_signedInspectionWithProblems() {
        LocalDate today = today();
        Map<String, Object> request = onSiteMonthly(plan(today.plusDays(1)));
        request.put("technicianId", TECHNICIAN);
        JsonNode plan = create(request);
        String planId = plan.get("id").asString();
        job.generate(today);
        String orderId = onlyOrderOf(planId).get("id").asString();
        String path = "/api/dispatch/maintenance-orders/" + orderId + "/inspection-record";

        Map<String, Object> notPng = signedRecord(List.of());
        notPng.put("customerSignature", "aGVsbG8gd29ybGQ=");
        var bad = api.post(path, notPng, assigned);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("customerSignature");
        Map<String, Object> both = signedRecord(List.of());
        both.put("confirmationCode", "1234");
        assertThat(api.post(path, both, assigned).status()).isEqualTo(400);
        Map<String, Object> unsigned = signedRecord(List.of());
        unsigned.remove("customerSignature");
        assertThat(api.post(path, unsigned, assigned).status()).isEqualTo(400);
        Map<String, Object> future = signedRecord(List.of());
        future.put("performedOn", today.plusDays(1).toString());
        var tomorrow = api.post(path, future, assigned);
        assertThat(tomorrow.status()).isEqualTo(400);
        assertThat(tomorrow.body().get("errors").get(0).get("field").asString()).isEqualTo("performedOn");

        var recorded = api.post(path, signedRecord(List.of(
                Map.of("description", "Refrigerant pressure low: leak at the service valve", "severity", "HIGH"),
                Map.of("description", "Drain pipe insulation torn", "severity", "LOW"))), assigned);
        assertThat(recorded.status()).as(String.valueOf(recorded.body())).isEqualTo(201);
        String inspectionId = recorded.body().get("id").asString();
        assertThat(recorded.body().get("confirmation").asString()).isEqualTo("SIGNATURE");
        assertThat(recorded.body().get("customerSignature").asString()).isEqualTo(SIGNATURE_PNG);
        assertThat(recorded.body().get("signedBy").asString()).isEqualTo("王经理");
        assertThat(recorded.body().get("problems").size()).isEqualTo(2);

        assertThat(api.post(path, signedRecord(List.of()), assigned).status()).as("recorded once").isEqualTo(409);

        var kept = api.get("/api/dispatch/inspection-records/" + inspectionId, token("qa.sun", "QUALITY"));
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.body().get("items").get(1).get("result").asString()).isEqualTo("PROBLEM");
        assertThat(kept.body().get("productModel").asString()).isEqualTo("AC-3200");
        assertThat(api.get("/api/dispatch/inspection-records/" + inspectionId, assigned).status()).isEqualTo(200);
        assertThat(api.get("/api/dispatch/inspection-records/" + inspectionId, otherTechnician).status()).isEqualTo(403);
        assertThat(api.get("/api/dispatch/inspection-records/" + inspectionId, token("desk.li", "FRONT_DESK")).status())
                .isEqualTo(403);

        // RPT-02: the inspection record as PDF, the customer's Chinese signer read back
        String pdfPath = "/api/dispatch/inspection-records/" + inspectionId + "/document.pdf";
        RestApi.Download document = api.download(pdfPath, supervisor, "application/pdf");
        assertThat(document.status()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(document.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("巡检记录", "王经理", "AC-3200",
                    "Refrigerant pressure low", "HIGH", "PROBLEM");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(api.download(pdfPath, assigned, "application/pdf").status()).isEqualTo(200);
        assertThat(api.download(pdfPath, otherTechnician, "application/pdf").status()).as("SEC-02").isEqualTo(403);
        assertThat(api.download(pdfPath, token("desk.li", "FRONT_DESK"), "application/pdf").status()).isEqualTo(403);

        ConsumerRecord<String, String> recordedEvent = awaitEvent("InspectionRecorded", inspectionId);
        assertValid(recordedEvent);
        assertThat(payload(recordedEvent).get("problemsFound").asInt()).isEqualTo(2);
        assertThat(payload(recordedEvent).get("itemsWithProblems").asInt()).isEqualTo(1);
        assertThat(payload(recordedEvent).get("confirmation").asString()).isEqualTo("SIGNATURE");
        await().atMost(Duration.ofSeconds(30)).until(() -> problemsOf(inspectionId, Duration.ofMillis(500)).size() >= 2);
        List<ConsumerRecord<String, String>> problems = problemsOf(inspectionId, Duration.ofSeconds(2));
        assertThat(problems).hasSize(2);
        problems.forEach(MaintenanceFlowTest::assertValid);
        JsonNode found = payload(problems.stream().filter(r -> r.value().contains("HIGH")).findFirst().orElseThrow());
        assertThat(found.get("planId").asString()).isEqualTo(planId);
        assertThat(found.get("customerId").asString()).isEqualTo(plan.get("customerId").asString());
        assertThat(found.get("installedProductId").asString()).isEqualTo(plan.get("installedProductId").asString());
        assertThat(found.get("serialNumber").asString()).isEqualTo(plan.get("serialNumber").asString());
        assertThat(found.get("region").asString()).isEqualTo(REGION);
        assertThat(found.get("problem").get("description").asString()).startsWith("Refrigerant pressure low");
        assertThat(found.get("actor").asString()).isEqualTo(TECHNICIAN);
        assertThat(problems.stream().map(r -> payload(r).get("problemId").asString()).distinct()).hasSize(2);
    }

    private List<ConsumerRecord<String, String>> problemsOf(String inspectionId, Duration quiet) {
        return probe.drain(quiet).stream()
                .filter(r -> inspectionId.equals(r.key()) && EventProbe.eventType(r).equals("InspectionProblemFound"))
                .toList();
    }

    @Test
    @DisplayName("DSP-09 a suspended plan generates nothing until resumed; an ended plan cancels its open orders and stays ended")
    void DSP09_suspendResumeEnd() {
        LocalDate today = today();
        String planId = create(onSiteMonthly(plan(today.plusDays(1)))).get("id").asString();
        String path = "/api/dispatch/maintenance-plans/" + planId;

        var suspended = api.post(path + "/suspension", Map.of("reason", "customer closed for renovation"), supervisor);
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.body().get("state").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.body().get("stateReason").asString()).isEqualTo("customer closed for renovation");
        job.generate(today);
        assertThat(ordersOf(planId)).isEmpty();

        assertThat(api.post(path + "/resumption", Map.of(), customerManager).body().get("state").asString())
                .isEqualTo("ACTIVE");
        job.generate(today);
        assertThat(onlyOrderOf(planId).get("state").asString()).isEqualTo("DUE");

        var ended = api.post(path + "/end", Map.of("reason", "contract not renewed"), supervisor);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.body().get("state").asString()).isEqualTo("ENDED");
        assertThat(onlyOrderOf(planId).get("state").asString()).isEqualTo("CANCELLED");
        var again = api.post(path + "/suspension", Map.of("reason", "x"), supervisor);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("currentState").asString()).isEqualTo("ENDED");
        job.generate(today.plusMonths(2));
        assertThat(ordersOf(planId)).hasSize(1);
    }

    @Test
    @DisplayName("DSP-09 an accepted installation prompts for a plan; a plan for the product answers it, or it is dismissed with a reason")
    void DSP09_promptAfterInstallation() {
        UUID product = UUID.randomUUID();
        WorkOrder installation = closedWorkOrder("INSTALLATION", product);
        closedWorkOrder("ON_SITE", UUID.randomUUID());

        var open = api.get("/api/dispatch/maintenance-prompts?installedProductId=" + product, supervisor);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body().get("totalItems").asLong()).isEqualTo(1);
        JsonNode prompt = open.body().get("items").get(0);
        assertThat(prompt.get("workOrderId").asString()).isEqualTo(installation.id().toString());
        assertThat(prompt.get("customerId").asString()).isEqualTo(installation.customerId().toString());
        assertThat(prompt.get("state").asString()).isEqualTo("OPEN");
        assertThat(api.get("/api/dispatch/maintenance-prompts", assigned).status()).isEqualTo(403);

        Map<String, Object> request = onSiteMonthly(plan(today().plusMonths(1)));
        request.put("installedProductId", product.toString());
        request.put("customerId", installation.customerId().toString());
        String planId = create(request).get("id").asString();
        assertThat(api.get("/api/dispatch/maintenance-prompts?installedProductId=" + product, supervisor).body()
                .get("totalItems").asLong()).isZero();
        JsonNode answered = api.get("/api/dispatch/maintenance-prompts?state=PLANNED&installedProductId=" + product,
                supervisor).body().get("items").get(0);
        assertThat(answered.get("planId").asString()).isEqualTo(planId);
        assertThat(answered.get("closedBy").asString()).isEqualTo("cm.wang");

        UUID another = UUID.randomUUID();
        closedWorkOrder("INSTALLATION", another);
        String promptId = api.get("/api/dispatch/maintenance-prompts?installedProductId=" + another, customerManager)
                .body().get("items").get(0).get("id").asString();
        var dismissed = api.post("/api/dispatch/maintenance-prompts/" + promptId + "/dismissal",
                Map.of("reason", "customer declined a maintenance contract"), customerManager);
        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(dismissed.body().get("state").asString()).isEqualTo("DISMISSED");
        assertThat(dismissed.body().get("dismissalReason").asString()).isEqualTo("customer declined a maintenance contract");
        var twice = api.post("/api/dispatch/maintenance-prompts/" + promptId + "/dismissal", Map.of("reason", "x"),
                customerManager);
        assertThat(twice.status()).isEqualTo(409);
    }

    /** A work order of {@code serviceType} accepted for {@code product}, assigned to tech.maint and fixed. */
    private WorkOrder closedWorkOrder(String serviceType, UUID product) {
        UUID ticketId = UUID.randomUUID();
        WorkOrder created = workOrders.createFor(new TicketAccepted(ticketId, "T-MNT-" + ticketId, serviceType,
                "AIR_CONDITIONER", "AC-3200", "SN-" + ticketId, REGION, "FREE_REPAIR", "NORMAL", List.of(),
                "SERVICE_REQUEST", UUID.randomUUID(), product, null, "desk.li"), UUID.randomUUID()).orElseThrow();
        WorkOrder ready = workOrders.confirmAssignment(created.id(), TECHNICIAN, "sup.zhao");
        var visit = api.post("/api/dispatch/work-orders/" + ready.id() + "/visits", Map.of("outcome", "FIXED",
                "symptom", "new unit", "causeCode", "INSTALL", "actions", "installed and accepted", "labourMinutes", 120,
                "customerConfirmation", "SIGNED-1", "partsUsed", List.of()), assigned);
        assertThat(visit.status()).as(String.valueOf(visit.body())).isEqualTo(200);
        return workOrders.get(created.id());
    }

    @Test
    @DisplayName("RPT-03 maintenance due within N days: everyone concerned sees all; a technician only theirs; overdue first")
    void RPT03_maintenanceDue() {
        LocalDate today = today();
        Map<String, Object> theirs = onSiteMonthly(plan(today.plusDays(3)));
        theirs.put("technicianId", TECHNICIAN);
        String soon = create(theirs).get("id").asString();
        String later = create(onSiteMonthly(plan(today.plusDays(20)))).get("id").asString();
        String overdue = create(onSiteMonthly(plan(today.minusDays(2)))).get("id").asString();

        List<JsonNode> week = due("days=7", supervisor);
        assertThat(planIds(week)).contains(soon, overdue).doesNotContain(later);
        JsonNode planned = of(week, soon);
        assertThat(planned.get("state").asString()).as("not generated yet").isIn("PLANNED", "ASSIGNED");
        assertThat(planned.get("dueDate").asString()).isEqualTo(today.plusDays(3).toString());
        assertThat(planned.get("daysLeft").asInt()).isEqualTo(3);
        assertThat(planned.get("technicianId").asString()).isEqualTo(TECHNICIAN);
        JsonNode late = of(week, overdue);
        assertThat(late.get("overdue").asBoolean()).isTrue();
        assertThat(late.get("daysLeft").asInt()).isEqualTo(-2);
        assertThat(week.indexOf(late)).isLessThan(week.indexOf(planned));
        assertThat(planIds(due("", customerManager))).contains(soon, overdue).doesNotContain(later);
        assertThat(planIds(due("days=30", supervisor))).contains(soon, later, overdue);

        List<JsonNode> mine = due("days=30", assigned);
        assertThat(planIds(mine)).contains(soon).doesNotContain(later, overdue);
        assertThat(mine).allSatisfy(d -> assertThat(d.get("technicianId").asString()).isEqualTo(TECHNICIAN));
        assertThat(planIds(due("days=30", otherTechnician))).doesNotContain(soon, later, overdue);

        job.generate(today);
        JsonNode generated = of(due("days=7", assigned), soon);
        assertThat(generated.get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(generated.get("maintenanceOrderId").isNull()).isFalse();

        assertThat(api.get("/api/dispatch/maintenance-due?days=0", supervisor).status()).isEqualTo(400);
        assertThat(api.get("/api/dispatch/maintenance-due?days=367", supervisor).status()).isEqualTo(400);
        assertThat(api.get("/api/dispatch/maintenance-due", token("desk.li", "FRONT_DESK")).status()).isEqualTo(403);
    }

    private List<JsonNode> due(String query, String token) {
        var response = api.get("/api/dispatch/maintenance-due?size=200&" + query, token);
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.body().get("items").forEach(items::add);
        return items;
    }

    private static List<String> planIds(List<JsonNode> due) {
        return due.stream().map(d -> d.get("planId").asString()).toList();
    }

    private static JsonNode of(List<JsonNode> due, String planId) {
        return due.stream().filter(d -> d.get("planId").asString().equals(planId)).findFirst().orElseThrow();
    }
}
