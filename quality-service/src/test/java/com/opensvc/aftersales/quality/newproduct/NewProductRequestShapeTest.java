package com.opensvc.aftersales.quality.newproduct;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** QLT-07: the new-product endpoints' roles and request shapes (no platform). */
@WebSliceTest(NewProductController.class)
class NewProductRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LAUNCH = "/api/quality/product-models/WM-X300/launch";
    private static final String WATCHED = "/api/quality/new-products";
    private static final String FINDINGS = "/api/quality/new-products/WM-X300/survey-findings";
    static final String LAUNCH_BODY = """
            {"launchedOn":"2026-02-01"}""";
    static final String FINDINGS_BODY = """
            {"findings":"Customers report a noisy spin cycle at full load","customersSurveyed":25}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    NewProductWatch watch;

    private static MockHttpServletRequestBuilder put(String path, String json) {
        return MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private static MockHttpServletRequestBuilder post(String path, String json) {
        return MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private MvcResult asQuality(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as("qe.sun", "QUALITY"))).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static SurveyFinding finding() {
        return new SurveyFinding(UUID.randomUUID(), "WM-X300", "noisy", 25, "sup.ma", Instant.EPOCH);
    }

    @Test
    @DisplayName("QLT-07 SEC-01 no token → 401 on every new-product endpoint")
    void SEC01_noToken() throws Exception {
        assertThat(status(put(LAUNCH, LAUNCH_BODY))).isEqualTo(401);
        assertThat(status(MockMvcRequestBuilders.get(WATCHED))).isEqualTo(401);
        assertThat(status(post(FINDINGS, FINDINGS_BODY))).isEqualTo(401);
        assertThat(status(MockMvcRequestBuilders.get(FINDINGS))).isEqualTo(401);
    }

    @Test
    @DisplayName("QLT-07 SEC-01 only quality records a launch; quality, manager, directors and supervisor read; supervisor, manager or quality submit survey findings; others 403")
    void QLT07_roles() throws Exception {
        for (String role : List.of("FRONT_DESK", "TECHNICIAN", "STOREKEEPER", "REVISIT_AGENT", "FINANCE",
                "GENERAL_MANAGER", "CUSTOMER_MANAGER", "ADMIN")) {
            assertThat(status(put(LAUNCH, LAUNCH_BODY).with(as("x", role)))).as(role).isEqualTo(403);
            assertThat(status(MockMvcRequestBuilders.get(WATCHED).with(as("x", role)))).as(role).isEqualTo(403);
            assertThat(status(post(FINDINGS, FINDINGS_BODY).with(as("x", role)))).as(role).isEqualTo(403);
            assertThat(status(MockMvcRequestBuilders.get(FINDINGS).with(as("x", role)))).as(role).isEqualTo(403);
        }
        for (String role : List.of("MANAGER", "TECHNICAL_DIRECTOR", "SERVICE_DIRECTOR", "SUPERVISOR")) {
            assertThat(status(put(LAUNCH, LAUNCH_BODY).with(as("x", role)))).as(role).isEqualTo(403);
        }
        for (String role : List.of("TECHNICAL_DIRECTOR", "SERVICE_DIRECTOR")) {
            assertThat(status(post(FINDINGS, FINDINGS_BODY).with(as("x", role)))).as(role).isEqualTo(403);
        }
        verifyNoInteractions(watch);

        when(watch.watched(any())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));
        when(watch.findings(eq("WM-X300"), any())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));
        for (String role : List.of("QUALITY", "MANAGER", "TECHNICAL_DIRECTOR", "SERVICE_DIRECTOR", "SUPERVISOR")) {
            assertThat(status(MockMvcRequestBuilders.get(WATCHED).with(as("x", role)))).as(role).isEqualTo(200);
            assertThat(status(MockMvcRequestBuilders.get(FINDINGS).with(as("x", role)))).as(role).isEqualTo(200);
        }
        when(watch.submitFindings(eq("WM-X300"), any(), any(), any()))
                .thenReturn(new NewProductWatch.Submitted(finding(), true));
        for (String role : List.of("SUPERVISOR", "MANAGER", "QUALITY")) {
            assertThat(status(post(FINDINGS, FINDINGS_BODY).with(as("x", role)))).as(role).isEqualTo(201);
        }
        when(watch.recordLaunch(eq("WM-X300"), any(), any())).thenReturn(new ModelLaunch("WM-X300",
                LocalDate.parse("2026-02-01"), ModelLaunch.Source.RECORDED, LocalDate.parse("2026-05-01"), 0));
        MvcResult launched = asQuality(put(LAUNCH, LAUNCH_BODY));
        assertThat(launched.getResponse().getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(launched.getResponse().getContentAsString()).get("watchEndsOn").asString())
                .isEqualTo("2026-05-01");
    }

    @Test
    @DisplayName("QLT-07 bad input → 400 naming each field: launch date, findings, customers surveyed, model, paging")
    void QLT07_badInputNamesFields() throws Exception {
        assertThat(fields(asQuality(put(LAUNCH, "{}")))).containsExactly("launchedOn");
        assertThat(fields(asQuality(put(LAUNCH, "{\"launchedOn\":\"2026-02-30\"}")))).containsExactly("launchedOn");
        assertThat(fields(asQuality(put(LAUNCH, "{\"launchedOn\":\"10000-01-01\"}")))).containsExactly("launchedOn");
        assertThat(fields(asQuality(put("/api/quality/product-models/bad model/launch", LAUNCH_BODY))))
                .containsExactly("model");
        assertThat(fields(asQuality(post(FINDINGS, "{}")))).containsExactlyInAnyOrder("findings", "customersSurveyed");
        assertThat(fields(asQuality(post(FINDINGS, FINDINGS_BODY.replace("25", "0"))))).containsExactly("customersSurveyed");
        assertThat(fields(asQuality(post(FINDINGS, FINDINGS_BODY.replace("25", "2.5"))))).containsExactly("customersSurveyed");
        assertThat(fields(asQuality(post(FINDINGS, FINDINGS_BODY.replace("Customers report", " "))
                .content("{\"findings\":\" \",\"customersSurveyed\":3}")))).containsExactly("findings");
        assertThat(fields(asQuality(post(FINDINGS, "{\"findings\":\"" + "x".repeat(8001) + "\",\"customersSurveyed\":3}"))))
                .containsExactly("findings");
        assertThat(fields(asQuality(post(FINDINGS, FINDINGS_BODY).header("Idempotency-Key", "k".repeat(201)))))
                .containsExactly("Idempotency-Key");
        assertThat(fields(asQuality(MockMvcRequestBuilders.get(WATCHED + "?size=201")))).containsExactly("size");
        verifyNoInteractions(watch);
    }
}
