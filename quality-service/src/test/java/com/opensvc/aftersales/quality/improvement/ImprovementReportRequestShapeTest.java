package com.opensvc.aftersales.quality.improvement;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
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

/** QLT-05: the improvement-report endpoints' roles and request shapes, on a web slice (no platform). */
@WebSliceTest(ImprovementReportController.class)
class ImprovementReportRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "/api/quality/improvement-reports";
    static final String OPEN = """
            {"alertId":"9e4b1d72-5a3c-4f08-b6e1-2c7d9a0f5e34","problem":"Door seal leaks","productModel":"WM-X200","affectedQuantity":40}""";
    static final String ANALYSIS = """
            {"problem":"Drain pump seizes after 3 months","affectedQuantity":12,
             "temporaryCountermeasures":"Replace the pump on site",
             "rootCause":{"department":"PURCHASING","process":"incoming inspection","description":"supplier lot not tested at high humidity"}}""";
    static final String ACTIONS = """
            {"corrective":[{"description":"Quarantine supplier lot 2519","owner":"buyer.li","dueDate":"2099-01-31"}],
             "preventive":[{"description":"Extend incoming inspection","owner":"qe.sun","dueDate":"2099-02-28"}]}""";
    static final String VERIFICATION = """
            {"effective":true,"result":"no failures in 30 days","evidence":"30 units of lot 2520 sampled"}""";

    /** Roles with no business in improvement reports at all. */
    private static final List<String> OUTSIDERS = List.of("FRONT_DESK", "TECHNICIAN", "SUPERVISOR", "STOREKEEPER",
            "REVISIT_AGENT", "FINANCE", "GENERAL_MANAGER", "ADMIN");
    /** Readers who do not change a report. */
    private static final List<String> READ_ONLY = List.of("MANAGER", "SERVICE_DIRECTOR", "TECHNICAL_DIRECTOR",
            "CUSTOMER_MANAGER");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ImprovementReportService service;
    @MockitoBean
    ImprovementReportRepository reports;

    private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    private static MockHttpServletRequestBuilder post(String path, String json) {
        return MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return perform(request).getResponse().getStatus();
    }

    private MvcResult asQuality(MockHttpServletRequestBuilder request) throws Exception {
        return perform(request.with(as("qe.sun", "QUALITY")));
    }

    private static List<String> fields(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static String report(UUID id) {
        return BASE + "/" + id;
    }

    private static ImprovementReportDetails details(UUID id) {
        return new ImprovementReportDetails(ImprovementReport.builder().id(id).origin(ReportOrigin.MANUAL)
                .state(ImprovementReportState.OPEN).openedBy("qe.sun").openedAt(Instant.EPOCH).build(), List.of());
    }

    @Test
    @DisplayName("QLT-05 SEC-01 no token → 401 on every improvement-report endpoint")
    void SEC01_noToken() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(status(MockMvcRequestBuilders.get(BASE))).isEqualTo(401);
        assertThat(status(MockMvcRequestBuilders.get(report(id)))).isEqualTo(401);
        assertThat(status(post(BASE, OPEN))).isEqualTo(401);
        assertThat(status(post(report(id) + "/analysis", ANALYSIS))).isEqualTo(401);
        assertThat(status(post(report(id) + "/actions", ACTIONS))).isEqualTo(401);
        assertThat(status(post(report(id) + "/verification", VERIFICATION))).isEqualTo(401);
        assertThat(status(post(report(id) + "/close", ""))).isEqualTo(401);
    }

    @Test
    @DisplayName("QLT-05 SEC-01 front desk, technician, supervisor, storekeeper, revisit agent, finance, general manager, admin → 403 everywhere")
    void QLT05_outsidersAreRefused() throws Exception {
        UUID id = UUID.randomUUID();
        for (String role : OUTSIDERS) {
            assertThat(status(MockMvcRequestBuilders.get(BASE).with(as("someone", role)))).as(role).isEqualTo(403);
            assertThat(status(MockMvcRequestBuilders.get(report(id)).with(as("someone", role)))).as(role).isEqualTo(403);
            assertThat(status(post(BASE, OPEN).with(as("someone", role)))).as(role).isEqualTo(403);
            assertThat(status(post(report(id) + "/analysis", ANALYSIS).with(as("someone", role)))).as(role).isEqualTo(403);
            assertThat(status(post(report(id) + "/actions", ACTIONS).with(as("someone", role)))).as(role).isEqualTo(403);
            assertThat(status(post(report(id) + "/verification", VERIFICATION).with(as("someone", role)))).as(role)
                    .isEqualTo(403);
            assertThat(status(post(report(id) + "/close", "").with(as("someone", role)))).as(role).isEqualTo(403);
        }
        verifyNoInteractions(service, reports);
    }

    @Test
    @DisplayName("QLT-05 SEC-01 manager, service and technical directors and customer managers read; only quality opens, analyses, assigns and verifies; quality or a manager closes")
    void QLT05_readersAndWriters() throws Exception {
        UUID id = UUID.randomUUID();
        when(reports.search(any(), any(), any())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));
        when(service.details(id)).thenReturn(details(id));
        for (String role : READ_ONLY) {
            assertThat(status(MockMvcRequestBuilders.get(BASE).with(as("reader", role)))).as(role).isEqualTo(200);
            assertThat(status(MockMvcRequestBuilders.get(report(id)).with(as("reader", role)))).as(role).isEqualTo(200);
            assertThat(status(post(BASE, OPEN).with(as("reader", role)))).as(role).isEqualTo(403);
            assertThat(status(post(report(id) + "/analysis", ANALYSIS).with(as("reader", role)))).as(role).isEqualTo(403);
            assertThat(status(post(report(id) + "/actions", ACTIONS).with(as("reader", role)))).as(role).isEqualTo(403);
            assertThat(status(post(report(id) + "/verification", VERIFICATION).with(as("reader", role)))).as(role)
                    .isEqualTo(403);
        }
        assertThat(status(post(report(id) + "/close", "").with(as("mgr.wu", "SERVICE_DIRECTOR")))).isEqualTo(403);
        assertThat(status(post(report(id) + "/close", "").with(as("mgr.wu", "CUSTOMER_MANAGER")))).isEqualTo(403);

        when(service.close(eq(id), any())).thenReturn(details(id));
        assertThat(status(post(report(id) + "/close", "").with(as("mgr.wu", "MANAGER")))).isEqualTo(200);
        assertThat(asQuality(post(report(id) + "/close", "")).getResponse().getStatus()).isEqualTo(200);
        when(service.analyse(eq(id), any(), any())).thenReturn(details(id));
        assertThat(asQuality(post(report(id) + "/analysis", ANALYSIS)).getResponse().getStatus()).isEqualTo(200);
        when(service.assignActions(eq(id), any(), any())).thenReturn(details(id));
        assertThat(asQuality(post(report(id) + "/actions", ACTIONS)).getResponse().getStatus()).isEqualTo(200);
        when(service.verify(eq(id), any(), any())).thenReturn(details(id));
        assertThat(asQuality(post(report(id) + "/verification", VERIFICATION)).getResponse().getStatus()).isEqualTo(200);
        when(service.open(any(), any(), any())).thenReturn(new ImprovementReportService.Opened(details(id), true));
        MvcResult created = asQuality(post(BASE, OPEN));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(created.getResponse().getHeader("Location")).isEqualTo(report(id));
        assertThat(JSON.readTree(created.getResponse().getContentAsString()).get("id").asString())
                .as("the report's fields are at the top level, beside its history").isEqualTo(id.toString());
    }

    @Test
    @DisplayName("QLT-05 opening by hand: missing, fractional, non-positive or control-character input → 400 naming each field")
    void QLT05_openNamesBadFields() throws Exception {
        assertThat(fields(asQuality(post(BASE, "{}")))).containsExactlyInAnyOrder("problem", "productModel",
                "affectedQuantity");
        assertThat(fields(asQuality(post(BASE, OPEN.replace("40", "1.5"))))).containsExactly("affectedQuantity");
        assertThat(fields(asQuality(post(BASE, OPEN.replace("40", "0"))))).containsExactly("affectedQuantity");
        assertThat(fields(asQuality(post(BASE, OPEN.replace("40", "\"many\""))))).containsExactly("affectedQuantity");
        assertThat(fields(asQuality(post(BASE, OPEN.replace("Door seal", "Door\\u0000seal"))))).containsExactly("problem");
        assertThat(fields(asQuality(post(BASE, OPEN.replace("WM-X200", "WM\\u202EX200"))))).containsExactly("productModel");
        assertThat(fields(asQuality(post(BASE, OPEN.replace("9e4b1d72-5a3c-4f08-b6e1-2c7d9a0f5e34", "not-a-uuid")))))
                .containsExactly("alertId");
        assertThat(fields(asQuality(post(BASE, OPEN).header("Idempotency-Key", "k".repeat(201)))))
                .containsExactly("Idempotency-Key");
        assertThat(fields(asQuality(post(BASE, "{\"problem\":")))).containsExactly("body");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("QLT-05 analysis: missing problem, quantity, countermeasures or root cause, an unknown department → 400 naming each field")
    void QLT05_analysisNamesBadFields() throws Exception {
        String path = report(UUID.randomUUID()) + "/analysis";
        assertThat(fields(asQuality(post(path, "{}")))).containsExactlyInAnyOrder("problem", "affectedQuantity",
                "temporaryCountermeasures", "rootCause");
        assertThat(fields(asQuality(post(path, ANALYSIS.replace(",\"description\":\"supplier lot not tested at high humidity\"", "")))))
                .containsExactly("rootCause.description");
        assertThat(fields(asQuality(post(path, ANALYSIS.replace("PURCHASING", "MARKETING")))))
                .containsExactly("rootCause.department");
        assertThat(fields(asQuality(post(path, ANALYSIS.replace("12", "-3"))))).containsExactly("affectedQuantity");
        assertThat(fields(asQuality(post(path, ANALYSIS.replace("Replace", "\\u001b[31mReplace")))))
                .containsExactly("temporaryCountermeasures");
        assertThat(fields(asQuality(post("/api/quality/improvement-reports/not-a-uuid/analysis", ANALYSIS))))
                .containsExactly("id");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("QLT-05 actions: no corrective action, a null or empty action, a bad date → 400 naming each field")
    void QLT05_actionsNameBadFields() throws Exception {
        String path = report(UUID.randomUUID()) + "/actions";
        assertThat(fields(asQuality(post(path, "{}")))).containsExactly("corrective");
        assertThat(fields(asQuality(post(path, "{\"corrective\":[]}")))).containsExactly("corrective");
        assertThat(fields(asQuality(post(path, "{\"corrective\":[null]}")))).containsExactly("corrective[0]");
        assertThat(fields(asQuality(post(path, "{\"corrective\":[{}]}"))))
                .containsExactlyInAnyOrder("corrective[0].description", "corrective[0].owner", "corrective[0].dueDate");
        // a null inside a list is refused while the body is read (platform InputRules)
        assertThat(fields(asQuality(post(path, "{\"corrective\":[{}],\"preventive\":[null]}"))))
                .containsExactly("preventive[0]");
        assertThat(fields(asQuality(post(path, ACTIONS.replace("2099-01-31", "2099-13-01")))))
                .containsExactly("corrective[0].dueDate");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("QLT-05 verification: effective, result and evidence are required → 400 naming each field")
    void QLT05_verificationNamesBadFields() throws Exception {
        String path = report(UUID.randomUUID()) + "/verification";
        assertThat(fields(asQuality(post(path, "{}")))).containsExactlyInAnyOrder("effective", "result", "evidence");
        assertThat(fields(asQuality(post(path, "{\"effective\":\"perhaps\",\"result\":\"x\"}")))).containsExactly("effective");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("QLT-05 the list: an unknown state, a bad ticket id, bad paging → 400 naming the parameter, never 500")
    void QLT05_listNamesBadParameters() throws Exception {
        assertThat(fields(asQuality(MockMvcRequestBuilders.get(BASE + "?state=DONE")))).containsExactly("state");
        assertThat(fields(asQuality(MockMvcRequestBuilders.get(BASE + "?ticketId=x")))).containsExactly("ticketId");
        for (String paging : List.of("size=0", "size=-1", "size=201", "size=abc")) {
            assertThat(fields(asQuality(MockMvcRequestBuilders.get(BASE + "?" + paging)))).as(paging).containsExactly("size");
        }
        for (String paging : List.of("page=-1", "page=99999999999", "page=x")) {
            assertThat(fields(asQuality(MockMvcRequestBuilders.get(BASE + "?" + paging)))).as(paging).containsExactly("page");
        }
        verifyNoInteractions(reports);
        when(reports.search(any(), any(), any())).thenReturn(new PageOf<>(List.of(), Integer.MAX_VALUE, 200, 0));
        assertThat(asQuality(MockMvcRequestBuilders.get(BASE + "?state=OPEN&page=2147483647&size=200"))
                .getResponse().getStatus()).isEqualTo(200);
        org.mockito.Mockito.verify(reports).search(ImprovementReportState.OPEN, null, new Paging(Integer.MAX_VALUE, 200));
    }
}
