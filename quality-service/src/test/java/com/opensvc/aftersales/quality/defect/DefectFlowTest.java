package com.opensvc.aftersales.quality.defect;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.quality.QualityServiceTest;
import com.opensvc.aftersales.testkit.RestApi;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.SharedInfrastructure;

@QualityServiceTest
class DefectFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String DEFECTS = "aftersales.quality.defect";
    private static EventProbe probe;
    private static EventSender sender;

    @LocalServerPort
    int port;
    private RestApi api;
    private final String quality = token("qe.sun", "QUALITY");

    @BeforeAll
    static void connect() throws Exception {
        SharedInfrastructure infra = SharedInfrastructure.get();
        infra.createTopics(WORK_ORDERS, DEFECTS);
        probe = new EventProbe(infra.bootstrapServers(), DEFECTS);
        sender = new EventSender(infra.bootstrapServers());
    }

    @AfterAll
    static void close() {
        probe.close();
        sender.close();
    }

    @BeforeEach
    void api() {
        api = new RestApi(port);
    }

    static String repairClosed(UUID ticketId, UUID workOrderId, String causeCode) {
        return """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.north","productModel":"AC-3200",
                 "serialNumber":"SN-77","entitlement":"FREE_REPAIR","outcome":"FIXED","symptom":"no cooling",
                 "causeCode":%s,"actions":"replaced","partsUsed":[],"labourMinutes":60,"firstTimeFix":true,
                 "customerConfirmation":"SIGNED","actor":"tech.north","occurredAt":"2026-11-23T02:00:00Z"}"""
                .formatted(workOrderId, ticketId, causeCode == null ? "null" : "\"" + causeCode + "\"");
    }

    @Test
    @DisplayName("QLT-01 a RepairClosed with a cause code becomes a defect record and DefectRecorded")
    void QLT01_repairClosedBecomesDefectRecord() {
        UUID ticketId = UUID.randomUUID();
        sender.send(WORK_ORDERS, ticketId.toString(), "RepairClosed", "dispatch-service",
                repairClosed(ticketId, UUID.randomUUID(), "C-COMP-SEIZED"));

        ConsumerRecord<String, String> recorded = probe.awaitType("DefectRecorded", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(recorded, "ce_type"), recorded.value())).isEmpty();
        var defects = api.get("/api/quality/defects?ticketId=" + ticketId, quality).body();
        assertThat(defects.size()).isEqualTo(1);
        assertThat(defects.get(0).get("cause").asString()).isEqualTo("C-COMP-SEIZED");
        assertThat(defects.get(0).get("failureMode").asString()).isEqualTo("no cooling");
        assertThat(defects.get(0).get("productModel").asString()).isEqualTo("AC-3200");
    }

    @Test
    @DisplayName("QLT-01 EVT-04 the same RepairClosed twice gives one defect; none without a cause code")
    void EVT04_duplicateRepairClosedGivesOneDefect() {
        UUID ticketId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String payload = repairClosed(ticketId, UUID.randomUUID(), "C-PCB");
        sender.send(WORK_ORDERS, null, ticketId.toString(), "RepairClosed", "dispatch-service", payload, eventId);
        sender.send(WORK_ORDERS, null, ticketId.toString(), "RepairClosed", "dispatch-service", payload, eventId);
        UUID noCause = UUID.randomUUID();
        sender.send(WORK_ORDERS, noCause.toString(), "RepairClosed", "dispatch-service",
                repairClosed(noCause, UUID.randomUUID(), null));

        probe.awaitType("DefectRecorded", ticketId.toString(), Duration.ofSeconds(30));
        var seen = probe.drain(Duration.ofSeconds(2));
        assertThat(seen).filteredOn(r -> ticketId.toString().equals(r.key())).hasSize(1);
        assertThat(seen).noneMatch(r -> noCause.toString().equals(r.key()));
        assertThat(api.get("/api/quality/defects?ticketId=" + ticketId, quality).body().size()).isEqualTo(1);
        assertThat(api.get("/api/quality/defects?ticketId=" + noCause, quality).body().size()).isZero();
    }

    @Test
    @DisplayName("EVT-03 quality consumes the published schema's example of RepairClosed")
    void EVT03_consumesTheSchemaExample() {
        String example = EventContracts.load().examples("com.opensvc.aftersales.RepairClosed.v1").get(0);
        String ticketId = tools.jackson.databind.json.JsonMapper.builder().build().readTree(example).get("ticketId").asString();
        sender.send(WORK_ORDERS, ticketId, "RepairClosed", "dispatch-service", example);

        probe.awaitType("DefectRecorded", ticketId, Duration.ofSeconds(30));
        assertThat(api.get("/api/quality/defects?ticketId=" + ticketId, quality).body().get(0).get("cause").asString())
                .isEqualTo("PUMP-IMPELLER-BROKEN");
    }

    @Test
    @DisplayName("SEC-01 quality endpoints: no token → 401; a technician → 403; unknown id → 404")
    void SEC01_rolesOnQuality() {
        assertThat(api.get("/api/quality/defects", null).status()).isEqualTo(401);
        assertThat(api.get("/api/quality/defects", token("tech.north", "TECHNICIAN")).status()).isEqualTo(403);
        assertThat(api.get("/api/quality/defects/" + UUID.randomUUID(), quality).status()).isEqualTo(404);
    }
}
