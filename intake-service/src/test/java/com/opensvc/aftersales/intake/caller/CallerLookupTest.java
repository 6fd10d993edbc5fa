package com.opensvc.aftersales.intake.caller;

import static com.opensvc.aftersales.intake.Customers.customer;
import static com.opensvc.aftersales.intake.Customers.product;
import static com.opensvc.aftersales.intake.Customers.uniquePhone;
import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.Tickets;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.RestApi;
import com.opensvc.aftersales.testkit.SharedInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntakeServiceTest
class CallerLookupTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private RestApi api;
    private final String desk = token("desk.li", "FRONT_DESK");

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    @DisplayName("INT-24 a phone number gives the customer, installed products (with end user), open and past tickets, services with parts, complaints and revisits")
    void INT24_callerHistory(CapturedOutput output) throws Exception {
        String phone = uniquePhone();
        String buyerId = api.post("/api/intake/customers", customer("Lotus Hotel Group", phone), desk).body().get("id").asString();
        String endUserId = api.post("/api/intake/customers", customer("Lotus Hotel Hengyang", uniquePhone()), desk)
                .body().get("id").asString();
        String today = Tickets.today().toString();
        String serial = "AC-" + UUID.randomUUID();
        Map<String, Object> installed = new HashMap<>(product(buyerId, "AC-3200", serial, today));
        installed.put("endUserCustomerId", endUserId);
        assertThat(api.post("/api/intake/installed-products", installed, desk).status()).isEqualTo(201);

        Map<String, Object> repair = new HashMap<>(phoneTicket(serial, today));
        repair.put("customer", Map.of("id", buyerId));
        String repairId = api.post("/api/intake/tickets", repair, desk).body().get("id").asString();
        Map<String, Object> complaint = new HashMap<>(phoneTicket(serial, today));
        complaint.put("customer", Map.of("id", buyerId));
        complaint.put("kind", "COMPLAINT");
        complaint.put("category", "SERVICE_ATTITUDE");
        String complaintId = api.post("/api/intake/tickets", complaint, desk).body().get("id").asString();
        api.post("/api/intake/tickets/" + complaintId + "/cancel", Map.of("reason", "customer withdrew"), desk);

        SharedInfrastructure.get().createTopics("aftersales.dispatch.workorder", "aftersales.revisit.revisit");
        EventSender events = new EventSender(SharedInfrastructure.get().bootstrapServers());
        String workOrderId = UUID.randomUUID().toString();
        events.send("aftersales.dispatch.workorder", repairId, "RepairClosed", "dispatch-service", JSON.writeValueAsString(Map.of(
                "workOrderId", workOrderId, "ticketId", repairId, "technicianId", "tech.north", "outcome", "FIXED",
                "causeCode", "CMP-SEIZED", "actions", "replaced compressor",
                "partsUsed", List.of(Map.of("partNumber", "CMP-100", "quantity", 1, "oldSerial", "CMP-OLD-1")),
                "actor", "tech.north", "occurredAt", Instant.now().toString())));
        events.send("aftersales.revisit.revisit", repairId, "RevisitCompleted", "revisit-service", JSON.writeValueAsString(Map.of(
                "revisitId", UUID.randomUUID().toString(), "ticketId", repairId, "workOrderId", workOrderId,
                "satisfaction", "SATISFIED", "flaggedForReview", false, "actor", "agent.chen",
                "occurredAt", Instant.now().toString())));

        String dialled = "0" + phone.substring(4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode history = lookup(dialled).body();
            assertThat(history.get("customers")).hasSize(1);
            JsonNode caller = history.get("customers").get(0);
            assertThat(caller.get("services")).hasSize(1);
            assertThat(caller.get("revisits")).hasSize(1);
        });
        JsonNode caller = lookup(dialled).body().get("customers").get(0);
        assertThat(caller.get("customer").get("id").asString()).isEqualTo(buyerId);
        assertThat(caller.get("installedProducts").get(0).get("endUserCustomerId").asString()).isEqualTo(endUserId);
        assertThat(ids(caller.get("openTickets"))).containsExactly(repairId);
        assertThat(ids(caller.get("pastTickets"))).containsExactly(complaintId);
        assertThat(ids(caller.get("complaints"))).containsExactly(complaintId);
        JsonNode service = caller.get("services").get(0);
        assertThat(service.get("causeCode").asString()).isEqualTo("CMP-SEIZED");
        assertThat(service.get("partsUsed").get(0).get("partNumber").asString()).isEqualTo("CMP-100");
        assertThat(caller.get("revisits").get(0).get("satisfaction").asString()).isEqualTo("SATISFIED");

        assertThat(lookup(uniquePhone()).body().get("customers")).isEmpty();
        assertThat(output.getAll()).doesNotContain(phone.substring(6));
    }

    private RestApi.Response lookup(String phone) {
        return api.post("/api/intake/caller-lookup", Map.of("phone", phone), desk);
    }

    private static List<String> ids(JsonNode tickets) {
        return tickets.valueStream().map(t -> t.get("id").asString()).toList();
    }
}
