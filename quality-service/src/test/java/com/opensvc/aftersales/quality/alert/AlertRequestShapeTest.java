package com.opensvc.aftersales.quality.alert;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** QLT-06: the alert endpoints' roles and request shapes, on a web slice (no platform). */
@WebSliceTest(AlertController.class)
class AlertRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RULE = """
            {"window":"P14D","countThreshold":3,"rateThreshold":0.05}""";
    private static final List<String> NOT_READERS = List.of("FRONT_DESK", "TECHNICIAN", "SUPERVISOR", "STOREKEEPER",
            "REVISIT_AGENT", "FINANCE", "CUSTOMER_MANAGER", "ADMIN");
    private static final List<String> READ_ONLY = List.of("MANAGER", "TECHNICAL_DIRECTOR", "SERVICE_DIRECTOR",
            "GENERAL_MANAGER");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AlertService service;

    private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    private static MockHttpServletRequestBuilder put(String path, String json) {
        return MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private List<String> fields(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = perform(request.with(as("qe.sun", "QUALITY")));
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        assertThat(body.get("errors")).as(body.toString()).isNotNull();
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("QLT-06 SEC-01 only quality, the manager and the directors read alerts and rules; others get 403")
    void SEC01_readers() throws Exception {
        String alert = "/api/quality/alerts/" + UUID.randomUUID();
        for (String role : NOT_READERS) {
            for (String path : List.of("/api/quality/alerts", alert, "/api/quality/alert-rules",
                    "/api/quality/alert-rules/WM-X200")) {
                assertThat(perform(MockMvcRequestBuilders.get(path).with(as("u", role))).getResponse().getStatus())
                        .as(role + " " + path).isEqualTo(403);
            }
        }
        assertThat(perform(MockMvcRequestBuilders.get("/api/quality/alerts")).getResponse().getStatus()).isEqualTo(401);
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("QLT-06 SEC-01 only quality acknowledges, opens an improvement report and sets rules; 403 before the body is read")
    void SEC01_onlyQualityChanges() throws Exception {
        String alert = "/api/quality/alerts/" + UUID.randomUUID();
        for (String role : concat(NOT_READERS, READ_ONLY)) {
            assertThat(perform(MockMvcRequestBuilders.post(alert + "/acknowledge").with(as("u", role)))
                    .getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(perform(MockMvcRequestBuilders.post(alert + "/improvement-report").with(as("u", role)))
                    .getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(perform(put("/api/quality/alert-rules/WM-X200", "{not json").with(as("u", role)))
                    .getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(perform(MockMvcRequestBuilders.delete("/api/quality/alert-rules/WM-X200").with(as("u", role)))
                    .getResponse().getStatus()).as(role).isEqualTo(403);
        }
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("QLT-06 a rule's bad window, threshold or rate is a 400 naming the field")
    void QLT06_badRuleNamesTheField() throws Exception {
        String path = "/api/quality/alert-rules/WM-X200";
        assertThat(fields(put(path, """
                {"window":"P1.5D","countThreshold":3}"""))).containsExactly("window");
        assertThat(fields(put(path, """
                {"window":"PT36H","countThreshold":3}"""))).containsExactly("window");
        assertThat(fields(put(path, """
                {"window":"P400D","countThreshold":3}"""))).containsExactly("window");
        assertThat(fields(put(path, """
                {"window":"thirty days","countThreshold":3}"""))).containsExactly("window");
        assertThat(fields(put(path, """
                {"countThreshold":3}"""))).containsExactly("window");
        assertThat(fields(put(path, """
                {"window":"P30D"}"""))).containsExactly("countThreshold");
        assertThat(fields(put(path, """
                {"window":"P30D","countThreshold":-1}"""))).containsExactly("countThreshold");
        assertThat(fields(put(path, """
                {"window":"P30D","countThreshold":2.5}"""))).containsExactly("countThreshold");
        assertThat(fields(put(path, """
                {"window":"P30D","countThreshold":3,"rateThreshold":1.5}"""))).containsExactly("rateThreshold");
        assertThat(fields(put(path, """
                {"window":"P30D","countThreshold":3,"rateThreshold":0}"""))).containsExactly("rateThreshold");
        assertThat(fields(put("/api/quality/alert-rules/" + "M".repeat(101), RULE))).containsExactly("model");
        assertThat(perform(put("/api/quality/alert-rules/%20", RULE).with(as("qe.sun", "QUALITY")))
                .getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(MockMvcRequestBuilders.get("/api/quality/alerts?state=OPEN"))).containsExactly("state");
        assertThat(fields(MockMvcRequestBuilders.get("/api/quality/alerts?size=500"))).containsExactly("size");
        verifyNoInteractions(service);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
