package com.opensvc.aftersales.dispatch.appointment;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The appointment endpoints' request shapes and roles, on a web slice (no platform). */
@WebSliceTest(AppointmentController.class)
class AppointmentRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AppointmentService service;

    private MvcResult send(MockHttpServletRequestBuilder request, Object body, String subject, String... roles)
            throws Exception {
        return mvc.perform(request.with(as(subject, roles)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static String path(String tail) {
        return "/api/dispatch/work-orders/" + UUID.randomUUID() + tail;
    }

    @Test
    @DisplayName("DSP-04 a booking without its window is 400 naming windowStart and windowEnd")
    void DSP04_confirmNamesMissingWindow() throws Exception {
        var response = send(MockMvcRequestBuilders.post(path("/appointment")), Map.of("note", "ring twice"),
                "tech.north", "TECHNICIAN");
        assertThat(response.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("windowStart", "windowEnd");
        var malformed = send(MockMvcRequestBuilders.post(path("/appointment")),
                Map.of("windowStart", "tomorrow", "windowEnd", "2026-11-24T04:00:00Z"), "tech.north", "TECHNICIAN");
        assertThat(malformed.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(malformed)).contains("windowStart");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-04 a change must say who asked (CUSTOMER|TECHNICIAN|SUPERVISOR) and why: 400 naming requestedBy and reason")
    void DSP04_changeNamesWhoAndWhy() throws Exception {
        var response = send(MockMvcRequestBuilders.put(path("/appointment")),
                Map.of("windowStart", "2026-11-24T01:00:00Z", "windowEnd", "2026-11-24T04:00:00Z", "reason", " "),
                "tech.north", "TECHNICIAN");
        assertThat(response.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("requestedBy", "reason");
        var unknown = send(MockMvcRequestBuilders.put(path("/appointment")),
                Map.of("windowStart", "2026-11-24T01:00:00Z", "windowEnd", "2026-11-24T04:00:00Z",
                        "requestedBy", "NEIGHBOUR", "reason", "x"), "tech.north", "TECHNICIAN");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("requestedBy");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-04 DSP-05 a late notice needs the customer told (customerInformed true), a reason and the expected arrival")
    void DSP04_lateNoticeShape() throws Exception {
        var notTold = send(MockMvcRequestBuilders.post(path("/late-notice")),
                Map.of("expectedArrival", "2026-11-24T01:00:00Z", "reason", "traffic", "customerInformed", false),
                "tech.north", "TECHNICIAN");
        assertThat(notTold.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(notTold)).containsExactly("customerInformed");
        assertThat(notTold.getResponse().getContentAsString()).contains("hand the order back");
        var empty = send(MockMvcRequestBuilders.post(path("/late-notice")), Map.of(), "tech.north", "TECHNICIAN");
        assertThat(fields(empty)).containsExactlyInAnyOrder("expectedArrival", "reason", "customerInformed");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-04 SEC-01 only a technician or a supervisor books, changes or gives a late notice: others → 403")
    void DSP04_roles() throws Exception {
        Map<String, Object> window = Map.of("windowStart", "2026-11-24T01:00:00Z", "windowEnd", "2026-11-24T04:00:00Z");
        assertThat(send(MockMvcRequestBuilders.post(path("/appointment")), window, "desk.li", "FRONT_DESK")
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(send(MockMvcRequestBuilders.put(path("/appointment")), window, "mgr.sun", "MANAGER")
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(send(MockMvcRequestBuilders.post(path("/late-notice")), Map.of(), "qa.wu", "QUALITY")
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(MockMvcRequestBuilders.get(path("/appointment")).with(as("store.ma", "STOREKEEPER")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        verifyNoInteractions(service);
    }
}
