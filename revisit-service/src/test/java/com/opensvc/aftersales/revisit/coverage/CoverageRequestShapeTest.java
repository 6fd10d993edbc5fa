package com.opensvc.aftersales.revisit.coverage;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.revisit.coverage.CoverageTopUpJob.TopUpRun;
import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The coverage endpoints' request shapes and roles, on a web slice (no platform). */
@WebSliceTest(CoverageController.class)
class CoverageRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CoverageRepository coverage;
    @MockitoBean
    CoverageTopUpJob job;

    private MvcResult perform(MockHttpServletRequestBuilder request, RequestPostProcessor as) throws Exception {
        return mvc.perform(as == null ? request : request.with(as)).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode problem = JSON.readTree(result.getResponse().getContentAsString());
        return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("REV-01 SEC-01 the top-up on demand is for MANAGER and SERVICE_DIRECTOR; REVISIT_AGENT, SUPERVISOR, TECHNICIAN get 403, no token 401")
    void REV01_topUpRoles() throws Exception {
        when(job.topUp(eq(YearMonth.of(2026, 10)), any())).thenReturn(new TopUpRun(UUID.randomUUID(),
                YearMonth.of(2026, 10), Instant.parse("2026-11-01T00:00:00Z"), 3, 3, List.of()));
        // a builder keeps what .with(...) added: a fresh one per request
        java.util.function.Supplier<MockHttpServletRequestBuilder> post =
                () -> MockMvcRequestBuilders.post("/api/revisit/coverage/2026-10/top-up");
        assertThat(perform(post.get(), as("mgr.zhou", "MANAGER")).getResponse().getStatus()).isEqualTo(200);
        MvcResult director = perform(post.get(), as("dir.wang", "SERVICE_DIRECTOR"));
        assertThat(director.getResponse().getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(director.getResponse().getContentAsString()).get("month").asString()).isEqualTo("2026-10");
        verify(job).topUp(YearMonth.of(2026, 10), "mgr.zhou");
        verify(job).topUp(YearMonth.of(2026, 10), "dir.wang");
        for (String role : new String[]{"REVISIT_AGENT", "SUPERVISOR", "TECHNICIAN", "QUALITY"}) {
            assertThat(perform(post.get(), as("someone", role)).getResponse().getStatus()).as(role).isEqualTo(403);
        }
        assertThat(perform(post.get(), null).getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    @DisplayName("REV-01 SEC-01 the coverage view and the top-up audit are for REVISIT_AGENT, SUPERVISOR, MANAGER, SERVICE_DIRECTOR; a technician gets 403")
    void REV01_viewRoles() throws Exception {
        when(coverage.coverage(any(), any(), anyInt(), anyLong())).thenReturn(List.of());
        when(coverage.search(any(), anyInt(), anyLong())).thenReturn(List.of());
        for (String path : new String[]{"/api/revisit/coverage/2026-10", "/api/revisit/coverage/top-ups?month=2026-10"}) {
            java.util.function.Supplier<MockHttpServletRequestBuilder> get = () -> MockMvcRequestBuilders.get(path);
            for (String role : new String[]{"REVISIT_AGENT", "SUPERVISOR", "MANAGER", "SERVICE_DIRECTOR"}) {
                assertThat(perform(get.get(), as("someone", role)).getResponse().getStatus()).as(path + " " + role).isEqualTo(200);
            }
            for (String role : new String[]{"TECHNICIAN", "FRONT_DESK", "STOREKEEPER"}) {
                assertThat(perform(get.get(), as("someone", role)).getResponse().getStatus()).as(path + " " + role).isEqualTo(403);
            }
            assertThat(perform(get.get(), null).getResponse().getStatus()).isEqualTo(401);
        }
    }

    @Test
    @DisplayName("REV-01 a malformed month is a 400 naming month, never a 500")
    void REV01_badMonth() throws Exception {
        for (String month : new String[]{"2026-13", "10-2026", "2026-1", "0000-01", "next"}) {
            MvcResult topUp = perform(MockMvcRequestBuilders.post("/api/revisit/coverage/" + month + "/top-up"),
                    as("mgr.zhou", "MANAGER"));
            assertThat(topUp.getResponse().getStatus()).as(month).isEqualTo(400);
            assertThat(fields(topUp)).containsExactly("month");
            MvcResult view = perform(MockMvcRequestBuilders.get("/api/revisit/coverage/" + month),
                    as("agent.he", "REVISIT_AGENT"));
            assertThat(view.getResponse().getStatus()).as(month).isEqualTo(400);
            assertThat(fields(view)).containsExactly("month");
            MvcResult audit = perform(MockMvcRequestBuilders.get("/api/revisit/coverage/top-ups?month=" + month),
                    as("agent.he", "REVISIT_AGENT"));
            assertThat(audit.getResponse().getStatus()).as(month).isEqualTo(400);
            assertThat(fields(audit)).containsExactly("month");
        }
        verify(job, never()).topUp(any(), any());
        MvcResult badWorkOrder = perform(MockMvcRequestBuilders.get("/api/revisit/coverage/top-ups?workOrderId=x"),
                as("agent.he", "REVISIT_AGENT"));
        assertThat(badWorkOrder.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(badWorkOrder)).containsExactly("workOrderId");
        MvcResult longTechnician = perform(MockMvcRequestBuilders.get("/api/revisit/coverage/2026-10?technicianId="
                + "t".repeat(101)), as("agent.he", "REVISIT_AGENT"));
        assertThat(longTechnician.getResponse().getStatus()).isEqualTo(400);
    }
}
