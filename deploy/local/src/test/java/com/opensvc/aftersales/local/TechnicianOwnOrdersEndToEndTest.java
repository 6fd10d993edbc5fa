package com.opensvc.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.opensvc.aftersales.testkit.EmbeddedPlatform;

import tools.jackson.databind.JsonNode;

/**
 * SEC-02 across dispatch, parts and revisit, through the gateway: a work order assigned to {@code tech.north}, and
 * {@code tech.south} trying to read and change it, its loaned parts and anything in revisit.
 */
@EmbeddedPlatform(services = {"intake", "dispatch", "parts", "quality", "revisit"})
@ExtendWith(RunningPlatform.class)
class TechnicianOwnOrdersEndToEndTest {
    private static final Duration HOP = Duration.ofSeconds(60);

    @Test
    @DisplayName("SEC-02 a technician reaches only their own work order and its parts; another technician gets 403/404")
    void SEC02_onlyTheirOwnOrders(PlatformClient client) throws Exception {
        String desk = client.token("front-desk");
        String supervisor = client.token("supervisor");
        String storekeeper = client.token("storekeeper");
        String north = client.token("tech.north");
        String south = client.token("tech.south");

        var registered = client.post("/api/intake/tickets", Map.of(
                "customer", Map.of("name", "Li Na", "phone", "+86 735 2229876", "region", "NORTH"),
                "productModel", "AC-3200", "productLine", "AIR_CONDITIONER", "serialNumber", "SN-SEC02-0001",
                "shipDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
                "faultDescription", "Unit does not cool", "channel", "PHONE", "serviceType", "ON_SITE",
                "expectedParts", List.of(Map.of("partNumber", "CMP-100", "quantity", 1))), desk);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        String ticketId = registered.body().get("id").asString();
        assertThat(client.post("/api/intake/tickets/" + ticketId + "/accept", null, desk).status()).isEqualTo(200);

        JsonNode created = await().atMost(HOP).until(() -> {
            JsonNode list = client.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor).body().get("items");
            return list.size() == 1 && list.get(0).get("state").asString().equals("NEW") ? list.get(0) : null;
        }, w -> w != null);
        String workOrderId = created.get("id").asString();
        var assigned = client.post("/api/dispatch/work-orders/" + workOrderId + "/assignment", Map.of(
                "technicianId", "tech.north", "overrideCapacity", true,
                "overrideReason", "SEC-02 test: this order is tech.north's"), supervisor);
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
        await().atMost(HOP).until(() -> client.get("/api/dispatch/work-orders/" + workOrderId, supervisor).body()
                .path("technician").asString("").equals("tech.north"));

        // dispatch: the order itself, the technician's list, the visit steps
        String order = "/api/dispatch/work-orders/" + workOrderId;
        assertThat(client.get(order, north).status()).isEqualTo(200);
        assertThat(client.get(order, south).status()).isIn(403, 404);
        assertThat(client.get("/api/dispatch/work-orders?ticketId=" + ticketId, north).body().get("items")).hasSize(1);
        assertThat(client.get("/api/dispatch/work-orders?ticketId=" + ticketId, south).body().get("items")).isEmpty();
        assertThat(client.post(order + "/arrival", Map.of(), south).status()).isIn(403, 404);
        assertThat(client.post(order + "/work-started", Map.of(), south).status()).isIn(403, 404);
        assertThat(client.post(order + "/visits", Map.of("outcome", "FIXED", "symptom", "no cooling",
                "causeCode", "C-COMP-SEIZED", "actions", "replaced compressor", "labourMinutes", 95,
                "customerConfirmation", "SIGNED-1", "partsUsed", List.of(Map.of("partNumber", "CMP-100",
                        "quantity", 1, "newSerial", "CMP-NEW-S2", "oldSerial", "CMP-OLD-S2")))
                , south).status()).isIn(403, 404);
        assertThat(client.get(order + "/review", south).status()).isIn(403, 404);

        // parts: the loan issued for the order is tech.north's
        JsonNode loan = await().atMost(HOP).until(() -> client.get("/api/parts/loans?workOrderId=" + workOrderId,
                storekeeper).body().get("items"), items -> items.size() == 1).get(0);
        String loanPath = "/api/parts/loans/" + loan.get("id").asString();
        assertThat(client.get(loanPath, north).status()).isEqualTo(200);
        assertThat(client.get(loanPath, south).status()).isIn(403, 404);
        assertThat(client.get("/api/parts/loans?workOrderId=" + workOrderId, south).body().get("items")).isEmpty();
        assertThat(client.get("/api/parts/loans?technicianId=tech.north", south).status()).isEqualTo(403);
        assertThat(client.get("/api/parts/requisitions?workOrderId=" + workOrderId, south).status()).isEqualTo(403);

        // revisit: technicians are refused everywhere (the access matrix checks every revisit operation)
        assertThat(client.get("/api/revisit/revisits?ticketId=" + ticketId, south).status()).isEqualTo(403);
        assertThat(client.get("/api/revisit/decisions?ticketId=" + ticketId, north).status()).isEqualTo(403);
    }
}
