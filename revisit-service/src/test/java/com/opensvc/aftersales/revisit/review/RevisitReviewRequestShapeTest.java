package com.opensvc.aftersales.revisit.review;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

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

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** INT-26: the review endpoints' request shapes and roles, on a web slice (no platform). */
@WebSliceTest(RevisitReviewController.class)
class RevisitReviewRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] OTHER_ROLES = {"TECHNICIAN", "FRONT_DESK", "QUALITY", "STOREKEEPER", "FINANCE",
            "CUSTOMER_MANAGER", "GENERAL_MANAGER", "TECHNICAL_DIRECTOR", "ADMIN"};

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RevisitReviewService service;

    private final String base = "/api/revisit/revisits/" + UUID.randomUUID() + "/review";

    private MvcResult post(String path, Object body, RequestPostProcessor as) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : JSON.writeValueAsString(body));
        return mvc.perform(as == null ? request : request.with(as)).andReturn();
    }

    private int get(String path, RequestPostProcessor as) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(path);
        return mvc.perform(as == null ? request : request.with(as)).andReturn().getResponse().getStatus();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        JsonNode problem = JSON.readTree(result.getResponse().getContentAsString());
        return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("INT-26 SEC-01 the agent submits, a supervisor reviews, the service director unlocks; every other role 403, no token 401")
    void INT26_roles() throws Exception {
        Map<String, Object> lock = Map.of("outcome", "LOCK");
        Map<String, Object> unlock = Map.of("reason", "customer called back");
        assertThat(post(base + "/submission", "{}", null).getResponse().getStatus()).isEqualTo(401);
        assertThat(post(base, lock, null).getResponse().getStatus()).isEqualTo(401);
        assertThat(get(base, null)).isEqualTo(401);

        for (String role : OTHER_ROLES) {
            RequestPostProcessor someone = as("someone", role);
            assertThat(post(base + "/submission", "{}", someone).getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(post(base, lock, someone).getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(post(base + "/unlock", unlock, someone).getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(get(base, someone)).as(role).isEqualTo(403);
            assertThat(get("/api/revisit/review-faults", someone)).as(role).isEqualTo(403);
        }
        RequestPostProcessor agent = as("agent.he", "REVISIT_AGENT");
        RequestPostProcessor supervisor = as("sup.ma", "SUPERVISOR");
        RequestPostProcessor director = as("dir.zhao", "SERVICE_DIRECTOR");
        RequestPostProcessor manager = as("mgr.qian", "MANAGER");
        // the agent submits only; the supervisor reviews only; the director unlocks only
        assertThat(post(base, lock, agent).getResponse().getStatus()).isEqualTo(403);
        assertThat(post(base + "/unlock", unlock, agent).getResponse().getStatus()).isEqualTo(403);
        assertThat(post(base + "/submission", "{}", supervisor).getResponse().getStatus()).isEqualTo(403);
        assertThat(post(base + "/unlock", unlock, supervisor).getResponse().getStatus()).isEqualTo(403);
        assertThat(post(base, lock, director).getResponse().getStatus()).isEqualTo(403);
        assertThat(post(base, lock, manager).getResponse().getStatus()).isEqualTo(403);
        assertThat(get("/api/revisit/review-faults", agent)).isEqualTo(403);
        // a wrong role is refused before the body is read
        assertThat(post(base, "{not json", agent).getResponse().getStatus()).isEqualTo(403);
        verify(service, never()).review(any(), any(), any(), anyString());

        assertThat(post(base + "/submission", "{}", agent).getResponse().getStatus()).isEqualTo(200);
        assertThat(post(base, lock, supervisor).getResponse().getStatus()).isEqualTo(200);
        assertThat(post(base + "/unlock", unlock, director).getResponse().getStatus()).isEqualTo(200);
        for (RequestPostProcessor reader : List.of(agent, supervisor, director, manager)) {
            assertThat(get(base, reader)).isEqualTo(200);
        }
        for (RequestPostProcessor reader : List.of(supervisor, director, manager)) {
            assertThat(get("/api/revisit/review-faults?year=2026", reader)).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("INT-26 bad review requests are refused naming the field: outcome, reason, correction, year, paging")
    void INT26_badRequestsNameTheField() throws Exception {
        RequestPostProcessor supervisor = as("sup.ma", "SUPERVISOR");
        assertThat(fields(post(base, Map.of(), supervisor))).containsExactly("outcome");
        assertThat(fields(post(base, Map.of("outcome", "APPROVE"), supervisor))).containsExactly("outcome");
        assertThat(fields(post(base, Map.of("outcome", "LOCK", "reason", "x".repeat(2001)), supervisor)))
                .containsExactly("reason");
        assertThat(fields(post(base, Map.of("outcome", "RETURN_FAULTY", "reason", "a\u0000b"), supervisor)))
                .containsExactly("reason");
        RequestPostProcessor director = as("dir.zhao", "SERVICE_DIRECTOR");
        assertThat(fields(post(base + "/unlock", Map.of(), director))).containsExactly("reason");
        assertThat(fields(post(base + "/unlock", Map.of("reason", "  "), director))).containsExactly("reason");
        RequestPostProcessor agent = as("agent.he", "REVISIT_AGENT");
        assertThat(fields(post(base + "/submission", Map.of("correction", "y".repeat(2001)), agent)))
                .containsExactly("correction");
        assertThat(fields(post(base + "/submission", Map.of("correction", List.of("a")), agent)))
                .containsExactly("correction");
        var badId = post("/api/revisit/revisits/not-a-uuid/review", Map.of("outcome", "LOCK"), supervisor);
        assertThat(badId.getResponse().getStatus()).isEqualTo(400);
        for (String query : new String[]{"year=1999", "year=3000", "year=x", "size=0", "size=201", "page=-1"}) {
            MvcResult result = mvc.perform(MockMvcRequestBuilders.get("/api/revisit/review-faults?" + query)
                    .with(supervisor)).andReturn();
            assertThat(fields(result)).as(query).containsExactly(query.substring(0, query.indexOf('=')));
        }
        verify(service, never()).review(any(), any(), any(), anyString());
        verify(service, never()).unlock(any(), any(), anyString());
        verify(service, never()).submit(any(), any(), anyString());
    }
}
