package com.opensvc.aftersales.dispatch.techsupport;

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

/** DSP-06 INT-23: engineering's endpoints' request shapes and roles, on a web slice (no platform). */
@WebSliceTest(TechSupportController.class)
class TechSupportRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "/api/dispatch/tech-support-requests";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    TechSupportService service;

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

    @Test
    @DisplayName("DSP-06 a solution without text, or with a part without number or quantity below 1 → 400 naming the field")
    void DSP06_badSolutionNamesFields() throws Exception {
        String path = BASE + "/" + UUID.randomUUID() + "/solution";
        var empty = post(path, Map.of(), "eng.wu", "TECHNICAL_DIRECTOR");
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(empty)).containsExactly("solution");
        var badPart = post(path, Map.of("solution", "replace the board",
                "partsNeeded", List.of(Map.of("partNumber", "", "quantity", 0))), "eng.wu", "TECHNICAL_DIRECTOR");
        assertThat(badPart.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(badPart)).containsExactlyInAnyOrder("partsNeeded[0].partNumber", "partsNeeded[0].quantity");
        var closeEmpty = post(BASE + "/" + UUID.randomUUID() + "/close", Map.of("reason", " "), "eng.wu",
                "TECHNICAL_DIRECTOR");
        assertThat(fields(closeEmpty)).containsExactly("reason");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-06 INT-23 SEC-01 only engineering (TECHNICAL_DIRECTOR) answers or closes: supervisor, technician, front desk → 403")
    void DSP06_onlyEngineeringAnswers() throws Exception {
        String id = UUID.randomUUID().toString();
        Map<String, Object> solution = Map.of("solution", "replace the board");
        for (String[] who : List.of(new String[] {"sup.zhao", "SUPERVISOR"}, new String[] {"tech.north", "TECHNICIAN"},
                new String[] {"desk.li", "FRONT_DESK"})) {
            assertThat(post(BASE + "/" + id + "/solution", solution, who[0], who[1]).getResponse().getStatus())
                    .as(who[1]).isEqualTo(403);
            assertThat(post(BASE + "/" + id + "/close", Map.of("reason", "x"), who[0], who[1]).getResponse().getStatus())
                    .as(who[1]).isEqualTo(403);
        }
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-06 SEC-01 the queue is engineering's and the supervisor's: a technician or the front desk → 403; a bad state → 400 naming it")
    void DSP06_queueRoles() throws Exception {
        when(service.search(any(), any(), any(), any(), any()))
                .thenAnswer(call -> call.<Paging>getArgument(4).of(List.of(), 0));
        assertThat(get(BASE + "?state=OPEN", "eng.wu", "TECHNICAL_DIRECTOR").getResponse().getStatus()).isEqualTo(200);
        assertThat(get(BASE + "?state=OPEN", "sup.zhao", "SUPERVISOR").getResponse().getStatus()).isEqualTo(200);
        assertThat(get(BASE, "tech.north", "TECHNICIAN").getResponse().getStatus()).isEqualTo(403);
        assertThat(get(BASE, "desk.li", "FRONT_DESK").getResponse().getStatus()).isEqualTo(403);
        var badState = get(BASE + "?state=MAYBE", "eng.wu", "TECHNICAL_DIRECTOR");
        assertThat(badState.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(badState)).containsExactly("state");
        assertThat(fields(get(BASE + "?size=0", "eng.wu", "TECHNICAL_DIRECTOR"))).containsExactly("size");
        assertThat(get(BASE + "/" + UUID.randomUUID(), "desk.li", "FRONT_DESK").getResponse().getStatus())
                .isEqualTo(403);
    }
}
