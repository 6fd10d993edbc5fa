package com.opensvc.aftersales.dispatch.workorder;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** DSP-06: the NOT_FIXED visit's request shape and roles, on a web slice (no platform). */
@WebSliceTest(NotFixedVisitController.class)
class NotFixedVisitRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    WorkOrderService service;

    private MvcResult post(Object body, String subject, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/dispatch/work-orders/" + UUID.randomUUID() + "/not-fixed")
                .with(as(subject, roles)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("DSP-06 a NOT_FIXED visit without the site situation or the question, or with bad labour or attachments → 400 naming each field")
    void DSP06_badNotFixedVisitNamesFields() throws Exception {
        var missing = post(Map.of("labourMinutes", -1), "tech.south", "TECHNICIAN");
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(missing)).contains("siteSituation", "question", "labourMinutes");

        Map<String, Object> body = new HashMap<>(Map.of("siteSituation", "pump runs, drum full", "question", "why?",
                "labourMinutes", 30));
        body.put("attachments", List.of(" "));
        var blank = post(body, "tech.south", "TECHNICIAN");
        assertThat(blank.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(blank)).singleElement().asString().startsWith("attachments");
        body.put("attachments", List.of());
        body.put("labourMinutes", "ten");
        assertThat(fields(post(body, "tech.south", "TECHNICIAN"))).containsExactly("labourMinutes");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-06 SEC-01 only a technician records a visit: a supervisor → 403, the technical director → 403, before the body is read")
    void DSP06_onlyTechnicianRecordsNotFixed() throws Exception {
        Map<String, Object> body = Map.of("siteSituation", "pump runs", "question", "why?", "labourMinutes", 30);
        assertThat(post(body, "sup.zhao", "SUPERVISOR").getResponse().getStatus()).isEqualTo(403);
        assertThat(post(body, "eng.wu", "TECHNICAL_DIRECTOR").getResponse().getStatus()).isEqualTo(403);
        assertThat(post(Map.of(), "desk.li", "FRONT_DESK").getResponse().getStatus()).isEqualTo(403);
        verifyNoInteractions(service);
    }
}
