package com.opensvc.aftersales.intake.entitlement;

import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.intake.Tickets.today;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

/** INT-06 through the API: the ticket's {@code warrantyEnd} is the last day a fault is still repaired free. */
@IntakeServiceTest
class WarrantyEndBoundaryTest {
    private RestApi api;
    private final String desk = token("desk.li", "FRONT_DESK");

    private JsonNode register(LocalDate shipDate) {
        var response = api.post("/api/intake/tickets", phoneTicket("SN-WE-" + UUID.randomUUID(), shipDate.toString()), desk);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body();
    }

    @Test
    @DisplayName("INT-06 a fault reported on the day shown as warrantyEnd is FREE_REPAIR; the day after is PAID")
    void INT06_warrantyEndIsTheLastCoveredDay() {
        LocalDate today = today();
        // the 12-month warranty of a product shipped on this day ends (last covered day) today
        LocalDate shippedForEndToday = today.plusDays(1).minusMonths(12);
        assumeTrue(shippedForEndToday.plusMonths(12).equals(today.plusDays(1)), "not around 29 February");

        JsonNode lastDay = register(shippedForEndToday);
        assertThat(lastDay.get("warrantyEnd").asString()).isEqualTo(today.toString());
        assertThat(lastDay.get("entitlement").asString()).isEqualTo("FREE_REPAIR");

        JsonNode dayAfter = register(today.minusMonths(12));
        assertThat(LocalDate.parse(dayAfter.get("warrantyEnd").asString())).isEqualTo(today.minusDays(1));
        assertThat(dayAfter.get("entitlement").asString()).isEqualTo("PAID");
    }
}
