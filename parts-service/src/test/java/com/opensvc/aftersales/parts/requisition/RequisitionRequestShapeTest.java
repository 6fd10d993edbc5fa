package com.opensvc.aftersales.parts.requisition;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The requisition endpoints: request shapes and roles, on a web slice (no platform). */
@WebSliceTest(RequisitionController.class)
class RequisitionRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID ID = UUID.fromString("5d7e9f1a-2b3c-4d5e-8f60-7a8b9c0d1e2f");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Requisitions requisitions;

    private final RequestPostProcessor storekeeper = as("store.wu", "STOREKEEPER");

    private MvcResult perform(MockHttpServletRequestBuilder request, RequestPostProcessor as) throws Exception {
        return mvc.perform(as == null ? request : request.with(as)).andReturn();
    }

    private MvcResult post(String url, String body, RequestPostProcessor as) throws Exception {
        return perform(MockMvcRequestBuilders.post(url).contentType(MediaType.APPLICATION_JSON).content(body), as);
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static Map<String, Object> requisition(Object kind, Object location, Object lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("location", location);
        body.put("lines", lines);
        return body;
    }

    private static List<Map<String, Object>> line(Object quantity) {
        Map<String, Object> line = new HashMap<>();
        line.put("partNumber", "CMP-100");
        line.put("quantity", quantity);
        return List.of(line);
    }

    private static List<String> fields(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static Requisition sample() {
        return new Requisition(ID, RequisitionKind.REPLENISHMENT, RequisitionOrigin.STOREKEEPER, "STORE-NORTH", null,
                null, RequisitionStatus.OPEN, List.of(new Requisition.Line("CMP-100", 2, 0, 0)), List.of(), List.of(),
                "store.wu", Instant.parse("2026-11-23T01:00:00Z"), Instant.parse("2026-11-23T01:00:00Z"), 0);
    }

    @Test
    @DisplayName("PRT-01 SEC-01 only the storekeeper raises, cancels and allocates: no token 401; others 403 before the body is read")
    void PRT01_onlyTheStorekeeperWrites() throws Exception {
        String body = json(requisition("REPLENISHMENT", "STORE-NORTH", line(2)));
        String allocation = json(Map.of("packingList", "PL-1", "lines", line(2)));
        assertThat(post("/api/parts/requisitions", body, null).getResponse().getStatus()).isEqualTo(401);
        for (String role : List.of("TECHNICIAN", "SUPERVISOR", "MANAGER", "FINANCE")) {
            assertThat(post("/api/parts/requisitions", body, as("someone", role)).getResponse().getStatus())
                    .as(role).isEqualTo(403);
            assertThat(post("/api/parts/requisitions/" + ID + "/cancellation", "", as("someone", role))
                    .getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(post("/api/parts/requisitions/" + ID + "/allocations", allocation, as("someone", role))
                    .getResponse().getStatus()).as(role).isEqualTo(403);
            // a malformed body is not read before the role is checked
            assertThat(post("/api/parts/requisitions", "{", as("someone", role)).getResponse().getStatus())
                    .as(role).isEqualTo(403);
        }
        verifyNoInteractions(requisitions);
    }

    @Test
    @DisplayName("PRT-01 SEC-01 the storekeeper, supervisor and manager read requisitions; a technician 403, no token 401")
    void PRT01_whoReads() throws Exception {
        when(requisitions.search(any(), any(), any(), any())).thenReturn(new PageOf<>(List.of(sample()), 0, 20, 1));
        when(requisitions.get(ID)).thenReturn(sample());
        for (String role : List.of("STOREKEEPER", "SUPERVISOR", "MANAGER")) {
            assertThat(perform(MockMvcRequestBuilders.get("/api/parts/requisitions"), as("someone", role))
                    .getResponse().getStatus()).as(role).isEqualTo(200);
        }
        assertThat(perform(MockMvcRequestBuilders.get("/api/parts/requisitions/" + ID), as("tech.north",
                "TECHNICIAN")).getResponse().getStatus()).isEqualTo(403);
        assertThat(perform(MockMvcRequestBuilders.get("/api/parts/requisitions"), null).getResponse().getStatus())
                .isEqualTo(401);
        JsonNode one = JSON.readTree(perform(MockMvcRequestBuilders.get("/api/parts/requisitions/" + ID),
                storekeeper).getResponse().getContentAsString());
        assertThat(one.get("status").asString()).isEqualTo("OPEN");
        assertThat(one.get("lines").get(0).get("requested").asInt()).isEqualTo(2);
        assertThat(one.get("lines").get(0).get("allocated").asInt()).isZero();
        assertThat(one.get("lines").get(0).get("received").asInt()).isZero();
    }

    @Test
    @DisplayName("PRT-01 the list filters by kind, status and location; a bad value is named (400)")
    void PRT01_listFilters() throws Exception {
        when(requisitions.search(any(), any(), any(), any())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));
        assertThat(perform(MockMvcRequestBuilders.get("/api/parts/requisitions?kind=REPLENISHMENT&status=OPEN"
                + "&location=STORE-NORTH"), storekeeper).getResponse().getStatus()).isEqualTo(200);
        verify(requisitions).search(eq(RequisitionKind.REPLENISHMENT), eq(RequisitionStatus.OPEN), eq("STORE-NORTH"),
                any());
        assertThat(fields(perform(MockMvcRequestBuilders.get("/api/parts/requisitions?kind=LOAN"), storekeeper)))
                .containsExactly("kind");
        assertThat(fields(perform(MockMvcRequestBuilders.get("/api/parts/requisitions?status=LOST"), storekeeper)))
                .containsExactly("status");
        assertThat(fields(perform(MockMvcRequestBuilders.get("/api/parts/requisitions?size=0"), storekeeper)))
                .containsExactly("size");
        assertThat(fields(perform(MockMvcRequestBuilders.get("/api/parts/requisitions/not-a-uuid"), storekeeper)))
                .containsExactly("id");
    }

    @Test
    @DisplayName("PRT-01 a requisition needs a kind, a location and positive whole quantities; each bad field is named")
    void PRT01_requisitionShape() throws Exception {
        assertThat(fields(post("/api/parts/requisitions", "{}", storekeeper)))
                .containsExactlyInAnyOrder("kind", "location", "lines");
        assertThat(fields(post("/api/parts/requisitions", json(requisition("LOAN", "STORE-NORTH", line(1))),
                storekeeper))).containsExactly("kind");
        assertThat(fields(post("/api/parts/requisitions", json(requisition("PURCHASE", "STORE-NORTH", List.of())),
                storekeeper))).containsExactly("lines");
        for (Object bad : List.of(0, -1, 1.5, 10_000_000, "many")) {
            assertThat(fields(post("/api/parts/requisitions", json(requisition("PURCHASE", "STORE-NORTH", line(bad))),
                    storekeeper))).as(String.valueOf(bad)).containsExactly("lines[0].quantity");
        }
        assertThat(fields(post("/api/parts/requisitions", json(requisition("PURCHASE", "STORE-NORTH", line(null))),
                storekeeper))).containsExactly("lines[0].quantity");
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        assertThat(fields(post("/api/parts/requisitions", json(requisition("PURCHASE", "STORE-NORTH", withNull)),
                storekeeper))).containsExactly("lines[0]");
        assertThat(fields(post("/api/parts/requisitions", json(requisition("PURCHASE", "STORE\u0000NORTH", line(1))),
                storekeeper))).containsExactly("location");
        verifyNoInteractions(requisitions);
    }

    @Test
    @DisplayName("PRT-01 an allocation needs a packing list and positive whole quantities; each bad field is named")
    void PRT01_allocationShape() throws Exception {
        String url = "/api/parts/requisitions/" + ID + "/allocations";
        assertThat(fields(post(url, "{}", storekeeper))).containsExactlyInAnyOrder("packingList", "lines");
        assertThat(fields(post(url, json(Map.of("packingList", "PL-1", "lines", line(0))), storekeeper)))
                .containsExactly("lines[0].quantity");
        assertThat(fields(post(url, json(Map.of("packingList", "PL\u001b[31m", "lines", line(1))), storekeeper)))
                .containsExactly("packingList");
        assertThat(fields(post("/api/parts/requisitions/nope/allocations", json(Map.of("packingList", "PL-1",
                "lines", line(1))), storekeeper))).containsExactly("id");
        verifyNoInteractions(requisitions);
    }

    @Test
    @DisplayName("PRT-01 a well-formed requisition reaches the service with the storekeeper and the Idempotency-Key; 201 with its Location")
    void PRT01_wellFormedReachesTheService() throws Exception {
        when(requisitions.create(any(), any(), any())).thenReturn(new Requisitions.Created(sample(), true));
        var created = perform(MockMvcRequestBuilders.post("/api/parts/requisitions")
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "k-1")
                .content(json(requisition("REPLENISHMENT", "STORE-NORTH", line(2)))), storekeeper);
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/parts/requisitions/" + ID);
        verify(requisitions).create(any(), eq("k-1"), eq("store.wu"));

        when(requisitions.allocate(eq(ID), any(), any(), any())).thenReturn(new Requisitions.Created(sample(), true));
        assertThat(post("/api/parts/requisitions/" + ID + "/allocations", json(Map.of("packingList", "PL-1",
                "lines", line(2))), storekeeper).getResponse().getStatus()).isEqualTo(201);
        verify(requisitions).allocate(eq(ID), any(), isNull(), eq("store.wu"));
    }
}
