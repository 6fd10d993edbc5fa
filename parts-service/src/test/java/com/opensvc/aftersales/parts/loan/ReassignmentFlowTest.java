package com.opensvc.aftersales.parts.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.parts.PartsFixture;
import com.opensvc.aftersales.parts.PartsServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

/** DSP-02, INT-22, PRT-02: when dispatch reassigns a work order, its parts follow the new technician. */
@PartsServiceTest
class ReassignmentFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";

    @Autowired
    JdbcClient jdbc;
    private RestApi api;
    @ProbeTopics("aftersales.parts.stock")
    private EventProbe probe;
    private EventSender sender;

    private static String login(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 6);
    }

    private void requestParts(UUID workOrderId, UUID ticketId, String technician, String store, int quantity) {
        sender.send(WORK_ORDERS, ticketId.toString(), "PartsRequested", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"%s","fromLocation":"%s",
                 "lines":[{"partNumber":"CMP-100","quantity":%d}],"actor":"sup.zhao",
                 "occurredAt":"2026-11-23T01:00:00Z"}""".formatted(workOrderId, ticketId, technician, store, quantity));
    }

    private void reassign(UUID workOrderId, UUID ticketId, String from, String to, String toLocation) {
        sender.send(WORK_ORDERS, ticketId.toString(), "WorkOrderReassigned", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","fromTechnicianId":"%s","toTechnicianId":"%s",
                 "toLocation":"%s","reason":"needed elsewhere","actor":"sup.zhao",
                 "occurredAt":"2026-11-23T02:00:00Z"}""".formatted(workOrderId, ticketId, from, to, toLocation));
    }

    @Test
    @DisplayName("DSP-02 PRT-02 WorkOrderReassigned moves the order's issued parts holding to holding, with a ledger movement; the loan follows")
    void DSP02_issuedPartsFollowTheNewTechnician() {
        String store = PartsFixture.storeWith(jdbc, api, "CMP-100", 5);
        String from = login("tech.a");
        String to = login("tech.b");
        UUID ticketId = UUID.randomUUID();
        UUID workOrderId = UUID.randomUUID();
        requestParts(workOrderId, ticketId, from, store, 2);
        probe.awaitType("PartsIssued", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(PartsFixture.onHand(jdbc, "TECH-" + from, "CMP-100")).isEqualTo(2);

        reassign(workOrderId, ticketId, from, to, store);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> PartsFixture.onHand(jdbc, "TECH-" + to, "CMP-100") == 2);
        assertThat(PartsFixture.onHand(jdbc, "TECH-" + from, "CMP-100")).isZero();
        assertThat(jdbc.sql("SELECT technician FROM loan WHERE work_order_id = :id").param("id", workOrderId)
                .query(String.class).list()).containsOnly(to);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM movement WHERE work_order_id = :id AND reason = 'REASSIGNED_TO_TECHNICIAN'
                   AND from_location = :from AND to_location = :to AND quantity = 2 AND actor = 'sup.zhao'
                """).param("id", workOrderId).param("from", "TECH-" + from).param("to", "TECH-" + to)
                .query(Integer.class).single()).isEqualTo(1);

        // a second reassignment from the old technician finds nothing of theirs to move: no negative stock (PRT-02)
        reassign(workOrderId, ticketId, from, login("tech.c"), store);
        UUID other = UUID.randomUUID();
        requestParts(other, ticketId, to, store, 1);
        probe.await(r -> ticketId.toString().equals(r.key()) && EventProbe.eventType(r).equals("PartsIssued")
                && r.value().contains(other.toString()), Duration.ofSeconds(30));
        assertThat(PartsFixture.onHand(jdbc, "TECH-" + to, "CMP-100")).isEqualTo(3);
        assertThat(PartsFixture.onHand(jdbc, "TECH-" + from, "CMP-100")).isZero();
    }

    @Test
    @DisplayName("DSP-02 DSP-03 a still-open backorder of a reassigned order fills to the new technician")
    void DSP02_openBackorderFillsToTheNewTechnician() {
        String store = PartsFixture.newStore(jdbc);
        String from = login("tech.a");
        String to = login("tech.b");
        UUID ticketId = UUID.randomUUID();
        UUID workOrderId = UUID.randomUUID();
        requestParts(workOrderId, ticketId, from, store, 1);
        probe.awaitType("PartsBackordered", ticketId.toString(), Duration.ofSeconds(30));

        reassign(workOrderId, ticketId, from, to, store);
        await().atMost(Duration.ofSeconds(30)).until(() -> to.equals(jdbc.sql(
                "SELECT technician FROM backorder WHERE work_order_id = :id AND status = 'OPEN'")
                .param("id", workOrderId).query(String.class).optional().orElse(null)));

        PartsFixture.receive(api, store, "CMP-100", 1);
        ConsumerRecord<String, String> issued = probe.awaitType("PartsIssued", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(issued.value()).contains("\"technicianId\": \"" + to + "\"").doesNotContain(from);
        assertThat(PartsFixture.onHand(jdbc, "TECH-" + to, "CMP-100")).isEqualTo(1);
    }

    @Test
    @DisplayName("DSP-02 INT-22 a backorder of an order reassigned to a technician of another store is requested there again")
    void DSP02_backorderRequestedAgainAtTheNewStore() {
        String oldStore = PartsFixture.newStore(jdbc);
        String newStore = PartsFixture.storeWith(jdbc, api, "CMP-100", 3);
        String from = login("tech.a");
        String to = login("tech.b");
        UUID ticketId = UUID.randomUUID();
        UUID workOrderId = UUID.randomUUID();
        requestParts(workOrderId, ticketId, from, oldStore, 1);
        probe.awaitType("PartsBackordered", ticketId.toString(), Duration.ofSeconds(30));

        reassign(workOrderId, ticketId, from, to, newStore);
        ConsumerRecord<String, String> issued = probe.awaitType("PartsIssued", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(issued.value()).contains(to).contains(newStore);
        assertThat(jdbc.sql("SELECT status FROM backorder WHERE work_order_id = :id AND location = :l")
                .param("id", workOrderId).param("l", oldStore).query(String.class).single()).isEqualTo("SUPERSEDED");
    }
}
