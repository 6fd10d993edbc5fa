package com.opensvc.aftersales.dispatch.maintenance;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The maintenance endpoints' request shapes and roles (DSP-09, RPT-03), on a web slice (no platform). */
@WebSliceTest(MaintenanceController.class)
class MaintenanceRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    MaintenanceService service;

    private MvcResult post(String path, Object body, String subject, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(as(subject, roles))
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn();
    }

    private MvcResult get(String path, String subject, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(as(subject, roles))).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static Map<String, Object> plan() {
        Map<String, Object> plan = new HashMap<>();
        plan.put("customerId", UUID.randomUUID().toString());
        plan.put("installedProductId", UUID.randomUUID().toString());
        plan.put("productModel", "AC-3200");
        plan.put("region", "NORTH");
        plan.put("firstDue", "2026-12-01");
        return plan;
    }

    @Test
    @DisplayName("DSP-09 a plan without its facts is refused naming each field")
    void DSP09_planWithoutFactsNamesFields() throws Exception {
        var response = post("/api/dispatch/maintenance-plans", Map.of(), "sup.zhao", "SUPERVISOR");
        assertThat(response.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(response))
                .contains("customerId", "installedProductId", "productModel", "region", "firstDue");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-09 firstDue at and past the ISO edge (0000-12-31, +10000-01-01, 2026-02-30, 2026-13-01) → 400 naming firstDue")
    void DSP09_firstDueAtTheIsoEdge() throws Exception {
        for (String day : List.of("0000-12-31", "+10000-01-01", "10000-01-01", "2026-02-30", "2026-13-01", "tomorrow")) {
            Map<String, Object> plan = plan();
            plan.put("firstDue", day);
            var response = post("/api/dispatch/maintenance-plans", plan, "sup.zhao", "SUPERVISOR");
            assertThat(response.getResponse().getStatus()).as(day).isEqualTo(400);
            assertThat(fields(response)).as(day).containsExactly("firstDue");
        }
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-09 an inspection with an unknown mode or interval → 400 naming inspections[i].field")
    void DSP09_badInspectionNamesField() throws Exception {
        Map<String, Object> plan = plan();
        plan.put("inspections", List.of(Map.of("mode", "ON_SITE", "every", "FORTNIGHT"), Map.of("every", "MONTH")));
        var response = post("/api/dispatch/maintenance-plans", plan, "sup.zhao", "SUPERVISOR");
        assertThat(response.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("inspections[0].every");
        plan.put("inspections", List.of(Map.of("every", "MONTH")));
        plan.put("items", List.of(Map.of("description", "no name")));
        var missing = post("/api/dispatch/maintenance-plans", plan, "sup.zhao", "SUPERVISOR");
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(missing)).containsExactlyInAnyOrder("inspections[0].mode", "items[0].name");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-09 SEC-01 only a supervisor or customer manager creates a plan: technician, front desk → 403 before the body is read")
    void DSP09_rolesOnPlans() throws Exception {
        assertThat(post("/api/dispatch/maintenance-plans", plan(), "tech.north", "TECHNICIAN").getResponse().getStatus())
                .isEqualTo(403);
        assertThat(post("/api/dispatch/maintenance-plans", Map.of(), "desk.li", "FRONT_DESK").getResponse().getStatus())
                .isEqualTo(403);
        String id = UUID.randomUUID().toString();
        assertThat(post("/api/dispatch/maintenance-plans/" + id + "/end", Map.of("reason", "x"), "tech.north", "TECHNICIAN")
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(get("/api/dispatch/maintenance-plans", "tech.north", "TECHNICIAN").getResponse().getStatus())
                .isEqualTo(403);
        verifyNoInteractions(service);
        assertThat(post("/api/dispatch/maintenance-plans", plan(), "cm.wang", "CUSTOMER_MANAGER").getResponse().getStatus())
                .isEqualTo(201);
    }

    @Test
    @DisplayName("DSP-09 suspending or ending a plan needs a reason; there is no DELETE (SEC-05)")
    void DSP09_reasonRequiredNoDelete() throws Exception {
        String path = "/api/dispatch/maintenance-plans/" + UUID.randomUUID();
        var suspend = post(path + "/suspension", Map.of("reason", " "), "sup.zhao", "SUPERVISOR");
        assertThat(suspend.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(suspend)).containsExactly("reason");
        assertThat(mvc.perform(MockMvcRequestBuilders.delete(path).with(as("sup.zhao", "SUPERVISOR"))).andReturn()
                .getResponse().getStatus()).isIn(404, 405);
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-09 SEC-01 only a supervisor assigns a maintenance order: technician, customer manager → 403")
    void DSP09_onlySupervisorAssigns() throws Exception {
        String path = "/api/dispatch/maintenance-orders/" + UUID.randomUUID() + "/assignment";
        assertThat(post(path, Map.of("technicianId", "tech.north"), "tech.north", "TECHNICIAN").getResponse().getStatus())
                .isEqualTo(403);
        assertThat(post(path, Map.of("technicianId", "tech.north"), "cm.wang", "CUSTOMER_MANAGER").getResponse()
                .getStatus()).isEqualTo(403);
        var blank = post(path, Map.of("technicianId", ""), "sup.zhao", "SUPERVISOR");
        assertThat(blank.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(blank)).containsExactly("technicianId");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-09 only a technician records an inspection (supervisor → 403); a bad record names each field")
    void DSP09_inspectionRecordShape() throws Exception {
        String path = "/api/dispatch/maintenance-orders/" + UUID.randomUUID() + "/inspection-record";
        assertThat(post(path, Map.of(), "sup.zhao", "SUPERVISOR").getResponse().getStatus()).isEqualTo(403);
        var empty = post(path, Map.of(), "tech.north", "TECHNICIAN");
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(empty)).containsExactlyInAnyOrder("items", "signedBy");
        var bad = post(path, Map.of("items", List.of(Map.of("name", "filter", "result", "FINE")), "signedBy", "Li",
                "confirmationCode", "4711"), "tech.north", "TECHNICIAN");
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("items[0].result");
        var badProblem = post(path, Map.of("items", List.of(), "problems", List.of(Map.of("description", "noisy",
                "severity", "SEVERE")), "signedBy", "Li", "confirmationCode", "4711"), "tech.north", "TECHNICIAN");
        assertThat(badProblem.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(badProblem)).containsExactly("problems[0].severity");
        var badDay = post(path, Map.of("items", List.of(), "signedBy", "Li", "confirmationCode", "4711",
                "performedOn", "2026-02-29"), "tech.north", "TECHNICIAN");
        assertThat(badDay.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(badDay)).containsExactly("performedOn");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("RPT-03 maintenance-due takes days 1..366 (default 7): 0, -1, 367, a huge number or text → 400 naming days")
    void RPT03_daysBounds() throws Exception {
        when(service.due(anyInt(), any(), any())).thenAnswer(call -> call.<Paging>getArgument(2).of(List.of(), 0));
        for (String days : List.of("0", "-1", "367", "99999999999", "-99999999999", "x", "7.5")) {
            var response = get("/api/dispatch/maintenance-due?days=" + days, "sup.zhao", "SUPERVISOR");
            assertThat(response.getResponse().getStatus()).as(days).isEqualTo(400);
            assertThat(fields(response)).as(days).containsExactly("days");
        }
        assertThat(get("/api/dispatch/maintenance-due", "sup.zhao", "SUPERVISOR").getResponse().getStatus())
                .isEqualTo(200);
        verify(service).due(eq(7), isNull(), any());
        assertThat(get("/api/dispatch/maintenance-due?days=366", "cm.wang", "CUSTOMER_MANAGER").getResponse()
                .getStatus()).isEqualTo(200);
        verify(service).due(eq(366), isNull(), any());
    }

    @Test
    @DisplayName("RPT-03 SEC-02 a technician's maintenance due is their own; the front desk and quality → 403")
    void RPT03_technicianSeesOwn() throws Exception {
        when(service.due(anyInt(), any(), any())).thenAnswer(call -> call.<Paging>getArgument(2).of(List.of(), 0));
        assertThat(get("/api/dispatch/maintenance-due?days=30", "tech.north", "TECHNICIAN").getResponse().getStatus())
                .isEqualTo(200);
        verify(service).due(eq(30), eq("tech.north"), any());
        assertThat(get("/api/dispatch/maintenance-due", "desk.li", "FRONT_DESK").getResponse().getStatus())
                .isEqualTo(403);
        assertThat(get("/api/dispatch/maintenance-due", "qa.sun", "QUALITY").getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    @DisplayName("DSP-09 the prompts are the supervisor's and customer manager's: a technician → 403; dismissing needs a reason")
    void DSP09_prompts() throws Exception {
        assertThat(get("/api/dispatch/maintenance-prompts", "tech.north", "TECHNICIAN").getResponse().getStatus())
                .isEqualTo(403);
        var dismissal = post("/api/dispatch/maintenance-prompts/" + UUID.randomUUID() + "/dismissal", Map.of(),
                "cm.wang", "CUSTOMER_MANAGER");
        assertThat(dismissal.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(dismissal)).containsExactly("reason");
        var badState = get("/api/dispatch/maintenance-prompts?state=CLOSED", "sup.zhao", "SUPERVISOR");
        assertThat(badState.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(badState)).containsExactly("state");
        verifyNoInteractions(service);
    }
}
