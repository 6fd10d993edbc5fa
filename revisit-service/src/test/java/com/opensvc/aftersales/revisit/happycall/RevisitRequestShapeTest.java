package com.opensvc.aftersales.revisit.happycall;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The revisit endpoints' request shapes and roles, on a web slice (no platform). */
@WebSliceTest({RevisitController.class, RevisitDecisionController.class})
class RevisitRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RevisitService service;
    @MockitoBean
    RevisitRepository revisits;
    @MockitoBean
    RevisitDecisionRepository decisions;

    private final RequestPostProcessor agent = as("agent.he", "REVISIT_AGENT");

    private static Map<String, Object> answers(String overall) {
        return Map.of("serviceQuality", "SATISFIED", "technicalSkill", "VERY_SATISFIED", "chargeReasonable", true,
                "punctuality", "SATISFIED", "overall", overall, "comment", "polite and quick");
    }

    /** {@code as} null sends no token. */
    private MvcResult recordOutcome(String revisitId, Object answers, RequestPostProcessor as) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/api/revisit/revisits/" + revisitId + "/outcome")
                .contentType(MediaType.APPLICATION_JSON)
                .content(answers instanceof String s ? s : JSON.writeValueAsString(answers));
        return mvc.perform(as == null ? request : request.with(as)).andReturn();
    }

    private int list(RequestPostProcessor as) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get("/api/revisit/revisits");
        return mvc.perform(as == null ? request : request.with(as)).andReturn().getResponse().getStatus();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode problem = JSON.readTree(result.getResponse().getContentAsString());
        return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("REV-04 a survey with missing, wrong or too long answers is refused naming each field")
    void REV04_badSurveyNamesFields() throws Exception {
        String id = UUID.randomUUID().toString();

        Map<String, Object> missing = new HashMap<>(answers("SATISFIED"));
        missing.remove("technicalSkill");
        missing.remove("chargeReasonable");
        missing.remove("overall");
        missing.put("comment", "x".repeat(2001));
        var response = recordOutcome(id, missing, agent);
        assertThat(response.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("technicalSkill", "chargeReasonable", "overall", "comment");

        Map<String, Object> wrongScale = new HashMap<>(answers("SATISFIED"));
        wrongScale.put("punctuality", "DELIGHTED");
        var wrong = recordOutcome(id, wrongScale, agent);
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(wrong)).containsExactly("punctuality");

        Map<String, Object> wrongType = new HashMap<>(answers("SATISFIED"));
        wrongType.put("chargeReasonable", "perhaps");
        var notBoolean = recordOutcome(id, wrongType, agent);
        assertThat(notBoolean.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(notBoolean)).containsExactly("chargeReasonable");

        assertThat(recordOutcome(id, "{not json", agent).getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    @DisplayName("SEC-01 revisit endpoints: no token → 401; a technician → 403; only an agent records an outcome")
    void SEC01_rolesOnRevisit() throws Exception {
        String anyId = UUID.randomUUID().toString();
        assertThat(list(null)).isEqualTo(401);
        assertThat(recordOutcome(anyId, answers("SATISFIED"), null).getResponse().getStatus()).isEqualTo(401);
        RequestPostProcessor technician = as("tech.north", "TECHNICIAN");
        assertThat(list(technician)).isEqualTo(403);
        assertThat(recordOutcome(anyId, answers("SATISFIED"), technician).getResponse().getStatus()).isEqualTo(403);
        RequestPostProcessor supervisor = as("sup.ma", "SUPERVISOR");
        assertThat(list(supervisor)).isEqualTo(200);
        assertThat(recordOutcome(anyId, answers("SATISFIED"), supervisor).getResponse().getStatus()).isEqualTo(403);
    }

    private MvcResult get(String path, RequestPostProcessor as) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(path);
        return mvc.perform(as == null ? request : request.with(as)).andReturn();
    }

    @Test
    @DisplayName("REV-01 paging: size 0, -1, 201, page -1 or not a number on revisit lists → 400 naming the parameter")
    void REV01_badPagingIsRefusedNamingTheParameter() throws Exception {
        for (String list : new String[]{"/api/revisit/revisits", "/api/revisit/decisions"}) {
            for (String query : new String[]{"size=0", "size=-1", "size=201", "size=2147483648", "size=x"}) {
                var response = get(list + "?" + query, agent);
                assertThat(response.getResponse().getStatus()).as(list + "?" + query).isEqualTo(400);
                assertThat(fields(response)).as(list + "?" + query).containsExactly("size");
            }
            for (String query : new String[]{"page=-1", "page=-2147483648", "page=1e3"}) {
                var response = get(list + "?" + query, agent);
                assertThat(response.getResponse().getStatus()).as(list + "?" + query).isEqualTo(400);
                assertThat(fields(response)).as(list + "?" + query).containsExactly("page");
            }
        }
    }

    @Test
    @DisplayName("REV-01 paging: the largest page is a long offset (no overflow) and answers an empty page, never 500")
    void REV01_hugePageIsAnEmptyPage() throws Exception {
        long offset = (long) Integer.MAX_VALUE * 200;
        when(decisions.search(any(), eq(200),
                eq(offset))).thenReturn(List.of());
        var decisionsPage = get("/api/revisit/decisions?page=" + Integer.MAX_VALUE + "&size=200", agent);
        assertThat(decisionsPage.getResponse().getStatus()).isEqualTo(200);
        JsonNode page = JSON.readTree(decisionsPage.getResponse().getContentAsString());
        assertThat(page.get("items").size()).isZero();
        assertThat(page.get("page").asInt()).isEqualTo(Integer.MAX_VALUE);
        verify(decisions).search(any(), eq(200),
                eq(offset));

        var revisitsPage = get("/api/revisit/revisits?page=" + Integer.MAX_VALUE + "&size=200", agent);
        assertThat(revisitsPage.getResponse().getStatus()).isEqualTo(200);
        verify(revisits).search(null, new Paging(Integer.MAX_VALUE, 200));
    }

    @Test
    @DisplayName("REV-01 SEC-01 the decision audit is for revisit agents, managers and the service director")
    void REV01_decisionAuditRoles() throws Exception {
        String path = "/api/revisit/decisions?workOrderId=" + UUID.randomUUID();
        assertThat(get(path, null).getResponse().getStatus()).isEqualTo(401);
        for (String role : new String[]{"TECHNICIAN", "SUPERVISOR", "FRONT_DESK", "QUALITY"}) {
            assertThat(get(path, as("someone", role)).getResponse().getStatus()).as(role).isEqualTo(403);
        }
        for (String role : new String[]{"REVISIT_AGENT", "MANAGER", "SERVICE_DIRECTOR"}) {
            assertThat(get(path, as("someone", role)).getResponse().getStatus()).as(role).isEqualTo(200);
        }
        var badId = get("/api/revisit/decisions?ticketId=not-a-uuid", agent);
        assertThat(badId.getResponse().getStatus()).isEqualTo(400);
        assertThat(badId.getResponse().getContentAsString()).contains("ticketId");
    }
}
