package com.opensvc.aftersales.intake.ticket;

import static com.opensvc.aftersales.intake.Customers.product;
import static com.opensvc.aftersales.intake.Tickets.fields;
import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.intake.Tickets.today;
import static com.opensvc.aftersales.intake.Tickets.types;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.intake.Customers;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

@IntakeServiceTest
class TicketEntitlementTest {
    @Autowired
    JdbcClient jdbc;
    private RestApi api;
    private final String desk = token("desk.li", "FRONT_DESK");
    private final String supervisor = token("sup.wang", "SUPERVISOR");
    private final String engineer = token("tech.north", "TECHNICIAN");

    @Test
    @DisplayName("INT-06 entitlement is recomputed when the installed product's dates change")
    void INT06_recomputedWhenDatesChange() {
        String customerId = newCustomer("Recompute Ltd");
        String serial = "AC-" + UUID.randomUUID();
        var product = api.post("/api/intake/installed-products",
                product(customerId, "AC-3200", serial, today().minusMonths(14).toString()), desk);
        String productId = product.body().get("id").asString();
        String ticketId = register(serial, Map.of("id", customerId)).get("id").asString();
        assertThat(api.get("/api/intake/tickets/" + ticketId, desk).body().get("entitlement").asString()).isEqualTo("PAID");

        Map<String, Object> corrected = new HashMap<>(product(customerId, "AC-3200", serial, today().minusDays(20).toString()));
        var updated = api.put("/api/intake/installed-products/" + productId, corrected, desk,
                Map.of("If-Match", product.header("ETag")));
        assertThat(updated.status()).as(updated.body().toString()).isEqualTo(200);

        JsonNode ticket = api.get("/api/intake/tickets/" + ticketId, desk).body();
        assertThat(ticket.get("entitlement").asString()).isEqualTo("EXCHANGE");
        assertThat(ticket.get("computedEntitlement").asString()).isEqualTo("EXCHANGE");
        assertThat(types(api.get("/api/intake/tickets/" + ticketId + "/timeline", desk).body()))
                .contains("ENTITLEMENT_RECOMPUTED");
    }

    @Test
    @DisplayName("INT-06 a model's warranty extension and a service contract that covers the service (CONTRACT)")
    void INT06_modelExtensionAndContract() {
        String customerId = newCustomer("Contract Hotel");
        String fourteenMonthsAgo = today().minusMonths(14).toString();
        String extended = "AC5-" + UUID.randomUUID();
        api.post("/api/intake/installed-products", product(customerId, "AC-5000", extended, fourteenMonthsAgo), desk);
        Map<String, Object> ac5000 = new HashMap<>(phoneTicket(extended, fourteenMonthsAgo));
        ac5000.put("productModel", "AC-5000");
        ac5000.put("customer", Map.of("id", customerId));
        assertThat(api.post("/api/intake/tickets", ac5000, desk).body().get("entitlement").asString())
                .as("AC-5000 has 12 + 12 months").isEqualTo("FREE_REPAIR");

        var contract = api.post("/api/intake/service-contracts", Map.of("number", "SC-" + UUID.randomUUID(),
                "customerId", customerId, "startsOn", today().minusMonths(1).toString(),
                "endsOn", today().plusMonths(11).toString(), "coveredServices", List.of("ON_SITE"),
                "warrantyExtensionMonths", 0), token("cm.zhao", "CUSTOMER_MANAGER"));
        assertThat(contract.status()).as(contract.body().toString()).isEqualTo(201);
        String serial = "AC-" + UUID.randomUUID();
        Map<String, Object> withContract = new HashMap<>(product(customerId, "AC-3200", serial, fourteenMonthsAgo));
        withContract.put("serviceContractId", contract.body().get("id").asString());
        assertThat(api.post("/api/intake/installed-products", withContract, desk).status()).isEqualTo(201);

        JsonNode ticket = register(serial, Map.of("id", customerId));
        assertThat(ticket.get("entitlement").asString()).isEqualTo("CONTRACT");
        assertThat(ticket.get("entitlementReason").asString()).contains("covers ON_SITE");
    }

