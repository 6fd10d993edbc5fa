package com.opensvc.aftersales.intake.customer;

import static com.opensvc.aftersales.intake.Customers.customer;
import static com.opensvc.aftersales.intake.Customers.uniquePhone;
import static com.opensvc.aftersales.intake.Tickets.fields;
import static com.opensvc.aftersales.intake.Tickets.ids;
import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.intake.Tickets.timeline;
import static com.opensvc.aftersales.intake.Tickets.today;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

@IntakeServiceTest
class CustomerApiTest {
    @Autowired
    JdbcClient jdbc;

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
    @DisplayName("SEC-05 a customer is never hard-deleted: the row stays, marked deleted with who and when; lists "
            + "leave it out; its ticket and history stay; only ADMIN may delete")
    void SEC05_softDeleteNeedsAdmin() {
        String name = "Gone Ltd " + UUID.randomUUID();
        String phone = uniquePhone();
        var created = api.post("/api/intake/customers", customer(name, phone), desk);
        String id = created.body().get("id").asString();
        String ticketId = registerTicket(id, phone);

        assertThat(api.delete("/api/intake/customers/" + id, supervisor).status()).isEqualTo(403);
        assertThat(customerRow(id).get("deleted_at")).as("a refused delete changes nothing").isNull();
        assertThat(api.delete("/api/intake/customers/" + id, token("root", "ADMIN")).status()).isEqualTo(204);

        // the row is still there, marked deleted with who and when, its creation still recorded
        Map<String, Object> row = customerRow(id);
        assertThat(row).as("the customer row still exists after DELETE").isNotNull();
        assertThat(row.get("deleted_by")).isEqualTo("root");
        assertThat(row.get("deleted_at")).isNotNull();
        assertThat(row.get("created_by")).isEqualTo("desk.li");
        assertThat(jdbc.sql("SELECT count(*) FROM customer_contact WHERE customer_id = :id").param("id", UUID.fromString(id))
                .query(Long.class).single()).as("its contacts stay").isEqualTo(2);
        // excluded from reads and lists
        assertThat(api.get("/api/intake/customers/" + id, desk).status()).isEqualTo(404);
        assertThat(api.get("/api/intake/customers?name=" + name.replace(" ", "%20"), desk).body().get("totalItems").asLong())
                .isZero();
        assertThat(ids(api.get("/api/intake/customers?phone=" + phone.replace("+", "%2B").replace(" ", "%20"), desk).body()))
                .doesNotContain(id);
        assertThat(api.delete("/api/intake/customers/" + id, token("root", "ADMIN")).status()).as("already deleted")
                .isEqualTo(404);
        // its ticket and the ticket's history remain
        var ticket = api.get("/api/intake/tickets/" + ticketId, desk);
        assertThat(ticket.status()).isEqualTo(200);
        assertThat(ticket.body().get("customerId").asString()).isEqualTo(id);
        assertThat(timeline(api, ticketId, desk)).isNotEmpty();
    }

    @Test
    @DisplayName("INT-20 editing a customer who has a ticket: contacts change in place by id, the ticket keeps its contact")
    void INT20_editCustomerWithATicket() {
        String phone = uniquePhone();
        var created = api.post("/api/intake/customers", customer("Zhuzhou Pumps", phone), desk);
        String id = created.body().get("id").asString();
        String contactId = created.body().get("contacts").get(0).get("id").asString();
        String ticketId = registerTicket(id, phone);
        assertThat(ticketContact(ticketId)).isEqualTo(contactId);

        // the desk edits what it read: a new phone for the primary contact, by its id
        JsonNode read = api.get("/api/intake/customers/" + id, desk).body();
        String newPhone = uniquePhone();
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (JsonNode c : read.get("contacts")) {
            Map<String, Object> contact = new HashMap<>(Map.of("id", c.get("id").asString(), "name", c.get("name").asString(),
                    "phone", c.get("id").asString().equals(contactId) ? newPhone : c.get("phone").asString(),
                    "primary", c.get("primary").asBoolean()));
            contacts.add(contact);
        }
        Map<String, Object> edit = new HashMap<>(customer("Zhuzhou Pumps Co.", phone));
        edit.put("contacts", contacts);
        var edited = api.put("/api/intake/customers/" + id, edit, desk, Map.of("If-Match", created.header("ETag")));

        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
        assertThat(edited.body().get("name").asString()).isEqualTo("Zhuzhou Pumps Co.");
        assertThat(edited.body().get("contacts").get(0).get("id").asString()).as("updated in place").isEqualTo(contactId);
        assertThat(edited.body().get("contacts").get(0).get("phone").asString()).isEqualTo(newPhone);
        assertThat(ticketContact(ticketId)).isEqualTo(contactId);
        assertThat(contactPhone(contactId)).isEqualTo(newPhone);
        assertThat(api.get("/api/intake/tickets/" + ticketId, desk).status()).isEqualTo(200);

        // an edit without ids that drops both contacts: the ticket's contact is retired, kept for the ticket
        String otherContact = edited.body().get("contacts").get(1).get("id").asString();
        String thirdPhone = uniquePhone();
        Map<String, Object> replaced = new HashMap<>(customer("Zhuzhou Pumps Co.", thirdPhone));
        replaced.put("contacts", List.of(Map.of("name", "New buyer", "phone", thirdPhone)));
        var second = api.put("/api/intake/customers/" + id, replaced, desk, Map.of("If-Match", edited.header("ETag")));

        assertThat(second.status()).as(second.body().toString()).isEqualTo(200);
        assertThat(second.body().get("contacts")).hasSize(1);
        assertThat(second.body().get("contacts").get(0).get("phone").asString()).isEqualTo(thirdPhone);
        assertThat(ticketContact(ticketId)).as("the ticket still shows its contact").isEqualTo(contactId);
        assertThat(contactPhone(contactId)).isEqualTo(newPhone);
        assertThat(jdbc.sql("SELECT retired_by FROM customer_contact WHERE id = :id").param("id", UUID.fromString(contactId))
                .query(String.class).single()).isEqualTo("desk.li");
        assertThat(jdbc.sql("SELECT count(*) FROM customer_contact WHERE id = :id").param("id", UUID.fromString(otherContact))
                .query(Long.class).single()).as("a contact no ticket refers to is removed").isZero();
        assertThat(ids(api.get("/api/intake/customers?phone=" + newPhone.replace("+", "%2B").replace(" ", "%20"), desk).body()))
                .as("a retired contact no longer finds the customer").doesNotContain(id);
        // a ticket registered now picks the current contact
        assertThat(ticketContact(registerTicket(id, thirdPhone)))
                .isEqualTo(second.body().get("contacts").get(0).get("id").asString());

        // an id that is not one of this customer's contacts is refused, naming it
        Map<String, Object> foreign = new HashMap<>(replaced);
        foreign.put("contacts", List.of(Map.of("id", UUID.randomUUID().toString(), "name", "x", "phone", thirdPhone)));
        var refused = api.put("/api/intake/customers/" + id, foreign, desk, Map.of("If-Match", second.header("ETag")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused.body())).containsExactly("contacts[0].id");
        Map<String, Object> retired = new HashMap<>(replaced);
        retired.put("contacts", List.of(Map.of("id", contactId, "name", "x", "phone", thirdPhone)));
        assertThat(fields(api.put("/api/intake/customers/" + id, retired, desk, Map.of("If-Match", second.header("ETag"))).body()))
                .as("a retired contact cannot be edited").containsExactly("contacts[0].id");
    }

