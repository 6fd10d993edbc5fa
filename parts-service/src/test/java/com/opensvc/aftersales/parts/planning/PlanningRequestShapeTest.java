package com.opensvc.aftersales.parts.planning;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
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

/** PUT and GET /api/parts/plans: request shapes and roles, on a web slice (no platform). */
@WebSliceTest(PlanningController.class)
class PlanningRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLAN = "/api/parts/plans/STORE-NORTH/CMP-100";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PlanningService planning;

    private final RequestPostProcessor storekeeper = as("store.wu", "STOREKEEPER");

    private MvcResult put(String body, RequestPostProcessor as) throws Exception {
        var request = MockMvcRequestBuilders.put(PLAN).contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(as == null ? request : request.with(as)).andReturn();
    }

    private static String plan(Object safetyStock, Object minimum, Object maximum) {
        Map<String, Object> body = new HashMap<>();
        body.put("safetyStock", safetyStock);
        body.put("minimum", minimum);
        body.put("maximum", maximum);
        return JSON.writeValueAsString(body);
    }

    private static List<String> fields(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("PRT-06 SEC-01 plans are the storekeeper's: no token 401; technician, supervisor, manager 403 on PUT")
    void PRT06_onlyTheStorekeeperPlans() throws Exception {
        String body = plan(2, 5, 20);
        assertThat(put(body, null).getResponse().getStatus()).isEqualTo(401);
        for (String role : List.of("TECHNICIAN", "SUPERVISOR", "MANAGER", "FINANCE")) {
            assertThat(put(body, as("someone", role)).getResponse().getStatus()).as(role).isEqualTo(403);
        }
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/parts/plans")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/parts/plans").with(as("tech.north", "TECHNICIAN")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(MockMvcRequestBuilders.get(PLAN).with(as("tech.north", "TECHNICIAN")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        verifyNoInteractions(planning);
    }

    @Test
    @DisplayName("PRT-06 safety stock ≤ minimum ≤ maximum: the field out of order is named")
    void PRT06_figuresInOrder() throws Exception {
        assertThat(fields(put(plan(2, 21, 20), storekeeper))).containsExactly("minimum");
        assertThat(fields(put(plan(6, 5, 20), storekeeper))).containsExactly("safetyStock");
        assertThat(fields(put(plan(9, 8, 7), storekeeper))).containsExactlyInAnyOrder("safetyStock", "minimum");
        verifyNoInteractions(planning);
    }

    @Test
    @DisplayName("PRT-06 figures are whole numbers from 0: negative, fractional, missing, text are named, never a 500")
    void PRT06_figuresAreWholeNumbers() throws Exception {
        assertThat(fields(put(plan(-1, 5, 20), storekeeper))).containsExactly("safetyStock");
        assertThat(fields(put(plan(0, -5, 20), storekeeper))).contains("minimum");
        assertThat(fields(put(plan(0, 5, 2.5), storekeeper))).containsExactly("maximum");
        assertThat(fields(put(plan(null, 5, 20), storekeeper))).containsExactly("safetyStock");
        assertThat(fields(put(plan(0, "five", 20), storekeeper))).containsExactly("minimum");
        assertThat(fields(put(plan(0, 5, 10_000_000), storekeeper))).containsExactly("maximum");
        verifyNoInteractions(planning);
    }

    @Test
    @DisplayName("PRT-06 a good plan reaches the service with the storekeeper and If-Match; the answer has the ETag")
    void PRT06_goodPlan() throws Exception {
        PlanView view = new PlanView("STORE-NORTH", "CMP-100", 2, 5, 20, 8, 0, 8, PlanStatus.OK, 2,
                Instant.parse("2026-03-04T09:00:00Z"), "store.wu");
        when(planning.set(eq("STORE-NORTH"), eq("CMP-100"), eq(new StockFigures(2, 5, 20)), eq("\"1\""),
                eq("store.wu"))).thenReturn(new PlanningService.Saved(view, false));
        MvcResult result = mvc.perform(MockMvcRequestBuilders.put(PLAN).contentType(MediaType.APPLICATION_JSON)
                .content(plan(2, 5, 20)).header("If-Match", "\"1\"").with(storekeeper)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(result.getResponse().getHeader("ETag")).isEqualTo("\"2\"");
        assertThat(JSON.readTree(result.getResponse().getContentAsString()).get("status").asString()).isEqualTo("OK");
    }

    @Test
    @DisplayName("PRT-06 a bad belowMinimum filter or paging on the plan list is named, never a 500")
    void PRT06_badListParameters() throws Exception {
        for (String query : List.of("belowMinimum=maybe", "size=0", "page=-1")) {
            MvcResult result = mvc.perform(MockMvcRequestBuilders.get("/api/parts/plans?" + query)
                    .with(as("sup.zhao", "SUPERVISOR"))).andReturn();
            assertThat(fields(result)).as(query).containsExactly(query.substring(0, query.indexOf('=')));
        }
        mvc.perform(MockMvcRequestBuilders.get("/api/parts/plans?belowMinimum=true&location=STORE-NORTH")
                .with(as("mgr.li", "MANAGER"))).andReturn();
        verify(planning).list(eq("STORE-NORTH"), eq(true), any());
    }
}
