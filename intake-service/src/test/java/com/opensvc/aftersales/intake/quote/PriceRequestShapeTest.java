package com.opensvc.aftersales.intake.quote;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.json.JsonMapper;

/** Who may set which price (INT-08), on a web slice (no platform). */
@WebSliceTest(PriceController.class)
class PriceRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PriceRepository prices;
    @MockitoBean
    Clock clock;

    private final RequestPostProcessor storekeeper = as("store.liu", "STOREKEEPER");
    private final RequestPostProcessor finance = as("fin.chen", "FINANCE");

    private int put(String path, Object body, RequestPostProcessor who) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.put("/api/intake/prices" + path).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn()
                .getResponse().getStatus();
    }

    private int get(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/api/intake/prices" + path).with(who)).andReturn()
                .getResponse().getStatus();
    }

    @Test
    @DisplayName("INT-08 SEC-01 the storekeeper sets part prices; finance (which sets service prices) may not")
    void INT08_partPricesAreTheStorekeepers() throws Exception {
        when(clock.instant()).thenReturn(Instant.parse("2026-05-04T08:00:00Z"));
        when(prices.upsertPart(eq("CMP-100"), any(), any(), any(), any(), any(), anyString())).thenReturn(OptionalInt.of(0));
        when(prices.part("CMP-100")).thenReturn(Optional.of(new Prices.PartPrice("CMP-100", "Compressor",
                new BigDecimal("1800.00"), new BigDecimal("1200.00"), 0, Instant.parse("2026-05-04T08:00:00Z"), "store.liu")));
        Map<String, Object> part = Map.of("cataloguePrice", new BigDecimal("1800.00"), "costPrice", new BigDecimal("1200.00"));

        assertThat(put("/parts/CMP-100", part, finance)).isEqualTo(403);
        verify(prices, never()).upsertPart(any(), any(), any(), any(), any(), any(), any());
        for (String role : new String[]{"FRONT_DESK", "SUPERVISOR", "MANAGER", "ADMIN"}) {
            assertThat(put("/parts/CMP-100", part, as("someone", role))).as(role).isEqualTo(403);
        }
        assertThat(put("/parts/CMP-100", part, storekeeper)).isEqualTo(200);

        // reads stay as they were: finance and the storekeeper read every list
        assertThat(get("/parts/CMP-100", finance)).isEqualTo(200);
        assertThat(get("/parts/CMP-100", storekeeper)).isEqualTo(200);
        assertThat(get("/parts/CMP-100", as("tech.north", "TECHNICIAN"))).isEqualTo(403);
    }

    @Test
    @DisplayName("INT-08 SEC-01 finance sets labour and travel prices; the storekeeper may not")
    void INT08_servicePricesAreFinances() throws Exception {
        when(clock.instant()).thenReturn(Instant.parse("2026-05-04T08:00:00Z"));
        when(prices.upsertLabour(eq("STD"), any(), any(), any(), any(), anyString())).thenReturn(OptionalInt.of(0));
        when(prices.labour("STD")).thenReturn(Optional.of(new Prices.LabourRate("STD", "Standard", new BigDecimal("120.00"), 0,
                Instant.parse("2026-05-04T08:00:00Z"), "fin.chen")));
        when(prices.upsertTravel(eq("NORTH"), any(), any(), any(), any(), anyString())).thenReturn(OptionalInt.of(0));
        when(prices.travel("NORTH")).thenReturn(Optional.of(new Prices.TravelPrice("NORTH", "North", new BigDecimal("80.00"), 0,
                Instant.parse("2026-05-04T08:00:00Z"), "fin.chen")));
        Map<String, Object> labour = Map.of("hourlyRate", new BigDecimal("120.00"));
        Map<String, Object> travel = Map.of("price", new BigDecimal("80.00"));

        assertThat(put("/labour/STD", labour, storekeeper)).isEqualTo(403);
        assertThat(put("/travel/NORTH", travel, storekeeper)).isEqualTo(403);
        assertThat(put("/labour/STD", labour, finance)).isEqualTo(200);
        assertThat(put("/travel/NORTH", travel, finance)).isEqualTo(200);
    }
}
