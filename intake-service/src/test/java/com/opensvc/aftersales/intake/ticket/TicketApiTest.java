package com.opensvc.aftersales.intake.ticket;

import static com.opensvc.aftersales.intake.Tickets.fields;
import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.Tickets;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

@IntakeServiceTest
@ProbeTopics("aftersales.intake.ticket")
class TicketApiTest {
    @Autowired
    OutboxWriter outbox;
    @Autowired
    TransactionTemplate transactions;

    private RestApi api;
    private final String desk = token("desk.li", "FRONT_DESK");

    /** An event on the ticket topic that only this test publishes, straight through the outbox. */
    record TicketClosed(UUID ticketId) implements TicketEvent {
    }

    private String today() {
        return Tickets.today().toString();
    }

    @Test
    @DisplayName("INT-02 INT-03 INT-06 a phone ticket registers with a human number and its entitlement")
    void INT03_registerGivesNumberAndEntitlement() {
        var response = api.post("/api/intake/tickets", phoneTicket("SN-" + UUID.randomUUID(), today()), desk);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().get("number").asString()).matches("T-\\d{4}-\\d{6}");
        assertThat(response.body().get("state").asString()).isEqualTo("REGISTERED");
        assertThat(response.body().get("entitlement").asString()).isEqualTo("RETURN");
        assertThat(response.body().get("qualityMustReport").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("INT-03 concurrent registrations each get their own number, of the year, sortable in registration order")
    void INT03_concurrentRegistrationsGetUniqueSortableNumbers() throws Exception {
        int registrations = 48;
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < registrations; i++) {
            calls.add(() -> {
                var response = api.post("/api/intake/tickets", phoneTicket("SN-" + UUID.randomUUID(), today()), desk);
                assertThat(response.status()).isEqualTo(201);
                return response.body().get("number").asString();
            });
        }
        List<String> numbers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(12)) {
            for (Future<String> number : clients.invokeAll(calls)) {
                numbers.add(number.get());
            }
        }
        String later = api.post("/api/intake/tickets", phoneTicket("SN-" + UUID.randomUUID(), today()), desk).body()
                .get("number").asString();

