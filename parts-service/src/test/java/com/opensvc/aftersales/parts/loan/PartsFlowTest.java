package com.opensvc.aftersales.parts.loan;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

@PartsServiceTest
class PartsFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final EventContracts CONTRACTS = EventContracts.load();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IssueService issue;
    private RestApi api;
    @ProbeTopics("aftersales.parts.stock")
    private EventProbe probe;
    private EventSender sender;

    /** A store of its own per test, its stock received through the storekeeper's receipts. */
    private String storeWith(String part, int onHand) {
        return PartsFixture.storeWith(jdbc, api, part, onHand);
    }

    private int onHand(String location, String part) {
        return PartsFixture.onHand(jdbc, location, part);
    }

    @Test
    @DisplayName("PRT-01 PRT-03 PartsRequested issues to the technician; RepairClosed under warranty awaits the old part")
    void PRT01_issueAndWriteOff() {
        String store = storeWith("CMP-100", 4);
        UUID ticketId = UUID.randomUUID();
        UUID workOrderId = UUID.randomUUID();
        sender.send(WORK_ORDERS, ticketId.toString(), "PartsRequested", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.north","fromLocation":"%s",
                 "lines":[{"partNumber":"CMP-100","quantity":1}],"actor":"system:dispatch-policy",
                 "occurredAt":"2026-11-23T01:00:00Z"}""".formatted(workOrderId, ticketId, store));

        ConsumerRecord<String, String> issued = probe.awaitType("PartsIssued", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(EventProbe.header(issued, "ce_type"), issued.value())).isEmpty();
        assertThat(issued.value()).as("INT-08 DSP-05 the catalogue's price goes with the issued part")
                .containsPattern("\"unitPrice\"\\s*:\\s*1280(\\.0+)?[,}\\s]").contains("\"currency\": \"CNY\"");
        assertThat(onHand(store, "CMP-100")).isEqualTo(3);
        assertThat(onHand("TECH-tech.north", "CMP-100")).isGreaterThanOrEqualTo(1);
        var loans = api.get("/api/parts/loans?workOrderId=" + workOrderId, token("store.wu", "STOREKEEPER")).body();
        assertThat(loans.get("items").get(0).get("status").asString()).isEqualTo("ON_LOAN");
        int techBefore = onHand("TECH-tech.north", "CMP-100");

        sender.send(WORK_ORDERS, ticketId.toString(), "RepairClosed", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.north","productModel":"AC-3200",
                 "serialNumber":"SN-1","entitlement":"FREE_REPAIR","outcome":"FIXED","symptom":"no cooling",
                 "causeCode":"C-COMP","actions":"replaced","partsUsed":[{"partNumber":"CMP-100","quantity":1,
                 "newSerial":"N-1","oldSerial":"O-1"}],"labourMinutes":60,"firstTimeFix":true,
                 "customerConfirmation":"SIGNED","actor":"tech.north","occurredAt":"2026-11-23T02:00:00Z"}"""
                .formatted(workOrderId, ticketId));

        // PRT-03: the write-off waits for the old part (LoanSettlementFlowTest checks it in)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> loanStatus(workOrderId).equals("AWAITING_OLD_PART"));
        var settled = api.get("/api/parts/loans?workOrderId=" + workOrderId, token("store.wu", "STOREKEEPER")).body();
        assertThat(settled.get("items").get(0).get("oldSerial").asString()).isEqualTo("O-1");
        assertThat(onHand("TECH-tech.north", "CMP-100")).isEqualTo(techBefore);
        int movements = jdbc.sql("SELECT count(*) FROM movement WHERE work_order_id = :w").param("w", workOrderId)
                .query(Integer.class).single();
        assertThat(movements).as("the issue is a ledger movement; nothing is written off yet").isEqualTo(1);
    }

    @Test
    @DisplayName("PRT-01 a request larger than the store's stock moves nothing and publishes PartsBackordered")
    void PRT01_shortageBackorders() {
        String store = storeWith("PCB-300", 1);
        UUID ticketId = UUID.randomUUID();
        sender.send(WORK_ORDERS, ticketId.toString(), "PartsRequested", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.north","fromLocation":"%s",
                 "lines":[{"partNumber":"PCB-300","quantity":2}],"actor":"system:dispatch-policy",
                 "occurredAt":"2026-11-23T01:00:00Z"}""".formatted(UUID.randomUUID(), ticketId, store));

        ConsumerRecord<String, String> backordered = probe.awaitType("PartsBackordered", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(EventProbe.header(backordered, "ce_type"), backordered.value())).isEmpty();
        assertThat(onHand(store, "PCB-300")).isEqualTo(1);
    }

    @Test
    @DisplayName("PRT-02 concurrent requests never oversell: 8 requests of 1 against 4 on hand issue exactly 4")
    void PRT02_concurrentRequestsNeverOversell() throws Exception {
        String store = storeWith("CMP-100", 4);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<IssueService.Outcome>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(() -> issue.issue(new PartsRequest(UUID.randomUUID(), UUID.randomUUID(), "tech.south", store,
                    List.of(new PartLine("CMP-100", 1)))));
        }
        List<IssueService.Outcome> outcomes = new ArrayList<>();
        for (Future<IssueService.Outcome> f : pool.invokeAll(requests)) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(o -> o == IssueService.Outcome.ISSUED).hasSize(4);
        assertThat(outcomes).filteredOn(o -> o == IssueService.Outcome.BACKORDERED).hasSize(4);
        assertThat(onHand(store, "CMP-100")).isZero();
        int issuedFromStore = jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM movement WHERE from_location = :s")
                .param("s", store).query(Integer.class).single();
        assertThat(issuedFromStore).isEqualTo(4);
    }

    @Test
    @DisplayName("PRT-02 the database refuses negative stock even if code tried")
    void PRT02_databaseRefusesNegative() {
        String store = storeWith("FLT-200", 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                jdbc.sql("UPDATE stock SET on_hand = on_hand - 2 WHERE location = :s").param("s", store).update())
                .hasMessageContaining("check");
    }

    @Test
    @DisplayName("SEC-01 a storekeeper reads a store's stock levels")
    void SEC01_storekeeperReadsStock() {
        String store = storeWith("CMP-100", 4);
        PartsFixture.receive(api, store, "FLT-200", 50);
        var levels = api.get("/api/parts/stock?location=" + store, token("store.wu", "STOREKEEPER"));
        assertThat(levels.status()).isEqualTo(200);
        assertThat(levels.body().size()).isEqualTo(2);
    }

    private void repairClosed(UUID ticketId, UUID workOrderId, String entitlement) {
        sender.send(WORK_ORDERS, ticketId.toString(), "RepairClosed", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.north","productModel":"AC-3200",
                 "serialNumber":"SN-1","entitlement":"%s","outcome":"FIXED","symptom":"no cooling",
                 "causeCode":"C-COMP","actions":"replaced","partsUsed":[{"partNumber":"CMP-100","quantity":1,
                 "newSerial":"N-1","oldSerial":"O-1"}],"labourMinutes":60,"firstTimeFix":true,
                 "customerConfirmation":"SIGNED","actor":"tech.north","occurredAt":"2026-11-23T02:00:00Z"}"""
                .formatted(workOrderId, ticketId, entitlement));
    }

    private UUID issuedOrder(String store, UUID ticketId) {
        UUID workOrderId = UUID.randomUUID();
        sender.send(WORK_ORDERS, ticketId.toString(), "PartsRequested", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.north","fromLocation":"%s",
                 "lines":[{"partNumber":"CMP-100","quantity":1}],"actor":"system:dispatch-policy",
                 "occurredAt":"2026-11-23T01:00:00Z"}""".formatted(workOrderId, ticketId, store));
        probe.awaitType("PartsIssued", ticketId.toString(), Duration.ofSeconds(30));
        return workOrderId;
    }

    private String loanStatus(UUID workOrderId) {
        return api.get("/api/parts/loans?workOrderId=" + workOrderId, token("store.wu", "STOREKEEPER")).body().get("items").get(0)
                .get("status").asString();
    }

    @Test
    @DisplayName("INT-07 PRT-03 parts reconcile by the entitlement in force when the repair closed, not the one at acceptance")
    void INT07_reconcileByTheEntitlementAtClose() {
        String store = storeWith("CMP-100", 2);
        // accepted as PAID (parts issued), became FREE_REPAIR before the repair closed → a warranty loan (old part)
        UUID becameWarranty = UUID.randomUUID();
        UUID warrantyOrder = issuedOrder(store, becameWarranty);
        repairClosed(becameWarranty, warrantyOrder, "FREE_REPAIR");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> loanStatus(warrantyOrder).equals("AWAITING_OLD_PART"));

        // accepted as FREE_REPAIR, became PAID (an exclusion) before the repair closed → consumed on paid work
        UUID becamePaid = UUID.randomUUID();
        UUID paidOrder = issuedOrder(store, becamePaid);
        repairClosed(becamePaid, paidOrder, "PAID");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> loanStatus(paidOrder).equals("AWAITING_PAYMENT_REFERENCE"));
        assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> r.key().equals(becamePaid.toString()))
                .filteredOn(r -> EventProbe.eventType(r).equals("PartsWrittenOff")).isEmpty();
    }
}
