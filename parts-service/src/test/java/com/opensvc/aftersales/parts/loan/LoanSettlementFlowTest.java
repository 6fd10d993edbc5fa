package com.opensvc.aftersales.parts.loan;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.parts.PartsFixture;
import com.opensvc.aftersales.parts.PartsServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PRT-03, PRT-04, PRT-05: loans settle into exactly one outcome — through dispatch's and intake's events (sent as
 * those services would) and the storekeeper's API — each stock change a ledger movement, each event schema-valid.
 */
@PartsServiceTest
class LoanSettlementFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String INTAKE = "aftersales.intake.ticket";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration HOP = Duration.ofSeconds(30);
    private static final String STOREKEEPER = token("store.wu", "STOREKEEPER");

    @Autowired
    JdbcClient jdbc;
    private RestApi api;
    @ProbeTopics("aftersales.parts.stock")
    private EventProbe probe;
    private EventSender sender;

    /** One work order of a test: its ticket, its technician, the repaired unit. */
    private record Order(UUID ticketId, UUID workOrderId, String technician, String model, String serial) {
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private Order order(String technician) {
        return new Order(UUID.randomUUID(), UUID.randomUUID(), technician, unique("KFR-"), unique("SN-"));
    }

    /** Intake's InstalledProductRecorded with a production record listing {@code components} (null: no record). */
    private void recordProduct(UUID installedProductId, int version, Order o, String components) {
        String record = components == null ? "null" : """
                {"productionBatch":"B2025-44","inspectedOn":"2025-11-04","inspector":"qc.zhang","components":%s}"""
                .formatted(components);
        sender.send(INTAKE, installedProductId.toString(), "InstalledProductRecorded", "intake-service", """
                {"installedProductId":"%s","version":%d,"customerId":"%s","productModel":"%s","productLine":null,
                 "serialNumber":"%s","factoryDate":"2025-11-03","shipDate":null,"productionRecord":%s,
                 "actor":"qc.zhang","occurredAt":"2026-11-20T08:00:00Z"}"""
                .formatted(installedProductId, version, UUID.randomUUID(), o.model(), o.serial(), record));
        await().atMost(HOP).until(() -> jdbc.sql("SELECT version FROM production_record WHERE installed_product_id = :id")
                .param("id", installedProductId).query(Integer.class).optional().orElse(0) >= version);
    }

    private void issue(Order o, String store, String part, int quantity) {
        sender.send(WORK_ORDERS, o.ticketId().toString(), "PartsRequested", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"%s","fromLocation":"%s",
                 "lines":[{"partNumber":"%s","quantity":%d}],"actor":"sup.zhao",
                 "occurredAt":"2026-11-23T01:00:00Z"}""".formatted(o.workOrderId(), o.ticketId(), o.technician(), store,
                part, quantity));
        probe.await(r -> EventProbe.eventType(r).equals("PartsIssued") && r.value().contains(o.workOrderId().toString()),
                HOP);
    }

    /** Dispatch's RepairClosed; {@code extra} adds charges/payment members (or is empty). */
    private void repairClosed(Order o, String entitlement, String partsUsed, String extra, Instant closedAt) {
        sender.send(WORK_ORDERS, o.ticketId().toString(), "RepairClosed", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"%s","productModel":"%s","serialNumber":"%s",
                 "entitlement":"%s","outcome":"FIXED","symptom":"no cooling","causeCode":"C-COMP-SEIZED",
                 "actions":"replaced","partsUsed":%s,"labourMinutes":60,"firstTimeFix":true,
                 "customerConfirmation":"SIGNATURE",%s"actor":"%s","occurredAt":"%s"}"""
                .formatted(o.workOrderId(), o.ticketId(), o.technician(), o.model(), o.serial(), entitlement, partsUsed,
                        extra, o.technician(), closedAt));
    }

    private List<JsonNode> loans(Order o) {
        var page = api.get("/api/parts/loans?workOrderId=" + o.workOrderId(), STOREKEEPER);
        assertThat(page.status()).isEqualTo(200);
        return page.body().get("items").valueStream().toList();
    }

    private JsonNode awaitLoan(Order o, String part, String status) {
        return await().atMost(HOP).until(() -> loans(o).stream()
                .filter(l -> l.get("partNumber").asString().equals(part) && l.get("status").asString().equals(status))
                .findFirst().orElse(null), java.util.Objects::nonNull);
    }

    private JsonNode valid(ConsumerRecord<String, String> record) {
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).as(record.value()).isEmpty();
        return JSON.readTree(record.value());
    }

    private ConsumerRecord<String, String> awaitEvent(String type, String loanId) {
        return probe.await(r -> EventProbe.eventType(r).equals(type) && r.value().contains(loanId), HOP);
    }

    private int movements(Order o, String reason) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM movement WHERE work_order_id = :w AND reason = :r")
                .param("w", o.workOrderId()).param("r", reason).query(Integer.class).single();
    }

    private RestApi.Response checkIn(String loanId, Map<String, ?> oldPart, String who) {
        return api.post("/api/parts/loans/" + loanId + "/old-part", oldPart, who);
    }

    @Test
    @DisplayName("PRT-03 PRT-04 a warranty loan awaits its old part; a serial matching the production record writes it off and DefectivePartReceived goes to quality")
    void PRT03_warrantyOldPartMatchesTheProductionRecord() {
        String store = PartsFixture.storeWith(jdbc, api, "CMP-100", 2);
        Order o = order(unique("tech.w"));
        recordProduct(UUID.randomUUID(), 1, o, """
                [{"partNumber":"CMP-100","serialNumber":"CMP-25-778812","factoryDate":"2025-10-12"}]""");
        issue(o, store, "CMP-100", 1);
        String loanId = loans(o).getFirst().get("id").asString();
        assertThat(checkIn(loanId, Map.of("serialNumber", "CMP-25-778812"), STOREKEEPER).status())
                .as("PRT-03 nothing to check in before the repair closed").isEqualTo(409);

        repairClosed(o, "FREE_REPAIR", """
                [{"partNumber":"CMP-100","quantity":1,"newSerial":"N-1","oldSerial":"CMP-25-778812",
                  "oldFactoryDate":"2025-10-12"}]""", "", Instant.parse("2026-11-23T02:00:00Z"));
        JsonNode awaiting = awaitLoan(o, "CMP-100", "AWAITING_OLD_PART");
        assertThat(awaiting.get("oldSerial").asString()).as("what the technician reported").isEqualTo("CMP-25-778812");
        assertThat(awaiting.get("oldFactoryDate").asString()).isEqualTo("2025-10-12");
        assertThat(movements(o, "CONSUMED_UNDER_WARRANTY")).isZero();
        int held = PartsFixture.onHand(jdbc, "TECH-" + o.technician(), "CMP-100");

        assertThat(checkIn(loanId, Map.of("serialNumber", "CMP-25-778812"), token(o.technician(), "TECHNICIAN")).status())
                .as("SEC-01 a technician does not check in old parts").isEqualTo(403);
        var checked = checkIn(loanId, Map.of("serialNumber", "CMP-25-778812"), STOREKEEPER);
        assertThat(checked.status()).as(String.valueOf(checked.body())).isEqualTo(200);
        assertThat(checked.body().get("status").asString()).isEqualTo("CONSUMED_UNDER_WARRANTY");
        assertThat(checked.body().get("returnedSerial").asString()).isEqualTo("CMP-25-778812");

        JsonNode writtenOff = valid(awaitEvent("PartsWrittenOff", loanId));
        assertThat(writtenOff.get("lines").get(0).get("reason").asString()).isEqualTo("CONSUMED_UNDER_WARRANTY");
        assertThat(writtenOff.get("lines").get(0).get("oldSerial").asString()).isEqualTo("CMP-25-778812");
        JsonNode defective = valid(awaitEvent("DefectivePartReceived", loanId));
        assertThat(defective.get("causeCode").asString()).isEqualTo("C-COMP-SEIZED");
        assertThat(defective.get("productModel").asString()).isEqualTo(o.model());
        assertThat(defective.get("productSerialNumber").asString()).isEqualTo(o.serial());
        assertThat(defective.get("receivedBy").asString()).isEqualTo("store.wu");
        assertThat(PartsFixture.onHand(jdbc, "TECH-" + o.technician(), "CMP-100")).isEqualTo(held - 1);
        assertThat(jdbc.sql("""
                SELECT product_model FROM movement WHERE work_order_id = :w AND reason = 'CONSUMED_UNDER_WARRANTY'
                """).param("w", o.workOrderId()).query(String.class).single()).as("PRT-07").isEqualTo(o.model());
        assertThat(checkIn(loanId, Map.of("serialNumber", "CMP-25-778812"), STOREKEEPER).status())
                .as("PRT-03 a loan never settles twice").isEqualTo(409);
    }

    @Test
    @DisplayName("PRT-03 a mismatching old part blocks the write-off (PartsWriteOffBlocked); a matching factory date later unblocks it")
    void PRT03_mismatchBlocksAndAMatchUnblocks() {
        String store = PartsFixture.storeWith(jdbc, api, "CMP-100", 1);
        Order o = order(unique("tech.m"));
        recordProduct(UUID.randomUUID(), 1, o, """
                [{"partNumber":"CMP-100","serialNumber":"CMP-25-1","factoryDate":"2025-10-12"}]""");
        issue(o, store, "CMP-100", 1);
        repairClosed(o, "RETURN", """
                [{"partNumber":"CMP-100","quantity":1,"oldSerial":"CMP-24-999"}]""", "", Instant.now());
        String loanId = awaitLoan(o, "CMP-100", "AWAITING_OLD_PART").get("id").asString();

        var blocked = checkIn(loanId, Map.of("serialNumber", "CMP-24-999", "factoryDate", "2024-01-05"), STOREKEEPER);
        assertThat(blocked.status()).isEqualTo(200);
        assertThat(blocked.body().get("status").asString()).isEqualTo("WRITE_OFF_BLOCKED");
        assertThat(blocked.body().get("blockReason").asString()).isEqualTo("MISMATCH");
        JsonNode event = valid(awaitEvent("PartsWriteOffBlocked", loanId));
        assertThat(event.get("reason").asString()).isEqualTo("MISMATCH");
        assertThat(event.get("returnedSerial").asString()).isEqualTo("CMP-24-999");
        assertThat(event.get("workOrderId").asString()).isEqualTo(o.workOrderId().toString());
        assertThat(movements(o, "CONSUMED_UNDER_WARRANTY")).isZero();

        var unblocked = checkIn(loanId, Map.of("factoryDate", "2025-10-12"), STOREKEEPER);
        assertThat(unblocked.body().get("status").asString()).isEqualTo("CONSUMED_UNDER_WARRANTY");
        assertThat(unblocked.body().get("blockReason").isNull()).isTrue();
        JsonNode writtenOff = valid(awaitEvent("PartsWrittenOff", loanId));
        assertThat(writtenOff.get("lines").get(0).get("oldFactoryDate").asString()).isEqualTo("2025-10-12");
        valid(awaitEvent("DefectivePartReceived", loanId));
        assertThat(movements(o, "CONSUMED_UNDER_WARRANTY")).isEqualTo(1);
    }

    @Test
    @DisplayName("PRT-03 no production record blocks (NO_PRODUCTION_RECORD); once intake records it (a higher version) the check-in matches; a stale version is ignored")
    void PRT03_noRecordBlocksUntilTheRecordArrives() {
        String store = PartsFixture.storeWith(jdbc, api, "PCB-300", 1);
        Order o = order(unique("tech.n"));
        UUID product = UUID.randomUUID();
        recordProduct(product, 1, o, null);
        issue(o, store, "PCB-300", 1);
        repairClosed(o, "CONTRACT", """
                [{"partNumber":"PCB-300","quantity":1,"oldSerial":"PCB-25-100233"}]""", "", Instant.now());
        String loanId = awaitLoan(o, "PCB-300", "AWAITING_OLD_PART").get("id").asString();

        var blocked = checkIn(loanId, Map.of("serialNumber", "PCB-25-100233"), STOREKEEPER);
        assertThat(blocked.body().get("blockReason").asString()).isEqualTo("NO_PRODUCTION_RECORD");
        valid(awaitEvent("PartsWriteOffBlocked", loanId));

        recordProduct(product, 3, o, """
                [{"partNumber":"PCB-300","serialNumber":"PCB-25-100233","factoryDate":null}]""");
        // a stale version (2) arriving later does not overwrite version 3; the next record on the same key (hence
        // the same partition, read in order) shows it was read
        sender.send(INTAKE, product.toString(), "InstalledProductRecorded", "intake-service", """
                {"installedProductId":"%s","version":2,"customerId":"%s","productModel":"%s","serialNumber":"%s",
                 "productionRecord":{"components":[]},"actor":"qc.zhang","occurredAt":"2026-11-20T08:00:00Z"}"""
                .formatted(product, UUID.randomUUID(), o.model(), o.serial()));
        UUID marker = UUID.randomUUID();
        sender.send(INTAKE, product.toString(), "InstalledProductRecorded", "intake-service", """
                {"installedProductId":"%s","version":1,"customerId":"%s","productModel":"M","serialNumber":"S",
                 "actor":"qc.zhang","occurredAt":"2026-11-20T08:00:00Z"}""".formatted(marker, UUID.randomUUID()));
        await().atMost(HOP).until(() -> jdbc.sql("SELECT count(*) FROM production_record WHERE installed_product_id = :id")
                .param("id", marker).query(Integer.class).single() == 1);
        assertThat(jdbc.sql("SELECT version FROM production_record WHERE installed_product_id = :id").param("id", product)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM production_component WHERE installed_product_id = :id")
                .param("id", product).query(Integer.class).single()).isEqualTo(1);

        var matched = checkIn(loanId, Map.of("serialNumber", "PCB-25-100233"), STOREKEEPER);
        assertThat(matched.body().get("status").asString()).isEqualTo("CONSUMED_UNDER_WARRANTY");
    }

    @Test
    @DisplayName("PRT-03 paid work is written off against RepairClosed's payment reference at once, or against PaymentCollected's")
    void PRT03_paidWorkAgainstThePaymentReference() {
        String store = PartsFixture.storeWith(jdbc, api, "FLT-200", 5);
        Order atOnce = order(unique("tech.p"));
        issue(atOnce, store, "FLT-200", 1);
        // a warranty entitlement whose repair charged the part is paid work too
        repairClosed(atOnce, "FREE_REPAIR", """
                [{"partNumber":"FLT-200","quantity":1}]""", """
                "charges":{"lines":[{"kind":"PARTS","description":"Part FLT-200","partNumber":"FLT-200","quantity":1,
                 "unitPrice":45.0,"amount":45.0}],"partsTotal":45.0,"travelTotal":0,"serviceTotal":0,"total":45.0,
                 "currency":"CNY","chargeableReason":"customer damage"},
                "payment":{"method":"COLLECTED_ON_SITE","reference":"RCPT-0815","amountCollected":45.0,"amountDue":45.0,
                 "currency":"CNY"},""", Instant.now());
        JsonNode consumed = awaitLoan(atOnce, "FLT-200", "CONSUMED_ON_PAID_WORK");
        assertThat(consumed.get("paymentReference").asString()).isEqualTo("RCPT-0815");
        JsonNode writtenOff = valid(awaitEvent("PartsWrittenOff", consumed.get("id").asString()));
        assertThat(writtenOff.get("lines").get(0).get("reason").asString()).isEqualTo("CONSUMED_ON_PAID_WORK");
        assertThat(writtenOff.get("lines").get(0).get("paymentReference").asString()).isEqualTo("RCPT-0815");
        assertThat(movements(atOnce, "CONSUMED_ON_PAID_WORK")).isEqualTo(1);

        Order invoiced = order(unique("tech.p"));
        issue(invoiced, store, "FLT-200", 2);
        repairClosed(invoiced, "PAID", """
                [{"partNumber":"FLT-200","quantity":2}]""", """
                "payment":{"method":"INVOICED","reference":null,"amountCollected":null,"amountDue":90.0,"currency":"CNY"},""",
                Instant.now());
        String loanId = awaitLoan(invoiced, "FLT-200", "AWAITING_PAYMENT_REFERENCE").get("id").asString();
        assertThat(movements(invoiced, "CONSUMED_ON_PAID_WORK")).isZero();
        sender.send(WORK_ORDERS, invoiced.ticketId().toString(), "PaymentCollected", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","reference":"BANK-2026-0193","amount":90.0,"currency":"CNY",
                 "method":"INVOICED","balance":0,"settled":true,"actor":"finance.wu","occurredAt":"%s"}"""
                .formatted(invoiced.workOrderId(), invoiced.ticketId(), Instant.now()));
        JsonNode paid = valid(awaitEvent("PartsWrittenOff", loanId));
        assertThat(paid.get("lines").get(0).get("paymentReference").asString()).isEqualTo("BANK-2026-0193");
        assertThat(paid.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
        awaitLoan(invoiced, "FLT-200", "CONSUMED_ON_PAID_WORK");
        assertThat(movements(invoiced, "CONSUMED_ON_PAID_WORK")).isEqualTo(2);
        assertThat(jdbc.sql("""
                SELECT product_model FROM movement WHERE work_order_id = :w AND reason = 'CONSUMED_ON_PAID_WORK'
                """).param("w", invoiced.workOrderId()).query(String.class).single()).isEqualTo(invoiced.model());
        assertThat(api.get("/api/parts/loans?workOrderId=" + invoiced.workOrderId(), token("fin.chen", "FINANCE"))
                .status()).as("FINANCE reads the loans of paid work").isEqualTo(200);
    }

    @Test
    @DisplayName("PRT-03 PRT-01 a cancelled work order's loans come back unused (returned, inspected, restocked) and its waiting request is cancelled")
    void PRT03_cancelledOrderLoansComeBack() {
        String store = PartsFixture.storeWith(jdbc, api, "FLT-200", 2);
        Order cancelled = order(unique("tech.c"));
        issue(cancelled, store, "FLT-200", 2);
        sender.send(WORK_ORDERS, cancelled.ticketId().toString(), "WorkOrderCancelled", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"%s","reason":"QUOTE_DECLINED",
                 "actor":"frontdesk","occurredAt":"2026-11-24T01:00:00Z"}"""
                .formatted(cancelled.workOrderId(), cancelled.ticketId(), cancelled.technician()));
        String loanId = awaitLoan(cancelled, "FLT-200", "AWAITING_RETURN").get("id").asString();
        assertThat(loans(cancelled)).as("nothing left on loan").noneMatch(l -> l.get("status").asString().equals("ON_LOAN"));
        assertThat(api.post("/api/parts/loans/" + loanId + "/return", Map.of(), STOREKEEPER).status()).isEqualTo(200);
        var restocked = api.post("/api/parts/loans/" + loanId + "/inspection", Map.of("passed", true), STOREKEEPER);
        assertThat(restocked.body().get("status").asString()).isEqualTo("RESTOCKED");
        assertThat(PartsFixture.onHand(jdbc, store, "FLT-200")).isEqualTo(2);

        // PRT-01: a request still waiting for stock is cancelled with its order, and what it held is available again
        PartsFixture.receive(api, store, "PCB-300", 1);
        Order waiting = order(unique("tech.c"));
        sender.send(WORK_ORDERS, waiting.ticketId().toString(), "PartsRequested", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"%s","fromLocation":"%s",
                 "lines":[{"partNumber":"PCB-300","quantity":2}],"actor":"sup.zhao","occurredAt":"2026-11-23T01:00:00Z"}"""
                .formatted(waiting.workOrderId(), waiting.ticketId(), waiting.technician(), store));
        probe.await(r -> EventProbe.eventType(r).equals("PartsBackordered")
                && r.value().contains(waiting.workOrderId().toString()), HOP);
        assertThat(reserved(store, "PCB-300")).as("the one on the shelf is held for the order").isEqualTo(1);
        sender.send(WORK_ORDERS, waiting.ticketId().toString(), "WorkOrderCancelled", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"%s","reason":"QUOTE_DECLINED",
                 "actor":"frontdesk","occurredAt":"2026-11-24T01:00:00Z"}"""
                .formatted(waiting.workOrderId(), waiting.ticketId(), waiting.technician()));
        await().atMost(HOP).until(() -> api.get("/api/parts/reservations?workOrderId=" + waiting.workOrderId(),
                STOREKEEPER).body().get("items").get(0).get("status").asString().equals("CANCELLED"));
        assertThat(reserved(store, "PCB-300")).as("released").isZero();
        assertThat(api.get("/api/parts/backorders?workOrderId=" + waiting.workOrderId() + "&status=OPEN", STOREKEEPER)
                .body().get("totalItems").asLong()).as("its backorder is closed").isZero();
    }

    private int reserved(String location, String part) {
        return jdbc.sql("SELECT coalesce(sum(reserved), 0) FROM stock WHERE location = :l AND part_number = :p")
                .param("l", location).param("p", part).query(Integer.class).single();
    }

    @Test
    @DisplayName("PRT-03 unused parts: returned into the store's quarantine (PartsReturned), inspected, restocked — or scrapped")
    void PRT03_unusedReturnedInspectedRestockedOrScrapped() {
        String store = PartsFixture.storeWith(jdbc, api, "FLT-200", 3);
        String quarantine = "QUARANTINE-" + store;
        Order partly = order(unique("tech.u"));
        issue(partly, store, "FLT-200", 3);
        recordProduct(UUID.randomUUID(), 1, partly, """
                [{"partNumber":"FLT-200","serialNumber":null,"factoryDate":"2025-10-28"}]""");
        repairClosed(partly, "FREE_REPAIR", """
                [{"partNumber":"FLT-200","quantity":1}]""", "", Instant.now());
        awaitLoan(partly, "FLT-200", "AWAITING_OLD_PART");
        JsonNode rest = awaitLoan(partly, "FLT-200", "AWAITING_RETURN");
        assertThat(rest.get("quantity").asInt()).as("the unused rest is lent on").isEqualTo(2);
        String restId = rest.get("id").asString();

        assertThat(api.post("/api/parts/loans/" + restId + "/inspection", Map.of("passed", true), STOREKEEPER).status())
                .as("nothing to inspect before it is returned").isEqualTo(409);
        var returned = api.post("/api/parts/loans/" + restId + "/return", Map.of(), STOREKEEPER);
        assertThat(returned.status()).as(String.valueOf(returned.body())).isEqualTo(200);
        assertThat(returned.body().get("status").asString()).isEqualTo("RETURNED_FOR_INSPECTION");
        assertThat(returned.body().get("store").asString()).isEqualTo(store);
        JsonNode event = valid(awaitEvent("PartsReturned", restId));
        assertThat(event.get("toLocation").asString()).isEqualTo(quarantine);
        assertThat(PartsFixture.onHand(jdbc, quarantine, "FLT-200")).isEqualTo(2);
        assertThat(PartsFixture.onHand(jdbc, store, "FLT-200")).isZero();
        assertThat(api.post("/api/parts/loans/" + restId + "/return", Map.of(), STOREKEEPER).status()).isEqualTo(409);

        var restocked = api.post("/api/parts/loans/" + restId + "/inspection", Map.of("passed", true, "note", "sealed"),
                token("qa.li", "QUALITY"));
        assertThat(restocked.body().get("status").asString()).isEqualTo("RESTOCKED");
        assertThat(PartsFixture.onHand(jdbc, quarantine, "FLT-200")).isZero();
        assertThat(PartsFixture.onHand(jdbc, store, "FLT-200")).isEqualTo(2);
        assertThat(movements(partly, "RETURNED_UNUSED")).isEqualTo(2);
        assertThat(movements(partly, "RESTOCKED")).isEqualTo(2);
        // the used one matches by factory date (a part without serial)
        String usedId = awaitLoan(partly, "FLT-200", "AWAITING_OLD_PART").get("id").asString();
        assertThat(checkIn(usedId, Map.of("factoryDate", "2025-10-28"), STOREKEEPER).body().get("status").asString())
                .isEqualTo("CONSUMED_UNDER_WARRANTY");

        Order unused = order(unique("tech.u"));
        issue(unused, store, "FLT-200", 1);
        repairClosed(unused, "PAID", "[]", "", Instant.now());
        String loanId = awaitLoan(unused, "FLT-200", "AWAITING_RETURN").get("id").asString();
        api.post("/api/parts/loans/" + loanId + "/return", Map.of(), STOREKEEPER);
        var scrapped = api.post("/api/parts/loans/" + loanId + "/inspection", Map.of("passed", false, "note", "cracked"),
                STOREKEEPER);
        assertThat(scrapped.body().get("status").asString()).isEqualTo("SCRAPPED");
        JsonNode writtenOff = valid(awaitEvent("PartsWrittenOff", loanId));
        assertThat(writtenOff.get("lines").get(0).get("reason").asString()).isEqualTo("SCRAPPED");
        assertThat(PartsFixture.onHand(jdbc, quarantine, "FLT-200")).isZero();
        assertThat(PartsFixture.onHand(jdbc, store, "FLT-200")).isEqualTo(1);
        assertThat(movements(unused, "SCRAPPED")).isEqualTo(1);
    }

    @Test
    @DisplayName("PRT-03 two check-ins of the old part at once: one settles the loan, the other gets 409; one write-off")
    void PRT03_concurrentCheckInsSettleOnce() throws Exception {
        String store = PartsFixture.storeWith(jdbc, api, "CMP-100", 1);
        Order o = order(unique("tech.c"));
        recordProduct(UUID.randomUUID(), 1, o, """
                [{"partNumber":"CMP-100","serialNumber":"CMP-25-42","factoryDate":"2025-10-12"}]""");
        issue(o, store, "CMP-100", 1);
        repairClosed(o, "EXCHANGE", """
                [{"partNumber":"CMP-100","quantity":1,"oldSerial":"CMP-25-42"}]""", "", Instant.now());
        String loanId = awaitLoan(o, "CMP-100", "AWAITING_OLD_PART").get("id").asString();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> both = List.of(
                () -> checkIn(loanId, Map.of("serialNumber", "CMP-25-42"), STOREKEEPER).status(),
                () -> checkIn(loanId, Map.of("factoryDate", "2025-10-12"), STOREKEEPER).status());
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(both)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(movements(o, "CONSUMED_UNDER_WARRANTY")).isEqualTo(1);
        assertThat(probe.drain(Duration.ofSeconds(3))).filteredOn(r -> EventProbe.eventType(r).equals("PartsWrittenOff"))
                .filteredOn(r -> r.value().contains(loanId)).hasSize(1);
    }

    @Test
    @DisplayName("PRT-05 SEC-02 loans open more than N days after the order closed, per technician, oldest first; a technician sees only their own")
    void PRT05_overduePerTechnician() {
        String store = PartsFixture.storeWith(jdbc, api, "FLT-200", 4);
        String older = unique("tech.o");
        String newer = unique("tech.o");
        Instant now = Instant.now();
        Order long1 = order(older);
        issue(long1, store, "FLT-200", 2);
        repairClosed(long1, "PAID", "[]", "", now.minus(10, ChronoUnit.DAYS));
        awaitLoan(long1, "FLT-200", "AWAITING_RETURN");
        Order recent = order(newer);
        issue(recent, store, "FLT-200", 1);
        repairClosed(recent, "FREE_REPAIR", """
                [{"partNumber":"FLT-200","quantity":1}]""", "", now.minus(3, ChronoUnit.DAYS));
        awaitLoan(recent, "FLT-200", "AWAITING_OLD_PART");
        Order settled = order(newer);
        issue(settled, store, "FLT-200", 1);
        repairClosed(settled, "PAID", """
                [{"partNumber":"FLT-200","quantity":1}]""", """
                "payment":{"method":"PREPAID","reference":"PRE-1","amountCollected":45.0,"amountDue":0,"currency":"CNY"},""",
                now.minus(30, ChronoUnit.DAYS));
        awaitLoan(settled, "FLT-200", "CONSUMED_ON_PAID_WORK");

        String supervisor = token("sup.zhao", "SUPERVISOR");
        List<JsonNode> byDefault = overdueOf(api.get("/api/parts/loans/overdue?size=200", supervisor), older, newer);
        assertThat(byDefault).as("default 7 days: only the 10-day-old order's loan").hasSize(1);
        assertThat(byDefault.getFirst().get("technicianId").asString()).isEqualTo(older);
        assertThat(byDefault.getFirst().get("loans").asInt()).isEqualTo(1);
        assertThat(byDefault.getFirst().get("pieces").asInt()).isEqualTo(2);
        assertThat(byDefault.getFirst().get("items").get(0).get("workOrderId").asString())
                .isEqualTo(long1.workOrderId().toString());

        List<JsonNode> twoDays = overdueOf(api.get("/api/parts/loans/overdue?days=2&size=200", STOREKEEPER), older, newer);
        assertThat(twoDays).extracting(t -> t.get("technicianId").asString()).as("oldest first; settled loans never")
                .containsExactly(older, newer);
        assertThat(twoDays.get(1).get("loans").asInt()).isEqualTo(1);
        assertThat(api.get("/api/parts/loans/overdue", token(older, "TECHNICIAN")).status()).isEqualTo(403);

        // SEC-02: a technician reads only their own loans
        var mine = api.get("/api/parts/loans/mine", token(newer, "TECHNICIAN"));
        assertThat(mine.body().get("items").valueStream().map(l -> l.get("technician").asString()).distinct().toList())
                .containsExactly(newer);
        assertThat(mine.body().get("totalItems").asInt()).isEqualTo(2);
        assertThat(api.get("/api/parts/loans?technicianId=" + older, token(newer, "TECHNICIAN")).status()).isEqualTo(403);
        String othersLoan = loans(long1).getFirst().get("id").asString();
        assertThat(api.get("/api/parts/loans/" + othersLoan, token(newer, "TECHNICIAN")).status()).isEqualTo(404);
        assertThat(api.get("/api/parts/loans/" + othersLoan, token(older, "TECHNICIAN")).status()).isEqualTo(200);
    }

    private static List<JsonNode> overdueOf(RestApi.Response page, String... technicians) {
        assertThat(page.status()).isEqualTo(200);
        List<String> ours = List.of(technicians);
        return page.body().get("items").valueStream().filter(t -> ours.contains(t.get("technicianId").asString()))
                .toList();
    }
}