    @Test
    @DisplayName("INT-06 RETURN is offered only after an after-sales engineer's inspection confirmed the quality problem")
    void INT06_inspectionUnlocksReturn() {
        JsonNode ticket = register("AC-" + UUID.randomUUID(), null);
        String id = ticket.get("id").asString();
        assertThat(ticket.get("entitlement").asString()).isEqualTo("RETURN");
        assertThat(strings(ticket.get("allowedRemedies"))).containsExactly("REPAIR");

        assertThat(api.post("/api/intake/tickets/" + id + "/inspection",
                Map.of("qualityProblemConfirmed", true, "finding", "x"), desk).status()).isEqualTo(403);
        assertThat(fields(api.post("/api/intake/tickets/" + id + "/inspection",
                Map.of("qualityProblemConfirmed", true), engineer).body())).containsExactly("finding");
        assertThat(api.post("/api/intake/tickets/" + id + "/inspection",
                Map.of("qualityProblemConfirmed", true, "finding", "compressor seized on first start"), engineer).status())
                .as("INT-06 a technician not assigned to the ticket's work order").isEqualTo(403);
        // the assigned technician's inspection: InspectionAuthorityTest
        var inspected = api.post("/api/intake/tickets/" + id + "/inspection",
                Map.of("qualityProblemConfirmed", true, "finding", "compressor seized on first start"), supervisor);
        assertThat(inspected.status()).isEqualTo(200);
        assertThat(strings(inspected.body().get("allowedRemedies"))).containsExactlyInAnyOrder("RETURN", "EXCHANGE", "REPAIR");
        assertThat(types(api.get("/api/intake/tickets/" + id + "/timeline", desk).body())).contains("INSPECTED");
    }

    @Test
    @DisplayName("INT-07 SEC-03 an exclusion falls back to PAID with its reason; only a supervisor overrides; the audit cannot be deleted")
    void INT07_exclusionAndAuditedOverride() {
        String id = register("AC-" + UUID.randomUUID(), null).get("id").asString();

        var excluded = api.post("/api/intake/tickets/" + id + "/entitlement/exclusions",
                Map.of("reason", "UNAUTHORISED_REPAIR", "note", "opened by a street repair shop"), desk);
        assertThat(excluded.status()).as(excluded.body().toString()).isEqualTo(200);
        assertThat(excluded.body().get("entitlement").asString()).isEqualTo("PAID");
        assertThat(excluded.body().get("computedEntitlement").asString()).isEqualTo("RETURN");
        assertThat(fields(api.post("/api/intake/tickets/" + id + "/entitlement/exclusions",
                Map.of("reason", "BAD_LUCK"), desk).body())).containsExactly("reason");

        var byDesk = api.post("/api/intake/tickets/" + id + "/entitlement/override",
                Map.of("entitlement", "FREE_REPAIR", "reason", "goodwill"), desk);
        assertThat(byDesk.status()).isEqualTo(403);
        assertThat(fields(api.post("/api/intake/tickets/" + id + "/entitlement/override",
                Map.of("entitlement", "FREE_REPAIR"), supervisor).body())).containsExactly("reason");
        var overridden = api.post("/api/intake/tickets/" + id + "/entitlement/override",
                Map.of("entitlement", "FREE_REPAIR", "reason", "goodwill for a class A dealer"), supervisor);
        assertThat(overridden.status()).isEqualTo(200);
        assertThat(overridden.body().get("entitlement").asString()).isEqualTo("FREE_REPAIR");

        JsonNode audit = api.get("/api/intake/tickets/" + id + "/entitlement/audit", desk).body();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).get("kind").asString()).isEqualTo("EXCLUSION");
        assertThat(audit.get(1).get("kind").asString()).isEqualTo("OVERRIDE");
        assertThat(audit.get(1).get("actor").asString()).isEqualTo("sup.wang");
        assertThat(audit.get(1).get("entitlementFrom").asString()).isEqualTo("PAID");

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM entitlement_override WHERE ticket_id = :id")
                .param("id", UUID.fromString(id)).update()).hasMessageContaining("audit record");
        assertThatThrownBy(() -> jdbc.sql("UPDATE entitlement_override SET reason = 'x' WHERE ticket_id = :id")
                .param("id", UUID.fromString(id)).update()).hasMessageContaining("audit record");
        assertThat(api.delete("/api/intake/tickets/" + id + "/entitlement/audit", supervisor).status())
                .as("no API deletes it either").isIn(404, 405);

        api.post("/api/intake/tickets/" + id + "/accept", null, desk);
        var tooLate = api.post("/api/intake/tickets/" + id + "/entitlement/override",
                Map.of("entitlement", "PAID", "reason", "changed my mind"), supervisor);
        assertThat(tooLate.status()).as("accepted is still before service").isEqualTo(200);
    }

    private JsonNode register(String serial, Map<String, Object> customer) {
        Map<String, Object> request = new HashMap<>(phoneTicket(serial, today().toString()));
        if (customer != null) {
            request.put("customer", customer);
        }
        var response = api.post("/api/intake/tickets", request, desk);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body();
    }

    private String newCustomer(String name) {
        return Customers.create(api, name, desk);
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
