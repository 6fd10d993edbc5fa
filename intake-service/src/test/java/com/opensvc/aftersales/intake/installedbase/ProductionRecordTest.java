package com.opensvc.aftersales.intake.installedbase;

import static com.opensvc.aftersales.intake.Customers.product;
import static com.opensvc.aftersales.intake.Tickets.fields;
import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.intake.Customers;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.Tickets;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** PRT-03 INT-24: the production inspection record on the installed product, and InstalledProductRecorded. */
@IntakeServiceTest
@ProbeTopics("aftersales.intake.ticket")
class ProductionRecordTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TYPE = "InstalledProductRecorded";

    private RestApi api;
    private EventProbe probe;
    private final String desk = token("desk.li", "FRONT_DESK");
    private final String quality = token("qc.zhang", "QUALITY");

    private static String today() {
        return Tickets.today().toString();
    }

    private static Map<String, Object> component(String partNumber, String serial, String factoryDate) {
        Map<String, Object> component = new HashMap<>();
        component.put("partNumber", partNumber);
        component.put("serialNumber", serial);
        component.put("factoryDate", factoryDate);
        return component;
    }

    private static Map<String, Object> record(List<?> components) {
        return Map.of("productionBatch", "B2025-44", "inspectedOn", Tickets.today().minusMonths(3).toString(),
                "inspector", "qc.zhang", "components", components);
    }

    private static Map<String, Object> inspected() {
        String made = Tickets.today().minusMonths(4).toString();
        return record(List.of(component("CMP-100", "CMP-25-778812", made), component("FLT-200", null, made)));
    }

    private RestApi.Response setRecord(String productId, Object record, String token, String etag) {
        return api.put("/api/intake/installed-products/" + productId + "/production-record", record, token,
                etag == null ? Map.of() : Map.of("If-Match", etag));
    }

    /** The published event of the product at {@code version}, checked against its schema. */
    private JsonNode published(String productId, int version) {
        ConsumerRecord<String, String> record = probe.await(r -> productId.equals(r.key())
                && EventProbe.eventType(r).equals(TYPE)
                && JSON.readTree(r.value()).get("version").asInt() == version, Duration.ofSeconds(30));
        assertThat(EventProbe.header(record, "ce_subject")).isEqualTo(productId);
        assertThat(EventContracts.load().validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
        return JSON.readTree(record.value());
    }

    private RestApi.Response newProduct(String serial) {
        String customerId = Customers.create(api, "Hunan Cold Chain " + serial, desk);
        var created = api.post("/api/intake/installed-products", product(customerId, "AC-3200", serial, today()), desk);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created;
    }

    @Test
    @DisplayName("PRT-03 INT-24 quality records the production inspection record: shown with the product, published with its components and the new version, kept in the history")
    void PRT03_qualityRecordsTheProductionRecord() {
        String serial = "AC-" + UUID.randomUUID();
        var created = newProduct(serial);
        String id = created.body().get("id").asString();
        assertThat(created.header("ETag")).as("a new product is version 1").isEqualTo("\"1\"");
        assertThat(created.body().get("productionRecord").isNull()).isTrue();

        var response = setRecord(id, inspected(), quality, created.header("ETag"));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
        JsonNode shown = api.get("/api/intake/installed-products/" + id, desk).body().get("productionRecord");
        assertThat(shown.get("productionBatch").asString()).isEqualTo("B2025-44");
        assertThat(shown.get("inspector").asString()).isEqualTo("qc.zhang");
        assertThat(shown.get("recordedBy").asString()).isEqualTo("qc.zhang");
        assertThat(shown.get("components").valueStream().map(c -> c.get("partNumber").asString()).toList())
                .containsExactly("CMP-100", "FLT-200");
        assertThat(api.get("/api/intake/installed-products?serialNumber=" + serial, desk).body().get("items").get(0)
                .get("productionRecord").get("components").size()).as("the search shows the record too").isEqualTo(2);

        JsonNode event = published(id, 2);
        assertThat(event.get("serialNumber").asString()).isEqualTo(serial);
        assertThat(event.get("actor").asString()).isEqualTo("qc.zhang");
        JsonNode components = event.get("productionRecord").get("components");
        assertThat(components.get(0).get("partNumber").asString()).isEqualTo("CMP-100");
        assertThat(components.get(0).get("serialNumber").asString()).isEqualTo("CMP-25-778812");
        assertThat(components.get(1).get("serialNumber").isNull()).isTrue();
        assertThat(components.get(1).get("factoryDate").asString()).isEqualTo(Tickets.today().minusMonths(4).toString());
        assertThat(event.toString()).as("SEC-04 no phone, no address").doesNotContain("phone", "Renmin", "+86");

        JsonNode history = api.get("/api/intake/installed-products/" + id + "/history", quality).body();
        assertThat(history.get("items").valueStream().map(h -> h.get("change").asString() + "@" + h.get("version").asInt()
                + " by " + h.get("actor").asString()).toList())
                .containsExactly("CREATED@1 by desk.li", "PRODUCTION_RECORDED@2 by qc.zhang");
        assertThat(history.get("items").get(1).get("facts").get("productionRecord").get("components").size()).isEqualTo(2);

        var replaced = setRecord(id, record(List.of(component("PCB-300", "PCB-25-100233", null))),
                token("admin", "ADMIN"), "\"2\"");
        assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
        assertThat(published(id, 3).get("productionRecord").get("components").size()).as("replaced whole").isEqualTo(1);
    }

    @Test
    @DisplayName("PRT-03 SEC-01 the desk and technicians may not record it (403), nor anyone unauthenticated (401); a stale If-Match is 412, none 428")
    void PRT03_rolesAndConcurrency() {
        var created = newProduct("AC-" + UUID.randomUUID());
        String id = created.body().get("id").asString();

        assertThat(setRecord(id, inspected(), desk, "\"1\"").status()).isEqualTo(403);
        assertThat(setRecord(id, inspected(), token("tech.north", "TECHNICIAN"), "\"1\"").status()).isEqualTo(403);
        assertThat(setRecord(id, inspected(), null, "\"1\"").status()).isEqualTo(401);
        assertThat(setRecord(id, inspected(), quality, null).status()).isEqualTo(428);
        assertThat(setRecord(UUID.randomUUID().toString(), inspected(), quality, "\"1\"").status()).isEqualTo(404);

        assertThat(setRecord(id, inspected(), quality, "\"1\"").status()).isEqualTo(200);
        var stale = setRecord(id, inspected(), quality, "\"1\"");
        assertThat(stale.status()).as("someone changed it since version 1").isEqualTo(412);
        assertThat(api.get("/api/intake/installed-products/" + id, desk).header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    @DisplayName("PRT-03 bad records name the field: a component with neither serial nor date, a repeated serial, NUL, no components")
    void PRT03_badInputNamesTheField() {
        var created = newProduct("AC-" + UUID.randomUUID());
        String id = created.body().get("id").asString();
        String made = Tickets.today().minusMonths(4).toString();

        var response = setRecord(id, record(List.of(component("CMP-100", "S1", made), component("FLT-200", null, null),
                component("CMP-100", "S1", null), component("PCB-300", "S\u00003", null))), quality, "\"1\"");
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.body())).containsExactly("components[3].serialNumber");

        var semantic = setRecord(id, record(List.of(component("CMP-100", "S1", made), component("FLT-200", null, null),
                component("CMP-100", "S1", null))), quality, "\"1\"");
        assertThat(semantic.status()).isEqualTo(400);
        assertThat(fields(semantic.body())).containsExactlyInAnyOrder("components[1].serialNumber",
                "components[2].serialNumber");

        var empty = setRecord(id, record(List.of()), quality, "\"1\"");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty.body())).containsExactly("components");

        assertThat(api.get("/api/intake/installed-products/" + id, desk).header("ETag"))
                .as("nothing was written").isEqualTo("\"1\"");
    }

    @Test
    @DisplayName("INT-24 a created product publishes version 1 without a record; an edit of its dates publishes a higher version")
    void INT24_creationAndEditPublish() {
        String serial = "AC-" + UUID.randomUUID();
        var created = newProduct(serial);
        String id = created.body().get("id").asString();
        String customerId = created.body().get("customerId").asString();

        JsonNode first = published(id, 1);
        assertThat(first.get("customerId").asString()).isEqualTo(customerId);
        assertThat(first.get("productModel").asString()).isEqualTo("AC-3200");
        assertThat(first.get("productLine").asString()).isEqualTo("AIR_CONDITIONER");
        assertThat(first.get("shipDate").asString()).isEqualTo(today());
        assertThat(first.get("actor").asString()).isEqualTo("desk.li");
        assertThat(first.path("productionRecord").isMissingNode() || first.get("productionRecord").isNull()).isTrue();

        String earlier = Tickets.today().minusDays(30).toString();
        var edited = api.put("/api/intake/installed-products/" + id, product(customerId, "AC-3200", serial, earlier), desk,
                Map.of("If-Match", created.header("ETag")));
        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);

        JsonNode second = published(id, 2);
        assertThat(second.get("shipDate").asString()).isEqualTo(earlier);
        assertThat(second.get("version").asInt()).isGreaterThan(first.get("version").asInt());
    }

    @Test
    @DisplayName("INT-24 a product added to the installed base at registration publishes version 1")
    void INT24_addedAtRegistrationPublishes() {
        String serial = "AC-" + UUID.randomUUID();
        var ticket = api.post("/api/intake/tickets", phoneTicket(serial, today()), desk);
        assertThat(ticket.status()).as(ticket.body().toString()).isEqualTo(201);
        String productId = ticket.body().get("installedProductId").asString();

        JsonNode event = published(productId, 1);
        assertThat(event.get("serialNumber").asString()).isEqualTo(serial);
        assertThat(event.get("customerId").asString()).isEqualTo(ticket.body().get("customerId").asString());
        assertThat(event.toString()).as("SEC-04 the caller's phone stays in intake").doesNotContain("2221234");
    }
}
