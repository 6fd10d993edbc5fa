package com.opensvc.aftersales.intake.installedbase;

import static com.opensvc.aftersales.intake.Customers.customer;
import static com.opensvc.aftersales.intake.Customers.product;
import static com.opensvc.aftersales.intake.Tickets.fields;
import static com.opensvc.aftersales.intake.Tickets.ids;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.intake.Customers;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.Tickets;
import com.opensvc.aftersales.testkit.RestApi;

@IntakeServiceTest
class InstalledBaseApiTest {
    private RestApi api;
    private final String desk = token("desk.li", "FRONT_DESK");

    private static String today() {
        return Tickets.today().toString();
    }

    @Test
    @DisplayName("RPT-04 INT-24 installed products carry configured extra fields, an end user, and are found by serial, customer and extra field")
    void RPT04_extraFieldsAndSearch() {
        String buyer = newCustomer("Dealer Zhou");
        String endUser = newCustomer("Hotel Lotus");
        String serial = "AC-" + UUID.randomUUID();
        String engine = "ENG-" + UUID.randomUUID();
        Map<String, Object> input = new HashMap<>(product(buyer, "AC-3200", serial, today()));
        input.put("endUserCustomerId", endUser);
        input.put("factoryDate", LocalDate.now().minusMonths(2).toString());
        input.put("extraFields", Map.of("engineNumber", engine));
        var created = api.post("/api/intake/installed-products", input, desk);

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("productLine").asString()).as("the catalogue knows AC-3200").isEqualTo("AIR_CONDITIONER");
        assertThat(created.body().get("extraFields").get("engineNumber").asString()).isEqualTo(engine);
        String id = created.body().get("id").asString();

        assertThat(ids(api.get("/api/intake/installed-products?serialNumber=" + serial, desk).body())).containsExactly(id);
        assertThat(ids(api.get("/api/intake/installed-products?customerId=" + buyer, desk).body())).containsExactly(id);
        assertThat(ids(api.get("/api/intake/installed-products?customerId=" + endUser, desk).body()))
                .as("the end user sees the product too").containsExactly(id);
        assertThat(ids(api.get("/api/intake/installed-products?extraField=engineNumber&extraValue=" + engine, desk).body()))
                .containsExactly(id);
        var unknownField = api.get("/api/intake/installed-products?extraField=colour&extraValue=red", desk);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(fields(unknownField.body())).containsExactly("extraField");
    }

    @Test
    @DisplayName("Bad installed-product input: unknown customer, wrong line for the model, future date, duplicate serial, unknown extra field")
    void badInputNamesEachField() {
        String buyer = newCustomer("Dealer Qian");
        String serial = "AC-" + UUID.randomUUID();
        assertThat(api.post("/api/intake/installed-products", product(buyer, "AC-3200", serial, today()), desk).status())
                .isEqualTo(201);

        Map<String, Object> bad = new HashMap<>(product(UUID.randomUUID().toString(), "AC-3200", serial, today()));
        bad.put("productLine", "WATER_HEATER");
        bad.put("extraFields", Map.of("colour", "red"));
        var response = api.post("/api/intake/installed-products", bad, desk);
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.body())).containsExactlyInAnyOrder("customerId", "productLine", "serialNumber",
                "extraFields.colour");

        Map<String, Object> future = new HashMap<>(product(buyer, "AC-3200", "AC-" + UUID.randomUUID(),
                LocalDate.now().plusDays(5).toString()));
        assertThat(fields(api.post("/api/intake/installed-products", future, desk).body())).containsExactly("shipDate");

        Map<String, Object> unknownModel = new HashMap<>(product(buyer, "XY-1", "XY-" + UUID.randomUUID(), today()));
        assertThat(fields(api.post("/api/intake/installed-products", unknownModel, desk).body()))
                .as("a model the catalogue does not list needs its product line").containsExactly("productLine");

        Map<String, Object> badDate = new HashMap<>(product(buyer, "AC-3200", "AC-" + UUID.randomUUID(), "2026-02-30"));
        assertThat(fields(api.post("/api/intake/installed-products", badDate, desk).body())).containsExactly("shipDate");
    }

    private String newCustomer(String name) {
        return Customers.create(api, name, desk);
    }
}