    @Test
    @DisplayName("INT-20 RPT-04 importing an updated row of a customer who has a ticket: 200, the ticket keeps its contact")
    void RPT04_importUpdatesCustomerWithATicket() {
        String phone = uniquePhone();
        String id = api.post("/api/intake/customers", customer("Liling Ceramics", phone), desk).body().get("id").asString();
        String ticketId = registerTicket(id, phone);
        String contactId = ticketContact(ticketId);
        String newPhone = "13" + String.format("%09d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));

        var imported = api.postBytes("/api/intake/customers/import",
                ("Customer ID,Name,Contact phone\r\n" + id + ",Liling Ceramics Ltd," + newPhone + "\r\n")
                        .getBytes(StandardCharsets.UTF_8), "text/csv", supervisor);

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        assertThat(imported.body().get("updated").asInt()).isEqualTo(1);
        JsonNode customer = api.get("/api/intake/customers/" + id, desk).body();
        assertThat(customer.get("name").asString()).isEqualTo("Liling Ceramics Ltd");
        assertThat(customer.get("contacts").get(0).get("id").asString()).isEqualTo(contactId);
        assertThat(customer.get("contacts").get(0).get("phone").asString()).isEqualTo(newPhone);
        assertThat(customer.get("contacts")).as("the second contact is kept").hasSize(2);
        assertThat(ticketContact(ticketId)).as("the ticket still shows its contact").isEqualTo(contactId);
        assertThat(contactPhone(contactId)).isEqualTo(newPhone);
    }

    @Test
    @DisplayName("A null inside contacts or addresses is refused naming the element, never a 500")
    void nullInsideListsNamesTheElement() {
        Map<String, Object> body = new HashMap<>(customer("Null Lists", uniquePhone()));
        List<Object> contacts = new ArrayList<>((List<?>) body.get("contacts"));
        contacts.add(null);
        body.put("contacts", contacts);
        var response = api.post("/api/intake/customers", body, desk);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(fields(response.body())).containsExactly("contacts[2]");
        Map<String, Object> nullAddress = new HashMap<>(customer("Null Lists", uniquePhone()));
        nullAddress.put("addresses", java.util.Arrays.asList((Object) null));
        response = api.post("/api/intake/customers", nullAddress, desk);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(fields(response.body())).containsExactly("addresses[0]");
    }

    private String registerTicket(String customerId, String phone) {
        Map<String, Object> request = new HashMap<>(phoneTicket("SN-CUST-" + UUID.randomUUID(), today().minusMonths(2).toString()));
        request.put("customer", Map.of("id", customerId, "phone", phone));
        var response = api.post("/api/intake/tickets", request, desk);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("id").asString();
    }

    private String ticketContact(String ticketId) {
        return jdbc.sql("SELECT contact_id FROM ticket WHERE id = :id").param("id", UUID.fromString(ticketId))
                .query(UUID.class).single().toString();
    }

    private String contactPhone(String contactId) {
        return jdbc.sql("SELECT phone FROM customer_contact WHERE id = :id").param("id", UUID.fromString(contactId))
                .query(String.class).single();
    }

    private Map<String, Object> customerRow(String id) {
        return jdbc.sql("SELECT * FROM customer WHERE id = :id").param("id", UUID.fromString(id)).query().listOfRows()
                .stream().findFirst().orElse(null);
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
