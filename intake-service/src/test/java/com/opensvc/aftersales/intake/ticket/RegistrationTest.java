package com.opensvc.aftersales.intake.ticket;

import static com.opensvc.aftersales.intake.Customers.product;
import static com.opensvc.aftersales.intake.Tickets.fields;
import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.intake.Tickets.types;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
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

@IntakeServiceTest
@ProbeTopics("aftersales.intake.ticket")
class RegistrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RestApi api;
    private final String desk = token("desk.li", "FRONT_DESK");
    private final String supervisor = token("sup.wang", "SUPERVISOR");

    private static String today() {
        return Tickets.today().toString();
    }

    @Test
    @DisplayName("INT-02 INT-24 a ticket for an existing customer and a serial the installed base does not know adds the product")
    void INT24_unknownSerialJoinsInstalledBase() {
        String customerId = newCustomer("Changsha Bakery");
        String serial = "AC-" + UUID.randomUUID();
        Map<String, Object> request = new HashMap<>(phoneTicket(serial, today()));
        request.put("customer", Map.of("id", customerId));

        var response = api.post("/api/intake/tickets", request, desk);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.body().get("customerId").asString()).isEqualTo(customerId);
        String productId = response.body().get("installedProductId").asString();
        var product = api.get("/api/intake/installed-products/" + productId, desk).body();
        assertThat(product.get("serialNumber").asString()).isEqualTo(serial);
        assertThat(product.get("customerId").asString()).isEqualTo(customerId);
        assertThat(product.get("shipDate").asString()).isEqualTo(today());

        var second = api.post("/api/intake/tickets", request, desk);
        assertThat(second.body().get("installedProductId").asString()).as("the same product, not a second one")
                .isEqualTo(productId);
    }

    @Test
    @DisplayName("INT-02 INT-07 the customer must exist or be given inline; a serial or model that does not match the installed base is refused")
    void INT02_customerAndInstalledBaseChecked() {
        Map<String, Object> unknownCustomer = new HashMap<>(phoneTicket("AC-" + UUID.randomUUID(), today()));
        unknownCustomer.put("customer", Map.of("id", UUID.randomUUID().toString()));
        var response = api.post("/api/intake/tickets", unknownCustomer, desk);
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.body())).containsExactly("customer.id");

        Map<String, Object> noPhone = new HashMap<>(phoneTicket("AC-" + UUID.randomUUID(), today()));
        noPhone.put("customer", Map.of("name", "Walk-in without number"));
        assertThat(fields(api.post("/api/intake/tickets", noPhone, desk).body())).containsExactly("customer.phone");

        String customerId = newCustomer("Mismatch Ltd");
        String serial = "AC-" + UUID.randomUUID();
        String productId = api.post("/api/intake/installed-products", product(customerId, "AC-3200", serial, today()), desk)
                .body().get("id").asString();
        Map<String, Object> mismatch = new HashMap<>(phoneTicket("AC-OTHER-SERIAL", today()));
        mismatch.put("installedProductId", productId);
        mismatch.put("productModel", "AC-5000");
        assertThat(fields(api.post("/api/intake/tickets", mismatch, desk).body()))
                .containsExactlyInAnyOrder("serialNumber", "productModel");

        Map<String, Object> unknownProduct = new HashMap<>(phoneTicket(serial, today()));
        unknownProduct.put("installedProductId", UUID.randomUUID().toString());
        assertThat(fields(api.post("/api/intake/tickets", unknownProduct, desk).body())).contains("installedProductId");

        Map<String, Object> tooLong = new HashMap<>(phoneTicket(serial, today()));
        tooLong.put("faultDescription", "x".repeat(4001));
        tooLong.put("saleDate", LocalDate.now().plusDays(2).toString());
        assertThat(fields(api.post("/api/intake/tickets", tooLong, desk).body()))
                .containsExactlyInAnyOrder("faultDescription", "saleDate");
    }

    @Test
    @DisplayName("INT-04 kinds and categories: a complaint needs a category of its own; an inquiry is remote")
    void INT04_kindsAndCategories() {
        Map<String, Object> complaint = new HashMap<>(phoneTicket("AC-" + UUID.randomUUID(), today()));
        complaint.put("kind", "COMPLAINT");
        var noCategory = api.post("/api/intake/tickets", complaint, desk);
        assertThat(noCategory.status()).isEqualTo(400);
        assertThat(fields(noCategory.body())).containsExactly("category");

        complaint.put("category", "REPAIR");
        assertThat(fields(api.post("/api/intake/tickets", complaint, desk).body())).containsExactly("category");

        complaint.put("category", "SERVICE_ATTITUDE");
        var registered = api.post("/api/intake/tickets", complaint, desk);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.body().get("kind").asString()).isEqualTo("COMPLAINT");
        assertThat(registered.body().get("category").asString()).isEqualTo("SERVICE_ATTITUDE");

        Map<String, Object> inquiry = new HashMap<>(phoneTicket("AC-" + UUID.randomUUID(), today()));
        inquiry.put("kind", "INQUIRY");
        inquiry.remove("serviceType");
        var question = api.post("/api/intake/tickets", inquiry, desk).body();
        assertThat(question.get("category").asString()).isEqualTo("USAGE");
        assertThat(question.get("serviceType").asString()).isEqualTo("REMOTE");

        inquiry.put("kind", "GOSSIP");
        assertThat(fields(api.post("/api/intake/tickets", inquiry, desk).body())).containsExactly("kind");
    }

    @Test
    @DisplayName("INT-23 a safety incident is URGENT and goes to the supervisor at once; a sales matter is forwarded to sales")
    void INT23_urgencyRouting(EventProbe probe) {
        Map<String, Object> safety = new HashMap<>(phoneTicket("AC-" + UUID.randomUUID(), today()));
        safety.put("classification", "SAFETY_INCIDENT");
        var urgent = api.post("/api/intake/tickets", safety, desk).body();
        assertThat(urgent.get("priority").asString()).isEqualTo("URGENT");
        assertThat(urgent.get("routedTo").asString()).isEqualTo("SUPERVISOR");
        String id = urgent.get("id").asString();
        assertThat(types(api.get("/api/intake/tickets/" + id + "/timeline", desk).body())).contains("ROUTED_TO_SUPERVISOR");

        ConsumerRecord<String, String> registered = probe.awaitType("TicketRegistered", id, Duration.ofSeconds(30));
        JsonNode payload = JSON.readTree(registered.value());
        assertThat(payload.get("priority").asString()).isEqualTo("URGENT");
        assertThat(payload.get("routedTo").asString()).isEqualTo("SUPERVISOR");
        assertThat(payload.path("faultDescription").isMissingNode() || payload.get("faultDescription").isNull())
                .as("INT-23 the fault description travels only to engineering").isTrue();
        assertThat(EventContracts.load().validate(EventProbe.header(registered, "ce_type"), registered.value())).isEmpty();

        api.post("/api/intake/tickets/" + id + "/accept", null, desk);
        ConsumerRecord<String, String> accepted = probe.awaitType("TicketAccepted", id, Duration.ofSeconds(30));
        assertThat(JSON.readTree(accepted.value()).get("priority").asString()).as("priority travels on TicketAccepted")
                .isEqualTo("URGENT");

        Map<String, Object> sales = new HashMap<>(phoneTicket("AC-" + UUID.randomUUID(), today()));
        sales.put("classification", "SALES_MATTER");
        assertThat(api.post("/api/intake/tickets", sales, desk).body().get("routedTo").asString()).isEqualTo("SALES");
        Map<String, Object> technical = new HashMap<>(phoneTicket("AC-" + UUID.randomUUID(), today()));
        technical.put("classification", "TECHNICAL_QUESTION");
        JsonNode engineering = api.post("/api/intake/tickets", technical, desk).body();
        assertThat(engineering.get("routedTo").asString()).isEqualTo("ENGINEERING");
        ConsumerRecord<String, String> question = probe.awaitType("TicketRegistered", engineering.get("id").asString(),
                Duration.ofSeconds(30));
        assertThat(JSON.readTree(question.value()).get("faultDescription").asString())
                .as("INT-23 engineering's question travels on TicketRegistered").isEqualTo(technical.get("faultDescription"));
        assertThat(EventContracts.load().validate(EventProbe.header(question, "ce_type"), question.value())).isEmpty();
    }

    @Test
    @DisplayName("INT-16 a second open ticket for a serial warns and links both; the desk merges it into the first")
    void INT16_duplicatesWarnLinkAndMerge(EventProbe probe) {
        String serial = "AC-" + UUID.randomUUID();
        String first = api.post("/api/intake/tickets", phoneTicket(serial, today()), desk).body().get("id").asString();

        var second = api.post("/api/intake/tickets", phoneTicket(serial, today()), desk);
        assertThat(second.header("Warning")).contains("open ticket");
        JsonNode links = second.body().get("links");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).get("ticketId").asString()).isEqualTo(first);
        assertThat(links.get(0).get("relation").asString()).isEqualTo("DUPLICATE");
        String secondId = second.body().get("id").asString();
        assertThat(api.get("/api/intake/tickets/" + first, desk).body().get("links").get(0).get("ticketId").asString())
                .isEqualTo(secondId);

        var unrelated = api.post("/api/intake/tickets", phoneTicket("AC-" + UUID.randomUUID(), today()), desk);
        assertThat(unrelated.header("Warning")).isNull();
        var notADuplicate = api.post("/api/intake/tickets/" + secondId + "/merge",
                Map.of("intoTicketId", unrelated.body().get("id").asString()), desk);
        assertThat(notADuplicate.status()).isEqualTo(400);

        var merged = api.post("/api/intake/tickets/" + secondId + "/merge", Map.of("intoTicketId", first), desk);
        assertThat(merged.status()).as(merged.body().toString()).isEqualTo(200);
        assertThat(merged.body().get("state").asString()).isEqualTo("CANCELLED");
        assertThat(merged.body().get("mergedIntoTicketId").asString()).isEqualTo(first);
        assertThat(types(api.get("/api/intake/tickets/" + first + "/timeline", desk).body())).contains("MERGED_FROM");
        ConsumerRecord<String, String> cancelled = probe.awaitType("TicketCancelled", secondId, Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(cancelled, "ce_type"), cancelled.value())).isEmpty();

        var again = api.post("/api/intake/tickets/" + secondId + "/merge", Map.of("intoTicketId", first), desk);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("currentState").asString()).isEqualTo("CANCELLED");
    }

    @Test
    @DisplayName("INT-20 a blocked customer's ticket registers but only a supervisor can accept it")
    void INT20_blockedCustomerNeedsSupervisor() {
        String customerId = newCustomer("Unpaid Fees Ltd");
        api.post("/api/intake/customers/" + customerId + "/block", Map.of("reason", "unpaid fees"), supervisor);
        Map<String, Object> request = new HashMap<>(phoneTicket("AC-" + UUID.randomUUID(), today()));
        request.put("customer", Map.of("id", customerId));

        var registered = api.post("/api/intake/tickets", request, desk);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.body().get("customerBlocked").asBoolean()).isTrue();
        String id = registered.body().get("id").asString();

        var byDesk = api.post("/api/intake/tickets/" + id + "/accept", null, desk);
        assertThat(byDesk.status()).isEqualTo(403);
        assertThat(byDesk.body().get("detail").asString()).contains("supervisor");
        var bySupervisor = api.post("/api/intake/tickets/" + id + "/accept", null, supervisor);
        assertThat(bySupervisor.status()).isEqualTo(200);
        assertThat(bySupervisor.body().get("state").asString()).isEqualTo("ACCEPTED");
    }

    private String newCustomer(String name) {
        return Customers.create(api, name, desk);
    }
}
