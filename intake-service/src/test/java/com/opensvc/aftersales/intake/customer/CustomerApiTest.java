package com.opensvc.aftersales.intake.customer;

import static com.opensvc.aftersales.intake.Customers.customer;
import static com.opensvc.aftersales.intake.Customers.uniquePhone;
import static com.opensvc.aftersales.intake.Tickets.fields;
import static com.opensvc.aftersales.intake.Tickets.ids;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

@IntakeServiceTest
class CustomerApiTest {
    private RestApi api;
    private final String desk = token("desk.li", "FRONT_DESK");
    private final String supervisor = token("sup.wang", "SUPERVISOR");

    @Test
    @DisplayName("INT-20 a customer has many contacts and addresses, a class and groups; found by phone, name, group")
    void INT20_customerWithContactsAddressesClassGroups() {
        String phone = uniquePhone();
        var created = api.post("/api/intake/customers", customer("Hengyang Steel Works", phone), desk);

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        JsonNode body = created.body();
        assertThat(body.get("contacts")).hasSize(2);
        assertThat(body.get("addresses")).hasSize(2);
        assertThat(body.get("customerClass").asString()).isEqualTo("B");
        assertThat(body.get("groups").get(0).asString()).isEqualTo("dealers");
        String id = body.get("id").asString();

        String nationalForm = "0" + phone.substring(4).replace(" ", "-");
        var byPhone = api.get("/api/intake/customers?phone=" + nationalForm.replace("+", "%2B"), desk);
        assertThat(ids(byPhone.body())).containsExactly(id);
        assertThat(ids(api.get("/api/intake/customers?name=hengyang%20ste&size=200", desk).body())).contains(id);
        assertThat(ids(api.get("/api/intake/customers?group=dealers&class=B&size=200", desk).body())).contains(id);
        var page = api.get("/api/intake/customers?name=hengyang&page=0&size=1", desk).body();
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("items")).hasSize(1);
    }

    @Test
    @DisplayName("INT-20 only a supervisor or customer manager blocks a customer, with a reason; unblocking is recorded")
    void INT20_blockingNeedsRoleAndReason() {
        String id = api.post("/api/intake/customers", customer("Abusive Ltd", uniquePhone()), desk).body().get("id").asString();

        assertThat(api.post("/api/intake/customers/" + id + "/block", Map.of("reason", "threatened staff"), desk).status())
                .isEqualTo(403);
        var noReason = api.post("/api/intake/customers/" + id + "/block", Map.of(), supervisor);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");

        var blocked = api.post("/api/intake/customers/" + id + "/block", Map.of("reason", "unpaid fees"), supervisor);
        assertThat(blocked.status()).isEqualTo(200);
        assertThat(blocked.body().get("blocked").asBoolean()).isTrue();
        assertThat(blocked.body().get("blockedBy").asString()).isEqualTo("sup.wang");
        assertThat(ids(api.get("/api/intake/customers?blocked=true&size=200&name=abusive", desk).body())).contains(id);

        var unblocked = api.post("/api/intake/customers/" + id + "/unblock", null, supervisor);
        assertThat(unblocked.body().get("blocked").asBoolean()).isFalse();
        assertThat(unblocked.body().get("updatedBy").asString()).isEqualTo("sup.wang");
    }

    @Test
    @DisplayName("If-Match: an edit with the version read succeeds; a stale one gets 412, a missing one 428")
    void optimisticConcurrencyOnEdit() {
        var created = api.post("/api/intake/customers", customer("Xiangtan Motors", uniquePhone()), desk);
        String id = created.body().get("id").asString();
        Map<String, Object> edit = new HashMap<>(customer("Xiangtan Motors Co.", uniquePhone()));
        edit.put("customerClass", "A");

        var first = api.put("/api/intake/customers/" + id, edit, desk, Map.of("If-Match", created.header("ETag")));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().get("customerClass").asString()).isEqualTo("A");
        assertThat(first.header("ETag")).isEqualTo("\"1\"");

        var stale = api.put("/api/intake/customers/" + id, edit, desk, Map.of("If-Match", created.header("ETag")));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body().get("currentVersion").asInt()).isEqualTo(1);
        assertThat(api.put("/api/intake/customers/" + id, edit, desk, Map.of()).status()).isEqualTo(428);
        var garbage = api.put("/api/intake/customers/" + id, edit, desk, Map.of("If-Match", "yesterday"));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().get("errors").get(0).get("field").asString()).isEqualTo("If-Match");
    }

    @Test
    @DisplayName("Bad customer input gets a problem report naming each field, never a 500")
    void badInputNamesEachField() {
        Map<String, Object> bad = new HashMap<>(customer(" ", "not a phone"));
        bad.put("customerClass", "E");
        var wrongEnum = api.post("/api/intake/customers", bad, desk);
        assertThat(wrongEnum.status()).isEqualTo(400);
        assertThat(fields(wrongEnum.body())).containsExactly("customerClass");

        bad.put("customerClass", "A");
        var invalid = api.post("/api/intake/customers", bad, desk);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid.body())).contains("name", "contacts[0].phone");

        Map<String, Object> noContacts = new HashMap<>(customer("No Contacts", uniquePhone()));
        noContacts.put("contacts", List.of());
        noContacts.put("note", "x".repeat(2001));
        assertThat(fields(api.post("/api/intake/customers", noContacts, desk).body())).contains("contacts", "note");

        Map<String, Object> twoPrimaries = new HashMap<>(customer("Two Primaries", uniquePhone()));
        twoPrimaries.put("contacts", List.of(Map.of("name", "a", "phone", uniquePhone(), "primary", true),
                Map.of("name", "b", "phone", uniquePhone(), "primary", true)));
        assertThat(fields(api.post("/api/intake/customers", twoPrimaries, desk).body())).containsExactly("contacts");

        assertThat(api.get("/api/intake/customers/" + UUID.randomUUID(), desk).status()).isEqualTo(404);
        assertThat(api.get("/api/intake/customers/not-a-uuid", desk).status()).isEqualTo(400);
        var badPage = api.get("/api/intake/customers?page=-1&size=1000", desk);
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(fields(api.get("/api/intake/customers?class=Z", desk).body())).containsExactly("class");
        assertThat(fields(api.get("/api/intake/customers?size=abc", desk).body())).containsExactly("size");
    }

    @Test
    @DisplayName("SEC-05 a customer is never hard-deleted: removal is a soft delete that needs the ADMIN permission")
    void SEC05_softDeleteNeedsAdmin() {
        String id = api.post("/api/intake/customers", customer("Gone Ltd", uniquePhone()), desk).body().get("id").asString();
        assertThat(api.delete("/api/intake/customers/" + id, supervisor).status()).isEqualTo(403);
        assertThat(api.delete("/api/intake/customers/" + id, token("root", "ADMIN")).status()).isEqualTo(204);
        assertThat(api.get("/api/intake/customers/" + id, desk).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("Idempotency-Key: the same key creates one customer")
    void idempotentCreation() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = customer("Once Only", uniquePhone());
        var first = api.post("/api/intake/customers", body, desk, Map.of("Idempotency-Key", key));
        var second = api.post("/api/intake/customers", body, desk, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("id")).isEqualTo(first.body().get("id"));
    }
}
