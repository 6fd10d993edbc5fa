package com.opensvc.aftersales.parts.receipt;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/parts/receipts: request shapes and roles, on a web slice (no platform). */
@WebSliceTest(ReceiptController.class)
class ReceiptRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ReceiptService service;

    private final RequestPostProcessor storekeeper = as("store.wu", "STOREKEEPER");

    private MvcResult post(String body, RequestPostProcessor as) throws Exception {
        var request = MockMvcRequestBuilders.post("/api/parts/receipts").contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return mvc.perform(as == null ? request : request.with(as)).andReturn();
    }

    private static String receipt(Object location, Object reference, Object lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("location", location);
        body.put("reference", reference);
        body.put("lines", lines);
        return JSON.writeValueAsString(body);
    }

    private static String line(Object quantity) {
        return receipt("STORE-NORTH", "PL-2026-0042", List.of(Map.of("partNumber", "CMP-100", "quantity", quantity)));
    }

    private static List<String> fields(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("PRT-01 SEC-01 receipts are the storekeeper's: no token 401; technician, supervisor, finance 403")
    void PRT01_onlyTheStorekeeperReceives() throws Exception {
        String body = line(5);
        assertThat(post(body, null).getResponse().getStatus()).isEqualTo(401);
        for (String role : List.of("TECHNICIAN", "SUPERVISOR", "FINANCE", "MANAGER")) {
            assertThat(post(body, as("someone", role)).getResponse().getStatus()).as(role).isEqualTo(403);
        }
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("PRT-01 PRT-02 a receipt's quantities are positive whole numbers; each bad field is named")
    void PRT01_quantitiesArePositiveWholeNumbers() throws Exception {
        assertThat(fields(post(line(0), storekeeper))).containsExactly("lines[0].quantity");
        assertThat(fields(post(line(-3), storekeeper))).containsExactly("lines[0].quantity");
        assertThat(fields(post(line(1.5), storekeeper))).containsExactly("lines[0].quantity");
        assertThat(fields(post(line(10_000_000), storekeeper))).containsExactly("lines[0].quantity");
        assertThat(fields(post(line("many"), storekeeper))).containsExactly("lines[0].quantity");
        Map<String, Object> noQuantity = new HashMap<>();
        noQuantity.put("partNumber", "CMP-100");
        noQuantity.put("quantity", null);
        assertThat(fields(post(receipt("STORE-NORTH", "PL-1", List.of(noQuantity)), storekeeper)))
                .containsExactly("lines[0].quantity");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("PRT-01 a receipt needs a store, a reference and at least one line; nulls and control characters are refused")
    void PRT01_shape() throws Exception {
        assertThat(fields(post("{}", storekeeper))).containsExactlyInAnyOrder("location", "reference", "lines");
        assertThat(fields(post(receipt("STORE-NORTH", "PL-1", List.of()), storekeeper))).containsExactly("lines");
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        assertThat(fields(post(receipt("STORE-NORTH", "PL-1", withNull), storekeeper))).containsExactly("lines[0]");
        // control characters are refused while the body is read (platform InputRules), one field at a time
        assertThat(fields(post(receipt("STORE\u0000NORTH", "PL-1", List.of(Map.of("partNumber", "CMP-100",
                "quantity", 1))), storekeeper))).containsExactly("location");
        assertThat(fields(post(receipt("STORE-NORTH", "PL\u001b[31m", List.of(Map.of("partNumber", "CMP-100",
                "quantity", 1))), storekeeper))).containsExactly("reference");
        assertThat(fields(post(receipt("STORE-NORTH", "PL-1", List.of(Map.of("partNumber", " ", "quantity", 1))),
                storekeeper))).containsExactly("lines[0].partNumber");
        assertThat(fields(post("{\"location\": \"STORE-NORTH\", \"reference\": ", storekeeper))).isNotEmpty();
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("PRT-01 a receipt against a requisition names it by its UUID; anything else is named (400)")
    void PRT01_requisitionIdIsAUuid() throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("location", "STORE-NORTH");
        body.put("reference", "PL-1");
        body.put("requisitionId", "not-a-uuid");
        body.put("lines", List.of(Map.of("partNumber", "CMP-100", "quantity", 1)));
        assertThat(fields(post(JSON.writeValueAsString(body), storekeeper))).containsExactly("requisitionId");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("PRT-01 a well-formed receipt reaches the service with the storekeeper as actor")
    void PRT01_wellFormedReachesTheService() throws Exception {
        org.mockito.Mockito.when(service.receive(any(), any(), any())).thenReturn(new ReceiptService.Received(
                new Receipt(java.util.UUID.randomUUID(), "STORE-NORTH", "PL-1", null, List.of(), "store.wu",
                        java.time.Instant.parse("2026-11-23T01:00:00Z"), List.of()), true));
        var created = post(line(5), storekeeper);
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        org.mockito.Mockito.verify(service).receive(any(), org.mockito.ArgumentMatchers.isNull(),
                org.mockito.ArgumentMatchers.eq("store.wu"));
    }
}
