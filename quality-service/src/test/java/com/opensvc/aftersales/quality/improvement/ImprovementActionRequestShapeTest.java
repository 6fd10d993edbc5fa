package com.opensvc.aftersales.quality.improvement;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
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
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** QLT-05: action completion and the overdue lists — roles and request shapes, on a web slice (no platform). */
@WebSliceTest(ImprovementActionController.class)
class ImprovementActionRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OVERDUE = "/api/quality/improvement-actions/overdue";
    private static final String MINE = "/api/quality/improvement-actions/mine";
    private static final List<String> OWNERS = List.of("QUALITY", "MANAGER", "TECHNICAL_DIRECTOR", "SERVICE_DIRECTOR",
            "GENERAL_MANAGER", "CUSTOMER_MANAGER", "SUPERVISOR", "STOREKEEPER", "FINANCE");
    private static final List<String> NO_OWNERS = List.of("FRONT_DESK", "TECHNICIAN", "REVISIT_AGENT", "ADMIN");
    private static final List<String> OVERSEERS = List.of("QUALITY", "MANAGER", "TECHNICAL_DIRECTOR", "SERVICE_DIRECTOR");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ImprovementActions actions;

    private static String completion(UUID id, String round, String kind, String position) {
        return "/api/quality/improvement-reports/" + id + "/actions/" + round + "/" + kind + "/" + position + "/completion";
    }

    private static MockHttpServletRequestBuilder post(String path, String json) {
        return MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private List<String> fields(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("QLT-05 SEC-01 completion: the office roles (owners) and quality reach it; front desk, technicians, agents, admin 403; no token 401")
    void QLT05_completionRoles() throws Exception {
        UUID id = UUID.randomUUID();
        String path = completion(id, "1", "CORRECTIVE", "0");
        String note = "{\"note\":\"lot 2519 quarantined\"}";
        assertThat(status(post(path, note))).isEqualTo(401);
        for (String role : NO_OWNERS) {
            assertThat(status(post(path, note).with(as("x", role)))).as(role).isEqualTo(403);
            assertThat(status(MockMvcRequestBuilders.get(MINE).with(as("x", role)))).as(role).isEqualTo(403);
        }
        verifyNoInteractions(actions);
        when(actions.complete(eq(id), anyInt(), any(), anyInt(), any(), any(), anyBoolean())).thenReturn(
                new ActionCompletion(id, 1, ActionKind.CORRECTIVE, 0, "lot 2519 quarantined", "x", Instant.EPOCH));
        for (String role : OWNERS) {
            assertThat(status(post(path, note).with(as("owner.li", role)))).as(role).isEqualTo(200);
        }
        verify(actions, org.mockito.Mockito.times(OWNERS.size() - 1)).complete(id, 1, ActionKind.CORRECTIVE, 0,
                new CompletionRequest("lot 2519 quarantined"), "owner.li", false);
        verify(actions).complete(id, 1, ActionKind.CORRECTIVE, 0, new CompletionRequest("lot 2519 quarantined"),
                "owner.li", true);
    }

    @Test
    @DisplayName("QLT-05 completion: a missing or control-character note, an unknown kind, a non-number round → 400 naming each")
    void QLT05_completionNamesBadFields() throws Exception {
        UUID id = UUID.randomUUID();
        String path = completion(id, "1", "CORRECTIVE", "0");
        assertThat(fields(post(path, "{}").with(as("qe.sun", "QUALITY")))).containsExactly("note");
        assertThat(fields(post(path, "{\"note\":\" \"}").with(as("qe.sun", "QUALITY")))).containsExactly("note");
        assertThat(fields(post(path, "{\"note\":\"a\\u0007b\"}").with(as("qe.sun", "QUALITY")))).containsExactly("note");
        assertThat(fields(post(completion(id, "1", "URGENT", "0"), "{\"note\":\"x\"}").with(as("qe.sun", "QUALITY"))))
                .containsExactly("kind");
        assertThat(fields(post(completion(id, "one", "CORRECTIVE", "0"), "{\"note\":\"x\"}")
                .with(as("qe.sun", "QUALITY")))).containsExactly("round");
        assertThat(fields(post(completion(id, "1", "CORRECTIVE", "1.5"), "{\"note\":\"x\"}")
                .with(as("qe.sun", "QUALITY")))).containsExactly("position");
        verifyNoInteractions(actions);
    }

    @Test
    @DisplayName("QLT-05 SEC-01 the overdue list: quality, manager, technical and service directors; others 403; ?owner= and paging checked")
    void QLT05_overdueRolesAndParameters() throws Exception {
        assertThat(status(MockMvcRequestBuilders.get(OVERDUE))).isEqualTo(401);
        for (String role : List.of("CUSTOMER_MANAGER", "SUPERVISOR", "FRONT_DESK", "TECHNICIAN", "GENERAL_MANAGER",
                "FINANCE", "STOREKEEPER", "REVISIT_AGENT", "ADMIN")) {
            assertThat(status(MockMvcRequestBuilders.get(OVERDUE).with(as("x", role)))).as(role).isEqualTo(403);
        }
        assertThat(fields(MockMvcRequestBuilders.get(OVERDUE + "?size=0").with(as("qe.sun", "QUALITY"))))
                .containsExactly("size");
        assertThat(fields(MockMvcRequestBuilders.get(OVERDUE + "?owner=" + "o".repeat(201)).with(as("qe.sun", "QUALITY"))))
                .containsExactly("owner");
        verifyNoInteractions(actions);
        when(actions.overdue(any(), any())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));
        for (String role : OVERSEERS) {
            assertThat(status(MockMvcRequestBuilders.get(OVERDUE).with(as("x", role)))).as(role).isEqualTo(200);
        }
        assertThat(status(MockMvcRequestBuilders.get(OVERDUE + "?owner=buyer.li&page=1&size=5")
                .with(as("mgr.wu", "MANAGER")))).isEqualTo(200);
        verify(actions).overdue("buyer.li", new Paging(1, 5));
    }

    @Test
    @DisplayName("QLT-05 /mine lists the signed-in owner's open actions (?overdue=true only the overdue ones)")
    void QLT05_mine() throws Exception {
        when(actions.ownedBy(any(), anyBoolean(), any())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));
        assertThat(status(MockMvcRequestBuilders.get(MINE).with(as("buyer.li", "FINANCE")))).isEqualTo(200);
        verify(actions).ownedBy("buyer.li", false, new Paging(0, 20));
        assertThat(status(MockMvcRequestBuilders.get(MINE + "?overdue=true").with(as("prod.he", "SUPERVISOR"))))
                .isEqualTo(200);
        verify(actions).ownedBy("prod.he", true, new Paging(0, 20));
        assertThat(fields(MockMvcRequestBuilders.get(MINE + "?overdue=maybe").with(as("prod.he", "SUPERVISOR"))))
                .containsExactly("overdue");
    }
}
