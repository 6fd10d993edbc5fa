package com.opensvc.aftersales.quality.claim;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.quality.QualityServiceTest;
import com.opensvc.aftersales.quality.defect.DefectClassified;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;
import com.opensvc.aftersales.testkit.SharedInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** QLT-09 on the running service: a classification naming a purchased component → claim → purchasing's steps. */
@QualityServiceTest
class SupplierClaimFlowTest {
    private static final String CLAIMS = "/api/quality/supplier-claims";
    private static final String COMPONENTS = "/api/quality/purchased-components/";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RAISED_TYPE = "com.opensvc.aftersales.SupplierClaimRaised.v1";
    private static final String SETTLED_TYPE = "com.opensvc.aftersales.SupplierClaimSettled.v1";
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    private RestApi api;
    @ProbeTopics("aftersales.quality.defect")
    private EventProbe probe;
    private EventSender sender;

    private final String quality = token("qe.sun", "QUALITY");
    private final String manager = token("mgr.wu", "MANAGER");
    private final String finance = token("fin.he", "FINANCE");
    private final String generalManager = token("gm.lin", "GENERAL_MANAGER");
    private final String technician = token("tech.north", "TECHNICIAN");
    private final String frontDesk = token("desk.li", "FRONT_DESK");

    @BeforeAll
    static void consumedTopics() throws Exception {
        SharedInfrastructure.get().createTopics(WORK_ORDERS);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** The defect feature's contract: DefectClassified published inside the classifying transaction. */
    private void classify(DefectClassified classified) {
        transactions.executeWithoutResult(status -> events.publishEvent(classified));
    }

    private static DefectClassified classified(UUID defectId, UUID ticketId, String department, String part) {
        return new DefectClassified(defectId, ticketId, "WM-X200", "WX200-25-0045871", "B-2519", "Does not drain",
                "PUMP-IMPELLER-BROKEN", department, "incoming inspection", part, "qe.sun", Instant.now());
    }

    private JsonNode claimsOfPart(String part) {
        var response = api.get(CLAIMS + "?partNumber=" + part, quality);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body().get("items");
    }

    private void registerComponent(String part, String supplier) {
        var put = api.put(COMPONENTS + part, Map.of("supplier", supplier, "supplierPartNumber", "NP-88"), quality,
                Map.of());
        assertThat(put.status()).as(String.valueOf(put.body())).isEqualTo(200);
    }

    private static void assertConflict(RestApi.Response response, String state) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(409);
        assertThat(response.body().toString()).contains(state);
    }

