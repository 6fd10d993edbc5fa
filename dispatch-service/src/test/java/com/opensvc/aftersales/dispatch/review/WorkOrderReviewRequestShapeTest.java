package com.opensvc.aftersales.dispatch.review;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

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

import tools.jackson.databind.json.JsonMapper;

/** INT-26 review endpoints' roles, on a web slice (no platform). */
@WebSliceTest(WorkOrderReviewController.class)
class WorkOrderReviewRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    WorkOrderReviewService service;

    private int post(String path, Object body, String subject, String... roles) throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.post(path).with(as(subject, roles))
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn();
        return result.getResponse().getStatus();
    }

    @Test
    @DisplayName("INT-26 SEC-01 only a supervisor reviews, only the service director unlocks, the front desk does nothing")
    void INT26_roles() throws Exception {
        String base = "/api/dispatch/work-orders/" + UUID.randomUUID() + "/review";
        assertThat(post(base + "/submission", Map.of(), "desk.li", "FRONT_DESK")).isEqualTo(403);
        assertThat(post(base + "/lock", Map.of(), "tech.south", "TECHNICIAN")).isEqualTo(403);
        assertThat(post(base + "/return", Map.of("reasons", java.util.List.of("x")), "mgr.sun", "MANAGER")).isEqualTo(403);
        assertThat(post(base + "/unlock", Map.of("reason", "x"), "sup.zhao", "SUPERVISOR")).isEqualTo(403);
        assertThat(post(base + "/unlock", Map.of("reason", "x"), "admin", "ADMIN")).isEqualTo(403);
        assertThat(post(base + "/unlock", Map.of(), "dir.zhou", "SERVICE_DIRECTOR")).isEqualTo(400);
        assertThat(post(base + "/return", Map.of("reasons", java.util.List.of(" ")), "sup.zhao", "SUPERVISOR")).isEqualTo(400);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/dispatch/review-faults?year=1999")
                .with(as("sup.zhao", "SUPERVISOR"))).andReturn().getResponse().getStatus()).isEqualTo(400);
        verifyNoInteractions(service);
    }
}