        assertThat(numbers).doesNotHaveDuplicates().allSatisfy(number -> assertThat(number)
                .startsWith("T-" + Tickets.today().getYear() + "-").matches("T-\\d{4}-\\d{6,}"));
        assertThat(later).as("a ticket registered after all of them sorts after all of them")
                .isGreaterThan(numbers.stream().max(String::compareTo).orElseThrow());
    }

    @Test
    @DisplayName("INT-01 INT-05 every channel registers; quality must report on all but PHONE and WEB")
    void INT01_everyChannelRegisters() {
        for (Channel channel : Channel.values()) {
            Map<String, Object> request = new HashMap<>(phoneTicket("SN-CH-" + channel, today()));
            request.put("channel", channel.name());
            if (channel == Channel.INTERNAL_REFERRAL) {
                request.put("referredBy", Map.of("name", "Liu Na", "department", "SALES"));   // QLT-03: who referred it
            }
            var response = api.post("/api/intake/tickets", request, desk);

            assertThat(response.status()).as(channel.name()).isEqualTo(201);
            assertThat(response.body().get("channel").asString()).isEqualTo(channel.name());
            boolean straightToAcceptance = channel == Channel.PHONE || channel == Channel.WEB;
            assertThat(response.body().get("qualityMustReport").asBoolean()).as(channel.name())
                    .isEqualTo(!straightToAcceptance);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    @DisplayName("SEC-04 registering a ticket writes no customer phone to the log")
    void SEC04_noPhoneInLogs(CapturedOutput output) {
        var response = api.post("/api/intake/tickets", phoneTicket("SN-LOG", today()), desk);
        assertThat(response.status()).isEqualTo(201);
        assertThat(output.getAll()).contains(response.body().get("number").asString());
        assertThat(output.getAll()).doesNotContain("2221234");
    }

    @Test
    @DisplayName("Idempotency-Key: a double click at the desk registers one ticket")
    void idempotencyKeyRegistersOnce() {
        String key = UUID.randomUUID().toString();
        var first = api.post("/api/intake/tickets", phoneTicket("SN-IK", today()), desk, Map.of("Idempotency-Key", key));
        var second = api.post("/api/intake/tickets", phoneTicket("SN-IK", today()), desk, Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
    }

    @Test
    @DisplayName("SEC-01 a malformed token → 401; health and the API document are open (issue 16)")
    void SEC01_tokenHealthAndApiDocs() {
        assertThat(api.post("/api/intake/tickets", phoneTicket("SN-2", today()), "not-a-jwt").status()).isEqualTo(401);
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        var openApi = api.get("/v3/api-docs", null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body().get("paths").has("/api/intake/tickets/{id}/accept")).isTrue();
    }

    @Test
    @DisplayName("INT-13 an illegal transition is refused with 409 and the current state")
    void INT13_illegalTransitionIs409() {
        String id = api.post("/api/intake/tickets", phoneTicket("SN-3", today()), desk).body().get("id").asString();
        assertThat(api.post("/api/intake/tickets/" + id + "/accept", null, desk).status()).isEqualTo(200);

        var again = api.post("/api/intake/tickets/" + id + "/accept", null, desk);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("currentState").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    @DisplayName("INT-02 a ticket without serial number cannot be accepted for dispatch")
    void INT02_serialRequiredBeforeDispatch() {
        Map<String, Object> noSerial = new HashMap<>(phoneTicket("x", today()));
        noSerial.remove("serialNumber");
        String id = api.post("/api/intake/tickets", noSerial, desk).body().get("id").asString();

        var response = api.post("/api/intake/tickets/" + id + "/accept", null, desk);
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.body())).containsExactly("serialNumber");
    }

    @Test
    @DisplayName("EVT-02 EVT-03 TicketAccepted is a CloudEvent keyed by ticket id and valid against its schema")
    void EVT02_headersAndKey(EventProbe probe) {
        String id = api.post("/api/intake/tickets", phoneTicket("SN-EVT", today()), desk).body().get("id").asString();
        api.post("/api/intake/tickets/" + id + "/accept", null, desk);

        ConsumerRecord<String, String> record = probe.awaitType("TicketAccepted", id, Duration.ofSeconds(30));

        assertThat(record.key()).isEqualTo(id);
        assertThat(UUID.fromString(EventProbe.header(record, "ce_id"))).isNotNull();
        assertThat(EventProbe.header(record, "ce_type")).isEqualTo("com.opensvc.aftersales.TicketAccepted.v1");
        assertThat(EventProbe.header(record, "ce_source")).isEqualTo("intake-service");
        assertThat(EventProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(java.time.Instant.parse(EventProbe.header(record, "ce_time"))).isNotNull();
        assertThat(EventProbe.header(record, "ce_subject")).isEqualTo(id);
        assertThat(EventProbe.header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(EventContracts.load().validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
        JsonNode payload = tools.jackson.databind.json.JsonMapper.builder().build().readTree(record.value());
        assertThat(payload.get("customerRegion").asString()).isEqualTo("NORTH");
        assertThat(payload.get("expectedParts").get(0).get("partNumber").asString()).isEqualTo("CMP-100");
        assertThat(record.value()).doesNotContain("2221234");
    }

    @Test
    @DisplayName("EVT-01 a rolled-back transaction publishes nothing; the next committed one is published")
    void EVT01_rollbackPublishesNothing(EventProbe probe) {
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        try {
            transactions.executeWithoutResult(tx -> {
                outbox.append(new TicketClosed(rolledBack));
                throw new IllegalStateException("the state change failed after the outbox insert");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        transactions.executeWithoutResult(tx ->
                outbox.append(new TicketClosed(committed)));

        probe.awaitType("TicketClosed", committed.toString(), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> seen = probe.drain(Duration.ofMillis(500));
        assertThat(seen).noneMatch(r -> rolledBack.toString().equals(r.key()));
    }
}
