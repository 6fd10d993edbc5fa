package com.opensvc.aftersales.quality.defect;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.quality.QualityServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@QualityServiceTest
class DefectFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RestApi api;
    @ProbeTopics("aftersales.quality.defect")
    private EventProbe probe;
    @ProbeTopics(WORK_ORDERS + ".DLT")
    private EventProbe deadLetters;
    private EventSender sender;
    private final String quality = token("qe.sun", "QUALITY");

    private List<String> deadLetterKeys() {
        return deadLetters.drain(Duration.ofSeconds(1)).stream().map(ConsumerRecord::key).toList();
    }

    /** RepairClosed as dispatch publishes it; {@code causeCode} null leaves the field null. */
    static String repairClosed(UUID ticketId, UUID workOrderId, String causeCode) {
        return """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.north","productModel":"AC-3200",
                 "serialNumber":"SN-77","entitlement":"FREE_REPAIR","outcome":"FIXED","symptom":"no cooling",
                 "causeCode":%s,"actions":"replaced","partsUsed":[],"labourMinutes":60,"firstTimeFix":true,
                 "customerConfirmation":"SIGNED","actor":"tech.north","occurredAt":"2026-11-23T02:00:00Z"}"""
                .formatted(workOrderId, ticketId, causeCode == null ? "null" : "\"" + causeCode + "\"");
    }

    private JsonNode defectsOf(Object ticketId) {
        var response = api.get("/api/quality/defects?ticketId=" + ticketId, quality);
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("items");
    }

    @Test
    @DisplayName("QLT-01 a RepairClosed with a cause code becomes a defect record and a valid DefectRecorded keyed by the ticket")
    void QLT01_repairClosedBecomesDefectRecord() {
        UUID ticketId = UUID.randomUUID();
        UUID workOrderId = UUID.randomUUID();
        sender.send(WORK_ORDERS, ticketId.toString(), "RepairClosed", "dispatch-service",
                repairClosed(ticketId, workOrderId, "C-COMP-SEIZED"));

        ConsumerRecord<String, String> recorded = probe.awaitType("DefectRecorded", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(recorded.key()).isEqualTo(ticketId.toString());
        assertThat(EventProbe.header(recorded, "ce_subject")).isEqualTo(ticketId.toString());
        assertThat(EventProbe.header(recorded, "ce_type")).isEqualTo("com.opensvc.aftersales.DefectRecorded.v1");
        assertThat(CONTRACTS.validate(EventProbe.header(recorded, "ce_type"), recorded.value())).isEmpty();

        JsonNode defects = defectsOf(ticketId);
        assertThat(defects.size()).isEqualTo(1);
        JsonNode defect = defects.get(0);
        assertThat(defect.get("workOrderId").asString()).isEqualTo(workOrderId.toString());
        assertThat(defect.get("cause").asString()).isEqualTo("C-COMP-SEIZED");
        assertThat(defect.get("failureMode").asString()).isEqualTo("no cooling");
        assertThat(defect.get("productModel").asString()).isEqualTo("AC-3200");
        assertThat(defect.get("serialNumber").asString()).isEqualTo("SN-77");
        assertThat(defect.get("source").asString()).isEqualTo("REPAIR_CLOSED");
        assertThat(JSON.readTree(recorded.value()).get("defectId").asString()).isEqualTo(defect.get("id").asString());

        var byId = api.get("/api/quality/defects/" + defect.get("id").asString(), quality);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.body().get("ticketId").asString()).isEqualTo(ticketId.toString());
    }

    @Test
    @DisplayName("QLT-01 a RepairClosed without a cause code records no defect")
    void QLT01_noCauseCodeNoDefect() {
        UUID noCause = UUID.randomUUID();
        UUID withCause = UUID.randomUUID();
        // same key → same partition: once the second is handled, the first has been too
        sender.send(WORK_ORDERS, noCause.toString(), "RepairClosed", "dispatch-service",
                repairClosed(noCause, UUID.randomUUID(), null));
        sender.send(WORK_ORDERS, noCause.toString(), "RepairClosed", "dispatch-service",
                repairClosed(withCause, UUID.randomUUID(), "C-PCB"));

        probe.awaitType("DefectRecorded", withCause.toString(), Duration.ofSeconds(30));
        assertThat(probe.drain(Duration.ofSeconds(2))).noneMatch(r -> noCause.toString().equals(r.key()));
        assertThat(defectsOf(noCause).size()).isZero();
        // handled as "no defect", not failed and dead-lettered
        assertThat(deadLetterKeys()).doesNotContain(noCause.toString());
    }

    @Test
    @DisplayName("QLT-01 other work-order events are ignored without a retry or a dead letter")
    void QLT01_otherEventTypesAreIgnored() {
        UUID ticketId = UUID.randomUUID();
        ObjectNode assigned = (ObjectNode) JSON.readTree(
                CONTRACTS.examples("com.opensvc.aftersales.TechnicianAssigned.v1").get(0));
        assigned.put("ticketId", ticketId.toString());
        sender.send(WORK_ORDERS, ticketId.toString(), "TechnicianAssigned", "dispatch-service", assigned.toString());
        sender.send(WORK_ORDERS, ticketId.toString(), "RepairClosed", "dispatch-service",
                repairClosed(ticketId, UUID.randomUUID(), "C-PCB"));

        probe.awaitType("DefectRecorded", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(defectsOf(ticketId).size()).isEqualTo(1);
        assertThat(deadLetterKeys()).doesNotContain(ticketId.toString());
    }

    @Test
    @DisplayName("EVT-04 QLT-01 the same RepairClosed delivered twice gives one defect and one DefectRecorded")
    void EVT04_duplicateRepairClosedGivesOneDefect() {
        UUID ticketId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String payload = repairClosed(ticketId, UUID.randomUUID(), "C-PCB");
        sender.send(WORK_ORDERS, null, ticketId.toString(), "RepairClosed", "dispatch-service", payload, eventId);
        sender.send(WORK_ORDERS, null, ticketId.toString(), "RepairClosed", "dispatch-service", payload, eventId);

        probe.awaitType("DefectRecorded", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> ticketId.toString().equals(r.key())).hasSize(1);
        assertThat(defectsOf(ticketId).size()).isEqualTo(1);
    }

    @Test
    @DisplayName("EVT-03 QLT-01 quality consumes the published schema's example of RepairClosed")
    void EVT03_consumesTheSchemaExample() {
        ObjectNode example = (ObjectNode) JSON.readTree(CONTRACTS.examples("com.opensvc.aftersales.RepairClosed.v1").get(0));
        String ticketId = UUID.randomUUID().toString();
        example.put("ticketId", ticketId);
        example.put("workOrderId", UUID.randomUUID().toString());
        sender.send(WORK_ORDERS, ticketId, "RepairClosed", "dispatch-service", example.toString());

        ConsumerRecord<String, String> recorded = probe.awaitType("DefectRecorded", ticketId, Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(EventProbe.header(recorded, "ce_type"), recorded.value())).isEmpty();
        assertThat(defectsOf(ticketId).get(0).get("cause").asString()).isEqualTo("PUMP-IMPELLER-BROKEN");
    }

    @Test
    @DisplayName("SEC-01 quality endpoints: an unknown defect id → 404")
    void SEC01_unknownDefectIsNotFound() {
        assertThat(api.get("/api/quality/defects/" + UUID.randomUUID(), quality).status()).isEqualTo(404);
    }
}