    @Test
    @DisplayName("QLT-09 a classification naming a purchased component raises one claim (OPEN, with its supplier) and SupplierClaimRaised keyed by ticket; a repeat raises none")
    void QLT09_purchasedComponentRaisesClaim() {
        String part = unique("PUMP");
        String supplier = unique("NingboPump");
        registerComponent(part, supplier);
        UUID defect = UUID.randomUUID();
        UUID ticket = UUID.randomUUID();

        classify(classified(defect, ticket, "PRODUCTION", part));
        classify(classified(defect, ticket, "PRODUCTION", part));

        JsonNode items = claimsOfPart(part);
        assertThat(items.size()).as("one claim per defect and part").isEqualTo(1);
        JsonNode claim = items.get(0);
        assertThat(claim.get("state").asString()).isEqualTo("OPEN");
        assertThat(claim.get("supplier").asString()).isEqualTo(supplier);
        assertThat(claim.get("supplierPartNumber").asString()).isEqualTo("NP-88");
        assertThat(claim.get("productionBatch").asString()).isEqualTo("B-2519");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        assertThat(claim.get("claimNumber").asString()).matches("SC-" + year + "-\\d{5,}");
        assertThat(api.get(CLAIMS + "?supplier=" + supplier, generalManager).body().get("totalItems").asLong())
                .isEqualTo(1);

        ConsumerRecord<String, String> raised = probe.awaitType("SupplierClaimRaised", ticket.toString(),
                Duration.ofSeconds(30));
        assertThat(EventProbe.header(raised, "ce_type")).isEqualTo(RAISED_TYPE);
        assertThat(CONTRACTS.validate(RAISED_TYPE, raised.value())).isEmpty();
        JsonNode payload = JSON.readTree(raised.value());
        assertThat(payload.get("claimId").asString()).isEqualTo(claim.get("id").asString());
        assertThat(payload.get("defectId").asString()).isEqualTo(defect.toString());
        assertThat(payload.get("supplier").asString()).isEqualTo(supplier);
        assertThat(payload.get("actor").asString()).isEqualTo("system:quality-claims");
        assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> ticket.toString().equals(r.key()))
                .filteredOn(r -> "SupplierClaimRaised".equals(EventProbe.eventType(r))).as("raised once").hasSize(1);
    }

    @Test
    @DisplayName("QLT-09 a part neither registered nor blamed on purchasing raises nothing; purchasing blamed for an unknown part → NEEDS_SUPPLIER, opened when the part is registered")
    void QLT09_needsSupplier() {
        String other = unique("SEAL");
        classify(classified(UUID.randomUUID(), UUID.randomUUID(), "PRODUCTION", other));
        classify(classified(UUID.randomUUID(), UUID.randomUUID(), "PURCHASING", null));
        assertThat(claimsOfPart(other).size()).isZero();

        String part = unique("VALVE");
        UUID ticket = UUID.randomUUID();
        classify(classified(UUID.randomUUID(), ticket, "PURCHASING", part));
        JsonNode claim = claimsOfPart(part).get(0);
        assertThat(claim.get("state").asString()).isEqualTo("NEEDS_SUPPLIER");
        assertThat(claim.has("supplier") && !claim.get("supplier").isNull()).isFalse();
        ConsumerRecord<String, String> raised = probe.awaitType("SupplierClaimRaised", ticket.toString(),
                Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(RAISED_TYPE, raised.value())).isEmpty();
        assertThat(JSON.readTree(raised.value()).has("supplier")).isFalse();
        String id = claim.get("id").asString();
        assertConflict(api.post(CLAIMS + "/" + id + "/submission", Map.of("reference", "R-1"), quality),
                "NEEDS_SUPPLIER");

        String supplier = unique("ValveWorks");
        registerComponent(part, supplier);
        var opened = api.get(CLAIMS + "/" + id, finance);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body().get("state").asString()).isEqualTo("OPEN");
        assertThat(opened.body().get("supplier").asString()).isEqualTo(supplier);
        assertThat(opened.body().get("history")).extracting(h -> h.get("action").asString())
                .containsExactly("RAISED", "SUPPLIER_ASSIGNED");
        assertThat(opened.body().get("history").get(1).get("actor").asString()).isEqualTo("qe.sun");
    }

    @Test
    @DisplayName("QLT-09 OPEN → SUBMITTED → ACCEPTED → SETTLED by quality or a manager (SupplierClaimSettled), 409 for any other move, 403 for other roles; every change in the history with its actor")
    void QLT09_claimStates() {
        String part = unique("PUMP");
        registerComponent(part, unique("NingboPump"));
        UUID ticket = UUID.randomUUID();
        classify(classified(UUID.randomUUID(), ticket, "PURCHASING", part));
        String path = CLAIMS + "/" + claimsOfPart(part).get(0).get("id").asString();

        assertConflict(api.post(path + "/decision", Map.of("accepted", true), manager), "OPEN");
        assertConflict(api.post(path + "/settlement", Map.of("recoveredAmount", 10, "currency", "CNY"), manager), "OPEN");
        for (String wrong : List.of(finance, technician, frontDesk, generalManager)) {
            assertThat(api.post(path + "/submission", Map.of("reference", "R-1"), wrong).status()).isEqualTo(403);
        }
        var submitted = api.post(path + "/submission", Map.of("reference", "NP-CL-2026-7"), quality);
        assertThat(submitted.status()).as(String.valueOf(submitted.body())).isEqualTo(200);
        assertThat(submitted.body().get("submissionReference").asString()).isEqualTo("NP-CL-2026-7");
        assertConflict(api.post(path + "/close", Map.of("note", "give up"), quality), "SUBMITTED");
        assertConflict(api.post(path + "/submission", Map.of("reference", "again"), quality), "SUBMITTED");

        assertThat(api.post(path + "/decision", Map.of("accepted", true), finance).status()).isEqualTo(403);
        var accepted = api.post(path + "/decision", Map.of("accepted", true, "note", "lot 2519 confirmed"), manager);
        assertThat(accepted.body().get("state").asString()).isEqualTo("ACCEPTED");

        assertThat(api.post(path + "/settlement", Map.of("recoveredAmount", 486.5, "currency", "CNY"), finance)
                .status()).isEqualTo(403);
        var settled = api.post(path + "/settlement", Map.of("recoveredAmount", 486.5, "currency", "CNY"), manager);
        assertThat(settled.status()).as(String.valueOf(settled.body())).isEqualTo(200);
        assertThat(settled.body().get("state").asString()).isEqualTo("SETTLED");
        assertThat(settled.body().get("recoveredAmount").decimalValue()).isEqualByComparingTo("486.50");
        assertConflict(api.post(path + "/close", Map.of("note", "done"), manager), "SETTLED");

        ConsumerRecord<String, String> event = probe.awaitType("SupplierClaimSettled", ticket.toString(),
                Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(SETTLED_TYPE, event.value())).isEmpty();
        assertThat(JSON.readTree(event.value()).get("recoveredAmount").decimalValue()).isEqualByComparingTo("486.50");

        var details = api.get(path, token("td.gao", "TECHNICAL_DIRECTOR"));
        assertThat(details.body().get("history")).extracting(h -> h.get("action").asString() + " by "
                + h.get("actor").asString()).containsExactly("RAISED by system:quality-claims",
                "SUBMITTED by qe.sun", "ACCEPTED by mgr.wu", "SETTLED by mgr.wu");
        assertThat(api.get(path, technician).status()).isEqualTo(403);
        assertThat(api.get(CLAIMS + "?state=SETTLED&partNumber=" + part, finance).body().get("totalItems").asLong())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("QLT-09 a rejected claim is closed with a note; an OPEN one can be withdrawn")
    void QLT09_rejectedAndClosed() {
        String part = unique("PUMP");
        registerComponent(part, unique("NingboPump"));
        classify(classified(UUID.randomUUID(), UUID.randomUUID(), "PRODUCTION", part));
        classify(classified(UUID.randomUUID(), null, "PRODUCTION", part));
        JsonNode items = claimsOfPart(part);
        assertThat(items.size()).isEqualTo(2);
        String first = CLAIMS + "/" + items.get(0).get("id").asString();
        String second = CLAIMS + "/" + items.get(1).get("id").asString();
        api.post(first + "/submission", Map.of("reference", "R-9"), quality);
        assertThat(api.post(first + "/decision", Map.of("accepted", false, "note", "misuse"), quality).body()
                .get("state").asString()).isEqualTo("REJECTED");
        assertConflict(api.post(first + "/settlement", Map.of("recoveredAmount", 1, "currency", "CNY"), quality),
                "REJECTED");
        assertThat(api.post(first + "/close", Map.of("note", "supplier refused"), quality).body().get("state")
                .asString()).isEqualTo("CLOSED");
        var withdrawn = api.post(second + "/close", Map.of("note", "wrong part"), manager);
        assertThat(withdrawn.body().get("state").asString()).isEqualTo("CLOSED");
        assertThat(withdrawn.body().get("closeNote").asString()).isEqualTo("wrong part");
    }

    @Test
    @DisplayName("QLT-09 the same classification handled twice at once (two replicas) raises exactly one claim")
    void QLT09_concurrentClassificationsRaiseOne() throws Exception {
        String part = unique("PUMP");
        registerComponent(part, unique("NingboPump"));
        DefectClassified classified = classified(UUID.randomUUID(), UUID.randomUUID(), "PRODUCTION", part);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    classify(classified);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(claimsOfPart(part).size()).isEqualTo(1);
    }

    @Test
    @DisplayName("QLT-09 quality raises a claim by hand for a recorded defect (201, then 200 with the same claim); an unknown defect → 400 naming defectId")
    void QLT09_raiseByHand() {
        UUID ticket = UUID.randomUUID();
        ObjectNode repair = (ObjectNode) JSON.readTree(CONTRACTS.examples("com.opensvc.aftersales.RepairClosed.v1").get(0));
        repair.put("ticketId", ticket.toString());
        repair.put("workOrderId", UUID.randomUUID().toString());
        sender.send(WORK_ORDERS, ticket.toString(), "RepairClosed", "dispatch-service", repair.toString());
        JsonNode defects = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var body = api.get("/api/quality/defects?ticketId=" + ticket, quality).body();
            defects = body.isArray() ? body : body.get("items");
            if (defects.size() > 0) {
                break;
            }
            sleep();
        }
        assertThat(defects).as("the repair's defect record").isNotEmpty();
        String defectId = defects.get(0).get("id").asString();
        String part = unique("HOSE");

        Map<String, Object> request = Map.of("defectId", defectId, "partNumber", part);
        assertThat(api.post(CLAIMS, request, manager).status()).isEqualTo(403);
        var created = api.post(CLAIMS, request, quality);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        assertThat(created.body().get("state").asString()).isEqualTo("NEEDS_SUPPLIER");
        assertThat(created.body().get("ticketId").asString()).isEqualTo(ticket.toString());
        assertThat(created.body().get("raisedBy").asString()).isEqualTo("qe.sun");
        assertThat(created.header("Location")).isEqualTo(CLAIMS + "/" + created.body().get("id").asString());
        var again = api.post(CLAIMS, request, quality);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asString()).isEqualTo(created.body().get("id").asString());
        ConsumerRecord<String, String> raised = probe.awaitType("SupplierClaimRaised", ticket.toString(),
                Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(RAISED_TYPE, raised.value())).isEmpty();

        var unknown = api.post(CLAIMS, Map.of("defectId", UUID.randomUUID().toString(), "partNumber", part), quality);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().toString()).contains("defectId");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
