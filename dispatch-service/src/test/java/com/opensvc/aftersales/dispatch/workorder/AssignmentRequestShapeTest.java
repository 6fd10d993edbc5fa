package com.opensvc.aftersales.dispatch.workorder;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** DSP-02, DSP-04: reassignment, hand-back and open-pool request shapes and roles, on a web slice. */
@WebSliceTest({AssignmentController.class, WorkOrderController.class})
class AssignmentRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    WorkOrderAssignments assignments;
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

    private static String order(String action) {
        return "/api/dispatch/work-orders/" + UUID.randomUUID() + "/" + action;
    }

    @Test
    @DisplayName("DSP02 only a supervisor reassigns or pools; only a technician hands back or claims → 403 for the others")
    void DSP02_roles() throws Exception {
        assertThat(post(order("reassignment"), Map.of("technicianId", "tech.north2", "reason", "r"), "tech.north",
                "TECHNICIAN").getResponse().getStatus()).isEqualTo(403);
        assertThat(post(order("pool"), Map.of(), "tech.north", "TECHNICIAN").getResponse().getStatus()).isEqualTo(403);
        assertThat(post(order("hand-back"), Map.of("reason", "r"), "sup.zhao", "SUPERVISOR").getResponse().getStatus())
                .isEqualTo(403);
        assertThat(post(order("claim"), Map.of(), "sup.zhao", "SUPERVISOR").getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/dispatch/open-pool").with(as("desk.li", "FRONT_DESK")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        verifyNoInteractions(assignments);
    }

    @Test
    @DisplayName("DSP02 a reassignment needs the technician and a reason; DSP04 a hand-back needs a reason → 400 naming them")
    void DSP02_DSP04_reasonsRequired() throws Exception {
        var reassignment = post(order("reassignment"), Map.of(), "sup.zhao", "SUPERVISOR");
        assertThat(reassignment.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(reassignment)).contains("technicianId", "reason");
        var handBack = post(order("hand-back"), Map.of("reason", " "), "tech.north", "TECHNICIAN");
        assertThat(handBack.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(handBack)).contains("reason");
        verifyNoInteractions(assignments);
    }

    @Test
    @DisplayName("DSP02 an assignment's handling must be PHONE, ON_SITE or CARRY_IN → 400 naming handling")
    void DSP02_handlingIsOneOfThree() throws Exception {
        var bad = post(order("assignment"), Map.of("handling", "DRONE"), "sup.zhao", "SUPERVISOR");
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("handling");
        verifyNoInteractions(service);
    }
}
