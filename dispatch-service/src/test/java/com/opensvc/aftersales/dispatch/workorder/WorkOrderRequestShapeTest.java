package com.opensvc.aftersales.dispatch.workorder;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The work-order endpoints' request shapes and roles, on a web slice (no platform). */
@WebSliceTest(WorkOrderController.class)
class WorkOrderRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    WorkOrderService service;

    private MvcResult post(String path, Object body, String subject, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(as(subject, roles))
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("DSP-05 a visit report with missing facts is refused naming each field")
    void DSP05_badVisitNamesFields() throws Exception {
        var response = post("/api/dispatch/work-orders/" + UUID.randomUUID() + "/visits",
                Map.of("outcome", "MAYBE", "labourMinutes", -5), "tech.south", "TECHNICIAN");
        assertThat(response.getResponse().getStatus()).isEqualTo(400);
        var missing = post("/api/dispatch/work-orders/" + UUID.randomUUID() + "/visits",
                Map.of("outcome", "FIXED", "labourMinutes", -5), "tech.south", "TECHNICIAN");
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(missing))
                .contains("symptom", "causeCode", "actions", "partsUsed", "labourMinutes");
    }

    @Test
    @DisplayName("DSP-02 only a supervisor assigns a technician: a technician → 403")
    void DSP02_onlySupervisorAssigns() throws Exception {
        String path = "/api/dispatch/work-orders/" + UUID.randomUUID() + "/assignment";
        assertThat(post(path, Map.of("technicianId", "tech.north"), "tech.north", "TECHNICIAN").getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    @DisplayName("DSP-08 SEC-01 the front desk records no arrival → 403")
    void DSP08_frontDeskRecordsNoArrival() throws Exception {
        String path = "/api/dispatch/work-orders/" + UUID.randomUUID() + "/arrival";
        assertThat(post(path, Map.of(), "desk.li", "FRONT_DESK").getResponse().getStatus()).isEqualTo(403);
    }

    private MvcResult get(String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(as("sup.zhao", "SUPERVISOR"))).andReturn();
    }

    @Test
    @DisplayName("Paging: size=0, size=-1, page=-1 or a page beyond int → 400 naming the parameter; a huge page is an empty page")
    void paging_badParametersNameTheParameter() throws Exception {
        when(service.search(any(), any(), any())).thenAnswer(call -> call.<Paging>getArgument(2).of(List.of(), 0));
        for (String query : List.of("size=0", "size=-1", "size=201", "size=x")) {
            MvcResult result = get("/api/dispatch/work-orders?" + query);
            assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
            assertThat(fields(result)).as(query).containsExactly("size");
        }
        for (String query : List.of("page=-1", "page=99999999999")) {
            MvcResult result = get("/api/dispatch/work-orders?" + query);
            assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
            assertThat(fields(result)).as(query).containsExactly("page");
        }
        MvcResult huge = get("/api/dispatch/work-orders?page=2147483647&size=200");
        assertThat(huge.getResponse().getStatus()).isEqualTo(200);
        JsonNode page = JSON.readTree(huge.getResponse().getContentAsString());
        assertThat(page.get("items").size()).isZero();
        assertThat(page.get("page").asInt()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    @DisplayName("INT-07 SEC-01 only a supervisor releases a held work order: a technician → 403, the front desk → 403")
    void INT07_onlySupervisorReleases() throws Exception {
        String path = "/api/dispatch/work-orders/" + UUID.randomUUID() + "/release";
        assertThat(post(path, Map.of(), "tech.north", "TECHNICIAN").getResponse().getStatus()).isEqualTo(403);
        assertThat(post(path, Map.of(), "desk.li", "FRONT_DESK").getResponse().getStatus()).isEqualTo(403);
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("SEC-01 no token → 401; a front-desk token on dispatch's endpoints → 403")
    void SEC01_rolesOnDispatch() throws Exception {
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/dispatch/work-orders")).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/dispatch/work-orders").with(as("desk.li", "FRONT_DESK")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
