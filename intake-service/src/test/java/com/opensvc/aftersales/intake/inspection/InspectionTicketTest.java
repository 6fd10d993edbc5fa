package com.opensvc.aftersales.intake.inspection;

import static com.opensvc.aftersales.intake.Tickets.today;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.intake.Customers;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.Tickets;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

/** DSP-09: a problem dispatch found on inspection opens a ticket with channel INSPECTION, once per problem. */
@IntakeServiceTest
class InspectionTicketTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private RestApi api;
    private EventSender sender;
    private final String desk = token("desk.li", "FRONT_DESK");
    private final String customerManager = token("cm.wang", "CUSTOMER_MANAGER");

    @Test
    @DisplayName("DSP-09 EVT-04 InspectionProblemFound opens one INSPECTION ticket per problem (service request, on site, "
            + "the event's customer and installed product, the problem as fault); a redelivery under a new event id opens none")
    void DSP09_inspectionProblemOpensTicketOnce() {
        String customerId = Customers.create(api, "Changsha Cold Chain Ltd", customerManager);
        String serial = "SN-INSP-" + UUID.randomUUID();
        var product = api.post("/api/intake/installed-products",
                Customers.product(customerId, "AC-3200", serial, today().minusMonths(3).toString()), customerManager);
        assertThat(product.status()).as(String.valueOf(product.body())).isEqualTo(201);
        String productId = product.body().get("id").asString();

        UUID inspectionId = UUID.randomUUID();
        UUID leak = UUID.randomUUID();
        sender.send(WORK_ORDERS, inspectionId.toString(), "InspectionProblemFound", "dispatch-service",
                problem(inspectionId, leak, customerId, productId, serial, "Refrigerant leak at the service valve", "HIGH"));
        List<JsonNode> tickets = awaitTickets(customerId, 1);
        JsonNode ticket = api.get("/api/intake/tickets/" + tickets.get(0).get("id").asString(), desk).body();
        assertThat(ticket.get("channel").asString()).isEqualTo("INSPECTION");
        assertThat(ticket.get("kind").asString()).isEqualTo("SERVICE_REQUEST");
        assertThat(ticket.get("serviceType").asString()).isEqualTo("ON_SITE");
        assertThat(ticket.get("customerId").asString()).isEqualTo(customerId);
        assertThat(ticket.get("installedProductId").asString()).isEqualTo(productId);
        assertThat(ticket.get("serialNumber").asString()).isEqualTo(serial);
        assertThat(ticket.get("faultDescription").asString())
                .isEqualTo("Found on inspection (HIGH): Refrigerant leak at the service valve");
        assertThat(ticket.get("createdBy").asString()).isEqualTo("system:inspection");
        assertThat(Tickets.types(Tickets.timeline(api, ticket.get("id").asString(), desk))).contains("INSPECTION_PROBLEM");

        // the same problem again under another event id, then a second problem of the same inspection
        sender.send(WORK_ORDERS, inspectionId.toString(), "InspectionProblemFound", "dispatch-service",
                problem(inspectionId, leak, customerId, productId, serial, "Refrigerant leak at the service valve", "HIGH"));
        sender.send(WORK_ORDERS, inspectionId.toString(), "InspectionProblemFound", "dispatch-service",
                problem(inspectionId, UUID.randomUUID(), customerId, productId, serial, "Drain insulation torn", "LOW"));
        awaitTickets(customerId, 2);
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        assertThat(tickets(customerId)).hasSize(2);
    }

    @Test
    @DisplayName("DSP-09 an installed product intake does not know is named by its serial and joins the customer's installed base")
    void DSP09_unknownInstalledProductBySerial() {
        String customerId = Customers.create(api, "Hengyang Hospital", customerManager);
        String serial = "SN-INSP-NEW-" + UUID.randomUUID();
        UUID inspectionId = UUID.randomUUID();
        sender.send(WORK_ORDERS, inspectionId.toString(), "InspectionProblemFound", "dispatch-service",
                problem(inspectionId, UUID.randomUUID(), customerId, UUID.randomUUID().toString(), serial,
                        "Fan noisy", "MEDIUM"));
        JsonNode line = awaitTickets(customerId, 1).get(0);
        JsonNode ticket = api.get("/api/intake/tickets/" + line.get("id").asString(), desk).body();
        assertThat(ticket.get("serialNumber").asString()).isEqualTo(serial);
        assertThat(ticket.get("installedProductId").isNull()).isFalse();
        assertThat(ticket.get("channel").asString()).isEqualTo("INSPECTION");
    }

    private List<JsonNode> awaitTickets(String customerId, int count) {
        await().atMost(WAIT).until(() -> tickets(customerId).size() >= count);
        return tickets(customerId);
    }

    private List<JsonNode> tickets(String customerId) {
        var page = api.get("/api/intake/tickets?channel=INSPECTION&customerId=" + customerId, desk);
        assertThat(page.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.body().get("items").forEach(items::add);
        return items;
    }

    private static String problem(UUID inspectionId, UUID problemId, String customerId, String productId, String serial,
                                  String description, String severity) {
        return """
                {"inspectionId":"%s","problemId":"%s","maintenanceOrderId":"%s","planId":"%s","customerId":"%s",
                 "installedProductId":"%s","productModel":"AC-3200","serialNumber":"%s","region":"NORTH",
                 "problem":{"description":"%s","severity":"%s"},"technicianId":"tech.north","actor":"tech.north",
                 "occurredAt":"%s"}"""
                .formatted(inspectionId, problemId, UUID.randomUUID(), UUID.randomUUID(), customerId, productId, serial,
                        description, severity, Instant.now());
    }
}
