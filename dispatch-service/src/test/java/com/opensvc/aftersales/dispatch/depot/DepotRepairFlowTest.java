package com.opensvc.aftersales.dispatch.depot;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
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

@DispatchServiceTest
@DisplayName("DSP-07 carry-in and depot repair")
class DepotRepairFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String BASE = "/api/dispatch/depot-repairs";
    /** A region of its own, so these tests' orders never use another test's technicians. */
    private static final String REGION = "DEPOT";
    private static final String TECHNICIAN = "tech.depot";
    private static final EventContracts CONTRACTS = EventContracts.load();

    @Autowired
    WorkOrderService workOrders;
    @Autowired
    JdbcClient jdbc;

    private RestApi api;
    @ProbeTopics(WORK_ORDERS)
    private EventProbe probe;
    private final String supervisor = token("sup.zhao", "SUPERVISOR");
    private final String assigned = token(TECHNICIAN, "TECHNICIAN");
    private final String otherTechnician = token("tech.depot2", "TECHNICIAN");
    private final String storekeeper = token("store.wang", "STOREKEEPER");
    private final String finance = token("fin.qian", "FINANCE");

    @BeforeEach
    void technicians() {
        jdbc.sql("""
                INSERT INTO technician (login, name, product_lines, regions, home_store, daily_capacity) VALUES
                    ('tech.depot',  'Depot Tester',  ARRAY['AIR_CONDITIONER'], ARRAY['DEPOT'], 'STORE-DEPOT', 100000),
                    ('tech.depot2', 'Depot Tester2', ARRAY['LAUNDRY'],         ARRAY['DEPOT'], 'STORE-DEPOT', 100000)
                ON CONFLICT (login) DO NOTHING
                """).update();
    }

    /** An accepted ticket of {@code serviceType}, assigned to tech.depot by the supervisor (no parts): READY. */
    private WorkOrder assignedWorkOrder(String serviceType) {
        UUID ticketId = UUID.randomUUID();
        WorkOrder created = workOrders.createFor(new TicketAccepted(ticketId, "T-DEP-" + ticketId, serviceType,
                "AIR_CONDITIONER", "AC-3200", "SN-" + ticketId, REGION, "FREE_REPAIR", "NORMAL", List.of(), null, null,
                null, null, "desk.li"), UUID.randomUUID()).orElseThrow();
        WorkOrder workOrder = workOrders.confirmAssignment(created.id(), TECHNICIAN, "sup.zhao");
        assertThat(workOrder.state().name()).isEqualTo("READY");
        return workOrder;
    }

    private static Map<String, Object> authorisation(WorkOrder workOrder, String option, String arrival) {
        return Map.of("workOrderId", workOrder.id().toString(), "option", option, "arrival", arrival);
    }

    private JsonNode authorise(WorkOrder workOrder, String option, String arrival, String token) {
        var created = api.post(BASE, authorisation(workOrder, option, arrival), token);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body();
    }

    private JsonNode ok(RestApi.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private static final Map<String, Object> REPAIR = Map.of("symptom", "no cooling", "causeCode", "C-COMP-SEIZED",
            "actions", "replaced compressor on the bench", "labourMinutes", 120,
            "partsUsed", List.of(Map.of("partNumber", "CMP-100", "quantity", 1, "newSerial", "CMP-NEW-7",
                    "oldSerial", "CMP-OLD-3")));

    private static Map<String, Object> returned(String carrier, String tracking) {
        Map<String, Object> body = new HashMap<>();
        body.put("carrier", carrier);
        body.put("trackingNumber", tracking);
        return body;
    }

    private void repairAndPass(String id) {
        ok(api.post(BASE + "/" + id + "/repair", REPAIR, assigned));
        ok(api.post(BASE + "/" + id + "/test", Map.of("passed", true, "notes", "cools to 18°C in 10 minutes"), assigned));
    }

    private void assertValid(ConsumerRecord<String, String> event) {
        assertThat(CONTRACTS.validate(EventProbe.header(event, "ce_type"), event.value())).as(event.value()).isEmpty();
    }

    private JsonNode workOrder(UUID id) {
        return ok(api.get("/api/dispatch/work-orders/" + id, supervisor));
    }

    @Test
    @DisplayName("DSP-07 SEC-02 receive → repair → test (failed → back to repair) → return: RMA number, ProductCarriedIn, the work order closes with RepairClosed, postage on the company")
    void DSP07_repairAndReturnWalkedThroughTheApi() {
        WorkOrder workOrder = assignedWorkOrder("CARRY_IN");
        String ticket = workOrder.ticketId().toString();
        var body = authorisation(workOrder, "REPAIR_AND_RETURN", "POSTED_IN");
        assertThat(api.post(BASE, body, otherTechnician).status()).as("SEC-02 not their order").isEqualTo(403);
        assertThat(api.post(BASE, body, storekeeper).status()).as("the storekeeper does not authorise").isEqualTo(403);
        assertThat(api.post(BASE, body, finance).status()).isEqualTo(403);

        JsonNode repair = authorise(workOrder, "REPAIR_AND_RETURN", "POSTED_IN", assigned);
        String id = repair.get("id").asString();
        assertThat(repair.get("rmaNumber").asString()).matches("RMA-\\d{4}-\\d{6}");
        assertThat(repair.get("state").asString()).isEqualTo("AUTHORISED");
        assertThat(repair.get("receivedAt").isNull()).as("transit in is not on the clock").isTrue();
        assertThat(api.post(BASE, body, supervisor).status()).as("one depot repair per work order").isEqualTo(409);
        JsonNode second = authorise(assignedWorkOrder("CARRY_IN"), "REPAIR_AND_RETURN", "BROUGHT_IN", supervisor);
        assertThat(second.get("rmaNumber").asString()).as("unique numbers").isNotEqualTo(repair.get("rmaNumber").asString());

        var visit = api.post("/api/dispatch/work-orders/" + workOrder.id() + "/visits", Map.of("outcome", "FIXED",
                "symptom", "s", "causeCode", "c", "actions", "a", "labourMinutes", 1, "customerConfirmation", "x",
                "partsUsed", List.of()), assigned);
        assertThat(visit.status()).isEqualTo(409);
        assertThat(visit.body().toString()).contains("close it by returning the product");
        assertThat(api.post(BASE + "/" + id + "/repair", REPAIR, assigned).status()).as("not received yet").isEqualTo(409);

        JsonNode received = ok(api.post(BASE + "/" + id + "/receipt", Map.of("notes", "box dented"), storekeeper));
        assertThat(received.get("state").asString()).isEqualTo("IN_REPAIR");
        Instant receivedAt = Instant.parse(received.get("receivedAt").asString());
        assertThat(Instant.parse(received.get("dueAt").asString())).as("default target 5 days")
                .isEqualTo(receivedAt.plus(Duration.ofDays(5)));
        ConsumerRecord<String, String> carriedIn = probe.awaitType("ProductCarriedIn", ticket, Duration.ofSeconds(30));
        assertValid(carriedIn);
        assertThat(carriedIn.value()).contains(repair.get("rmaNumber").asString()).contains("POSTED_IN");

        assertThat(api.post(BASE + "/" + id + "/repair", REPAIR, storekeeper).status()).as("the store does not repair")
                .isEqualTo(403);
        assertThat(api.post(BASE + "/" + id + "/repair", REPAIR, otherTechnician).status()).isEqualTo(403);
        ok(api.post(BASE + "/" + id + "/repair", REPAIR, assigned));
        var failedWithoutNotes = api.post(BASE + "/" + id + "/test", Map.of("passed", false), assigned);
        assertThat(failedWithoutNotes.status()).isEqualTo(400);
        assertThat(failedWithoutNotes.body().toString()).contains("notes");
        JsonNode failed = ok(api.post(BASE + "/" + id + "/test", Map.of("passed", false, "notes", "still warm air"), assigned));
        assertThat(failed.get("state").asString()).as("failed test → back to repair").isEqualTo("IN_REPAIR");
        assertThat(api.post(BASE + "/" + id + "/return", returned("SF-EXPRESS", null), storekeeper).status())
                .as("not tested").isEqualTo(409);
        repairAndPass(id);

        Map<String, Object> customerPays = returned("SF-EXPRESS", "SF1");
        customerPays.put("postagePaidBy", "CUSTOMER");
        var refused = api.post(BASE + "/" + id + "/return", customerPays, storekeeper);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("postagePaidBy");
        assertThat(api.post(BASE + "/" + id + "/return", returned(null, null), storekeeper).status())
                .as("a return to the customer names the carrier").isEqualTo(400);

        Map<String, Object> withPostage = returned("SF-EXPRESS", "SF1234567890");
        withPostage.put("postageCost", 18);
        withPostage.put("currency", "CNY");
        withPostage.put("postagePaidBy", "COMPANY");
        JsonNode back = ok(api.post(BASE + "/" + id + "/return", withPostage, storekeeper));
        assertThat(back.get("state").asString()).as("no loaner out: closed").isEqualTo("CLOSED");
        JsonNode shipment = back.get("returnShipment");
        assertThat(shipment.get("returnedTo").asString()).isEqualTo("CUSTOMER");
        assertThat(shipment.get("postagePaidBy").asString()).isEqualTo("COMPANY");
        assertThat(shipment.get("withinTarget").asBoolean()).isTrue();

        ConsumerRecord<String, String> returnedEvent = probe.awaitType("DepotRepairReturned", ticket, Duration.ofSeconds(30));
        assertValid(returnedEvent);
        assertThat(returnedEvent.value()).contains("\"withinTarget\": true").contains("\"postageCost\": \"18.00\"");
        ConsumerRecord<String, String> closed = probe.awaitType("RepairClosed", ticket, Duration.ofSeconds(30));
        assertValid(closed);
        assertThat(closed.value()).contains("C-COMP-SEIZED").contains("CMP-OLD-3").contains("\"technicianId\": \"tech.depot\"")
                .contains(repair.get("rmaNumber").asString());
        assertThat(workOrder(workOrder.id()).get("state").asString()).isEqualTo("COMPLETED");

        JsonNode steps = ok(api.get(BASE + "/" + id + "/steps", assigned)).get("items");
        List<String> names = new ArrayList<>();
        steps.forEach(step -> names.add(step.get("step").asString() + " by " + step.get("actor").asString()));
        assertThat(names).containsExactly("AUTHORISED by tech.depot", "RECEIVED by store.wang", "REPAIRED by tech.depot",
                "TEST_FAILED by tech.depot", "REPAIRED by tech.depot", "TEST_PASSED by tech.depot",
                "RETURNED by store.wang", "CLOSED by store.wang");
        assertThat(api.get(BASE + "/" + id + "/steps", otherTechnician).status()).isEqualTo(403);
        assertThat(api.get(BASE + "/" + id, otherTechnician).status()).isEqualTo(403);
        assertThat(api.get(BASE + "?workOrderId=" + workOrder.id(), otherTechnician).body().get("items").size()).isZero();
        assertThat(api.get(BASE + "/" + id, finance).status()).isEqualTo(403);

        assertThat(ok(api.get("/api/dispatch/clocks?workOrderId=" + workOrder.id(), supervisor)).get("items").get(0)
                .get("state").asString()).as("DSP-08 a depot repair has no on-site arrival to keep").isEqualTo("STOPPED");
    }

    @Test
    @DisplayName("DSP-07 an order not handled CARRY_IN does not become a depot repair (409); bad requests name the field")
    void DSP07_onlyCarryInOrders() {
        WorkOrder onSite = assignedWorkOrder("ON_SITE");
        var refused = api.post(BASE, authorisation(onSite, "REPAIR_AND_RETURN", "BROUGHT_IN"), supervisor);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().toString()).contains("CARRY_IN");

        WorkOrder carryIn = assignedWorkOrder("CARRY_IN");
        var badOption = api.post(BASE, authorisation(carryIn, "FIX_IT", "BROUGHT_IN"), supervisor);
        assertThat(badOption.status()).isEqualTo(400);
        assertThat(badOption.body().toString()).contains("option");
        assertThat(api.post(BASE, Map.of("workOrderId", UUID.randomUUID().toString(), "option", "REPAIR_AND_RETURN",
                "arrival", "BROUGHT_IN"), supervisor).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("DSP-07 the clock runs 5 days from receipt to the carrier: overdue repairs are listed, and the return says withinTarget false")
    void DSP07_overdueDepotRepair() {
        WorkOrder workOrder = assignedWorkOrder("CARRY_IN");
        String id = authorise(workOrder, "REPAIR_AND_RETURN", "BROUGHT_IN", supervisor).get("id").asString();
        ok(api.post(BASE + "/" + id + "/receipt", Map.of(), assigned));
        assertThat(overdueIds()).doesNotContain(id);

        // the fixture moves the receipt six days back
        jdbc.sql("""
                UPDATE depot_repair SET received_at = received_at - INTERVAL '6 days', due_at = due_at - INTERVAL '6 days'
                 WHERE id = :id
                """).param("id", UUID.fromString(id)).update();
        assertThat(overdueIds()).contains(id);
        assertThat(api.get(BASE + "?overdue=true", assigned).status()).as("a technician sees their own").isEqualTo(200);
        assertThat(api.get(BASE + "?overdue=true", otherTechnician).body().toString()).doesNotContain(id);
        assertThat(api.get(BASE + "?overdue=true&size=0", supervisor).status()).isEqualTo(400);

        repairAndPass(id);
        JsonNode back = ok(api.post(BASE + "/" + id + "/return", returned("CUSTOMER_COLLECTS", null), assigned));
        assertThat(back.get("returnShipment").get("withinTarget").asBoolean()).isFalse();
        assertThat(overdueIds()).as("handed over: off the clock").doesNotContain(id);
        ConsumerRecord<String, String> event = probe.awaitType("DepotRepairReturned", workOrder.ticketId().toString(),
                Duration.ofSeconds(30));
        assertThat(event.value()).contains("\"withinTarget\": false");
    }

    private List<String> overdueIds() {
        List<String> ids = new ArrayList<>();
        ok(api.get(BASE + "?overdue=true&size=200", supervisor)).get("items").forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    @Test
    @DisplayName("DSP-07 transit excluded: the time at the factory moves the due time; the return happens when it comes back")
    void DSP07_returnToFactoryExcludesTransit() {
        WorkOrder workOrder = assignedWorkOrder("CARRY_IN");
        String id = authorise(workOrder, "RETURN_TO_FACTORY", "POSTED_IN", assigned).get("id").asString();
        ok(api.post(BASE + "/" + id + "/receipt", Map.of(), storekeeper));
        assertThat(api.post(BASE + "/" + id + "/repair", REPAIR, assigned).status())
                .as("the factory repairs it: ship it first").isEqualTo(409);
        assertThat(api.post(BASE + "/" + id + "/factory-shipment", Map.of(), storekeeper).status())
                .as("carrier required").isEqualTo(400);
        JsonNode away = ok(api.post(BASE + "/" + id + "/factory-shipment",
                Map.of("carrier", "ZTO", "trackingNumber", "ZTO-77"), storekeeper));
        assertThat(away.get("state").asString()).isEqualTo("AT_FACTORY");

        // received 8 days ago, at the factory for the last 7: one day of the five used
        jdbc.sql("""
                UPDATE depot_repair SET received_at = received_at - INTERVAL '8 days', due_at = due_at - INTERVAL '8 days',
                       paused_at = paused_at - INTERVAL '7 days', shipped_to_factory_at = shipped_to_factory_at - INTERVAL '7 days'
                 WHERE id = :id
                """).param("id", UUID.fromString(id)).update();
        assertThat(overdueIds()).as("away at the factory: the clock is paused").doesNotContain(id);
        JsonNode back = ok(api.post(BASE + "/" + id + "/factory-return", Map.of("notes", "factory replaced the board"),
                storekeeper));
        Instant receivedAt = Instant.parse(back.get("receivedAt").asString());
        Instant dueAt = Instant.parse(back.get("dueAt").asString());
        assertThat(Duration.between(receivedAt, dueAt)).isBetween(Duration.ofDays(12).minusMinutes(1),
                Duration.ofDays(12).plusMinutes(1));
        assertThat(overdueIds()).doesNotContain(id);
        repairAndPass(id);
        JsonNode returned = ok(api.post(BASE + "/" + id + "/return", returned("SF-EXPRESS", "SF9"), storekeeper));
        assertThat(returned.get("returnShipment").get("withinTarget").asBoolean())
                .as("8 days after receipt, 7 of them at the factory").isTrue();
        assertThat(returned.get("factory").get("carrier").asString()).isEqualTo("ZTO");
        probe.awaitType("RepairClosed", workOrder.ticketId().toString(), Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("DSP-07 a loaner unit lent at receipt is tracked until it comes back; the depot repair closes only then")
    void DSP07_loanerTrackedUntilItComesBack() {
        WorkOrder workOrder = assignedWorkOrder("CARRY_IN");
        String ticket = workOrder.ticketId().toString();
        Map<String, Object> mustKeepWorking = new HashMap<>(authorisation(workOrder, "REPAIR_AND_RETURN", "BROUGHT_IN"));
        mustKeepWorking.put("equipmentMustKeepWorking", true);
        var refused = api.post(BASE, mustKeepWorking, supervisor);
        assertThat(refused.status()).as("the customer's equipment must keep working").isEqualTo(400);
        assertThat(refused.body().toString()).contains("option");
        mustKeepWorking.put("option", "LOANER_WHILE_REPAIRING");
        var created = api.post(BASE, mustKeepWorking, supervisor);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("equipmentMustKeepWorking").asBoolean()).isTrue();
        String id = created.body().get("id").asString();

        var noLoaner = api.post(BASE + "/" + id + "/receipt", Map.of(), storekeeper);
        assertThat(noLoaner.status()).isEqualTo(400);
        assertThat(noLoaner.body().toString()).contains("loanerUnitSerial");
        assertThat(api.post(BASE + "/" + id + "/receipt", Map.of("loanerUnitSerial", "L-1", "exchangeUnitSerial", "X-1"),
                storekeeper).status()).as("an exchange serial on a loaner repair").isEqualTo(400);
        String serial = "LOAN-" + UUID.randomUUID();
        JsonNode received = ok(api.post(BASE + "/" + id + "/receipt", Map.of("loanerUnitSerial", serial), storekeeper));
        assertThat(received.get("loaner").get("serialNumber").asString()).isEqualTo(serial);
        ConsumerRecord<String, String> lent = probe.awaitType("LoanerUnitLent", ticket, Duration.ofSeconds(30));
        assertValid(lent);
        assertThat(lent.value()).contains(serial);
        assertThat(loanersOut()).contains(serial);
        assertThat(api.get("/api/dispatch/loaner-units?out=true", assigned).status()).isEqualTo(403);

        // the same unit cannot be out twice
        WorkOrder another = assignedWorkOrder("CARRY_IN");
        String anotherId = authorise(another, "LOANER_WHILE_REPAIRING", "BROUGHT_IN", supervisor).get("id").asString();
        assertThat(api.post(BASE + "/" + anotherId + "/receipt", Map.of("loanerUnitSerial", serial), storekeeper).status())
                .isEqualTo(409);

        repairAndPass(id);
        JsonNode back = ok(api.post(BASE + "/" + id + "/return", returned("SF-EXPRESS", "SF2"), storekeeper));
        assertThat(back.get("state").asString()).as("the loaner is still out").isEqualTo("RETURNED");
        probe.awaitType("RepairClosed", ticket, Duration.ofSeconds(30));
        assertThat(workOrder(workOrder.id()).get("state").asString()).isEqualTo("COMPLETED");
        assertThat(loanersOut()).contains(serial);

        assertThat(api.post(BASE + "/" + id + "/loaner-kept", Map.of("reason", "keeps it"), assigned).status())
                .as("only the supervisor decides the customer keeps it").isEqualTo(403);
        assertThat(api.post(BASE + "/" + id + "/loaner-return", Map.of(), finance).status()).isEqualTo(403);
        JsonNode closed = ok(api.post(BASE + "/" + id + "/loaner-return", Map.of("notes", "with remote"), storekeeper));
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("loaner").get("outcome").asString()).isEqualTo("RETURNED");
        ConsumerRecord<String, String> loanerBack = probe.awaitType("LoanerUnitReturned", ticket, Duration.ofSeconds(30));
        assertValid(loanerBack);
        assertThat(loanersOut()).doesNotContain(serial);
        assertThat(api.post(BASE + "/" + id + "/loaner-return", Map.of(), storekeeper).status()).as("already back")
                .isEqualTo(409);

        // now free again: lent on the other repair, and the supervisor decides that customer keeps it
        ok(api.post(BASE + "/" + anotherId + "/receipt", Map.of("loanerUnitSerial", serial), storekeeper));
        assertThat(api.post(BASE + "/" + anotherId + "/loaner-kept", Map.of(), supervisor).status())
                .as("a reason is required").isEqualTo(400);
        JsonNode kept = ok(api.post(BASE + "/" + anotherId + "/loaner-kept",
                Map.of("reason", "sold at the depreciated price"), supervisor));
        assertThat(kept.get("loaner").get("outcome").asString()).isEqualTo("KEPT_BY_CUSTOMER");
        assertThat(kept.get("state").asString()).as("the product is not returned yet").isEqualTo("IN_REPAIR");
        assertThat(loanersOut()).doesNotContain(serial);
    }

    private List<String> loanersOut() {
        List<String> serials = new ArrayList<>();
        ok(api.get("/api/dispatch/loaner-units?out=true&size=200", storekeeper)).get("items")
                .forEach(l -> serials.add(l.get("serialNumber").asString()));
        return serials;
    }

    @Test
    @DisplayName("DSP-07 exchange first: the customer gets an exchange unit at receipt; the repaired faulty unit goes into stock")
    void DSP07_exchangeFirst() {
        WorkOrder workOrder = assignedWorkOrder("CARRY_IN");
        String id = authorise(workOrder, "EXCHANGE_FIRST", "COLLECTED", assigned).get("id").asString();
        var noSerial = api.post(BASE + "/" + id + "/receipt", Map.of(), assigned);
        assertThat(noSerial.status()).isEqualTo(400);
        assertThat(noSerial.body().toString()).contains("exchangeUnitSerial");
        JsonNode received = ok(api.post(BASE + "/" + id + "/receipt", Map.of("exchangeUnitSerial", "EX-AC-42"), assigned));
        assertThat(received.get("exchangeUnitSerial").asString()).isEqualTo("EX-AC-42");
        ConsumerRecord<String, String> carriedIn = probe.awaitType("ProductCarriedIn", workOrder.ticketId().toString(),
                Duration.ofSeconds(30));
        assertThat(carriedIn.value()).contains("EX-AC-42");
        repairAndPass(id);
        JsonNode back = ok(api.post(BASE + "/" + id + "/return", Map.of(), assigned));
        assertThat(back.get("returnShipment").get("returnedTo").asString()).isEqualTo("STOCK");
        assertThat(back.get("state").asString()).isEqualTo("CLOSED");
        probe.awaitType("RepairClosed", workOrder.ticketId().toString(), Duration.ofSeconds(30));
        assertThat(Instant.parse(back.get("returnShipment").get("handedToCarrierAt").asString()).atZone(ZoneOffset.UTC))
                .isNotNull();
    }
}
