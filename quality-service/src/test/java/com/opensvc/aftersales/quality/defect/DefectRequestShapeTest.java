package com.opensvc.aftersales.quality.defect;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The defect endpoints' roles and request shapes, on a web slice (no platform). */
@WebSliceTest(DefectController.class)
class DefectRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID ID = UUID.randomUUID();
    private static final String CLASSIFY = """
            {"failureMode":"no cooling","cause":"C-VALVE","responsibleDepartment":"PURCHASING",
             "causingPartNumber":"CMP-100","factoryDate":"2025-10-01","note":"supplier lot"}""";
    private static final String ANALYSE = """
            {"testResult":"seized on the bench","conclusion":"valve lot defective","cause":"C-VALVE",
             "responsibleDepartment":"PURCHASING"}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DefectService defects;

    private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return perform(request).getResponse().getStatus();
    }

    private static MockHttpServletRequestBuilder get(String path) {
        return MockMvcRequestBuilders.get(path);
    }

    private static MockHttpServletRequestBuilder classify(String body, String ifMatch) {
        MockHttpServletRequestBuilder put = MockMvcRequestBuilders.put("/api/quality/defects/" + ID + "/classification")
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return ifMatch == null ? put : put.header(IfMatch.HEADER, ifMatch);
    }

    private static MockHttpServletRequestBuilder analyse(String body) {
        return MockMvcRequestBuilders.post("/api/quality/defects/" + ID + "/analysis")
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static List<String> fields(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        List<String> names = new ArrayList<>();
        JSON.readTree(result.getResponse().getContentAsString()).get("errors")
                .forEach(e -> names.add(e.get("field").asString()));
        return names;
    }

    private static Defect defect(int version) {
        return Defect.builder().id(ID).ticketId(UUID.randomUUID()).workOrderId(UUID.randomUUID())
                .source(DefectSource.REPAIR_CLOSED).productModel("M").serialNumber("S").failureMode("f").cause("c")
                .state(DefectState.NO_ANALYSIS_NEEDED).failedAt(Instant.EPOCH).recordedAt(Instant.EPOCH)
                .version(version).build();
    }

    @Test
    @DisplayName("SEC-01 QLT-01 QLT-02 no token → 401; quality, manager, supervisor and technical director read; front desk and technician → 403")
    void SEC01_rolesOnReading() throws Exception {
        when(defects.get(ID)).thenReturn(defect(1));
        when(defects.search(any(), any(), any(), any(), any(), any(), any(), any()))
                .thenReturn(new PageOf<>(List.of(), 0, 50, 0));
        when(defects.history(eq(ID), any())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));
        when(defects.overdue(any())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));
        List<String> reads = List.of("/api/quality/defects", "/api/quality/defects/" + ID,
                "/api/quality/defects/" + ID + "/history");
        for (String path : reads) {
            assertThat(status(get(path))).as(path).isEqualTo(401);
            for (String role : List.of("QUALITY", "MANAGER", "SUPERVISOR", "TECHNICAL_DIRECTOR")) {
                assertThat(status(get(path).with(as("u", role)))).as(path + " " + role).isEqualTo(200);
            }
            for (String role : List.of("FRONT_DESK", "TECHNICIAN")) {
                assertThat(status(get(path).with(as("u", role)))).as(path + " " + role).isEqualTo(403);
            }
        }
        String overdue = "/api/quality/defects/analysis-overdue";
        assertThat(status(get(overdue))).isEqualTo(401);
        for (String role : List.of("QUALITY", "MANAGER", "TECHNICAL_DIRECTOR")) {
            assertThat(status(get(overdue).with(as("u", role)))).as(role).isEqualTo(200);
        }
        for (String role : List.of("FRONT_DESK", "SUPERVISOR", "TECHNICIAN")) {
            assertThat(status(get(overdue).with(as("u", role)))).as(role).isEqualTo(403);
        }
        assertThat(perform(get("/api/quality/defects/" + ID).with(as("u", "QUALITY"))).getResponse().getHeader("ETag"))
                .isEqualTo("\"1\"");
    }

    @Test
    @DisplayName("SEC-01 QLT-01 QLT-02 only quality classifies and analyses; the others → 403 before the body is read")
    void SEC01_onlyQualityWrites() throws Exception {
        for (String role : List.of("MANAGER", "SUPERVISOR", "TECHNICAL_DIRECTOR", "FRONT_DESK")) {
            assertThat(status(classify("{", "\"1\"").with(as("u", role)))).as(role).isEqualTo(403);
            assertThat(status(analyse("{").with(as("u", role)))).as(role).isEqualTo(403);
        }
        assertThat(status(classify(CLASSIFY, "\"1\""))).isEqualTo(401);
        verifyNoInteractions(defects);
        when(defects.classify(eq(ID), eq(1), any(), eq("qe.sun"))).thenReturn(defect(2));
        MvcResult ok = perform(classify(CLASSIFY, "\"1\"").with(as("qe.sun", "QUALITY")));
        assertThat(ok.getResponse().getStatus()).isEqualTo(200);
        assertThat(ok.getResponse().getHeader("ETag")).isEqualTo("\"2\"");
        when(defects.analyse(eq(ID), eq(null), any(), eq("qe.sun"))).thenReturn(defect(3));
        assertThat(status(analyse(ANALYSE).with(as("qe.sun", "QUALITY")))).isEqualTo(200);
    }

    @Test
    @DisplayName("QLT-01 classification is an edit of a shared record: no If-Match → 428, malformed → 400 naming If-Match, stale → 412")
    void QLT01_classificationNeedsIfMatch() throws Exception {
        assertThat(status(classify(CLASSIFY, null).with(as("qe.sun", "QUALITY")))).isEqualTo(428);
        assertThat(fields(perform(classify(CLASSIFY, "three").with(as("qe.sun", "QUALITY")))))
                .containsExactly("If-Match");
        verifyNoInteractions(defects);
        when(defects.classify(eq(ID), eq(1), any(), anyString()))
                .thenThrow(new IfMatch.StaleVersionException("defect " + ID, 2));
        assertThat(status(classify(CLASSIFY, "\"1\"").with(as("qe.sun", "QUALITY")))).isEqualTo(412);
    }

    @Test
    @DisplayName("QLT-01 a bad classification → 400 naming each field, never a 500")
    void QLT01_badClassification() throws Exception {
        assertThat(fields(perform(classify("{}", "\"1\"").with(as("qe.sun", "QUALITY")))))
                .contains("failureMode", "cause", "responsibleDepartment");
        assertThat(fields(perform(classify(CLASSIFY.replace("PURCHASING", "MARKETING"), "\"1\"")
                .with(as("qe.sun", "QUALITY"))))).containsExactly("responsibleDepartment");
        assertThat(fields(perform(classify(CLASSIFY.replace("2025-10-01", "2025-13-01"), "\"1\"")
                .with(as("qe.sun", "QUALITY"))))).containsExactly("factoryDate");
        assertThat(fields(perform(classify(CLASSIFY.replace("no cooling", "x".repeat(201)), "\"1\"")
                .with(as("qe.sun", "QUALITY"))))).containsExactly("failureMode");
        assertThat(fields(perform(classify(CLASSIFY.replace("\"no cooling\"", "\"  \""), "\"1\"")
                .with(as("qe.sun", "QUALITY"))))).containsExactly("failureMode");
        verify(defects, org.mockito.Mockito.never()).classify(any(), anyInt(), any(), any());
    }

    @Test
    @DisplayName("QLT-02 a bad analysis → 400 naming each field, never a 500")
    void QLT02_badAnalysis() throws Exception {
        assertThat(fields(perform(analyse("{}").with(as("qe.sun", "QUALITY")))))
                .contains("testResult", "conclusion", "cause", "responsibleDepartment");
        assertThat(fields(perform(analyse(ANALYSE.replace("\"C-VALVE\"", "null")).with(as("qe.sun", "QUALITY")))))
                .containsExactly("cause");
        assertThat(fields(perform(analyse(ANALYSE).header(IfMatch.HEADER, "v2").with(as("qe.sun", "QUALITY")))))
                .containsExactly("If-Match");
        verifyNoInteractions(defects);
    }

    @Test
    @DisplayName("QLT-01 the list's filters: a bad state, source or date → 400 naming it; to before from → the service refuses")
    void QLT01_listFilters() throws Exception {
        assertThat(fields(perform(get("/api/quality/defects?state=LOST").with(as("u", "QUALITY")))))
                .containsExactly("state");
        assertThat(fields(perform(get("/api/quality/defects?source=EMAIL").with(as("u", "QUALITY")))))
                .containsExactly("source");
        assertThat(fields(perform(get("/api/quality/defects?from=2026-02-30").with(as("u", "QUALITY")))))
                .containsExactly("from");
        assertThat(fields(perform(get("/api/quality/defects?productModel=" + "M".repeat(201))
                .with(as("u", "QUALITY"))))).containsExactly("productModel");
        verifyNoInteractions(defects);
        when(defects.search(any(), any(), any(), any(), any(), any(), any(), any()))
                .thenReturn(new PageOf<>(List.of(), 0, 50, 0));
        MvcResult ok = perform(get("/api/quality/defects?productModel=KFR"
                + "&state=AWAITING_ANALYSIS&source=DEFECTIVE_PART_RECEIVED&from=2026-03-01&to=2026-03-31")
                .param("failureMode", "no cooling").with(as("u", "MANAGER")));
        assertThat(ok.getResponse().getStatus()).isEqualTo(200);
        JsonNode page = JSON.readTree(ok.getResponse().getContentAsString());
        assertThat(page.has("items")).isTrue();
        assertThat(page.get("totalItems").asLong()).isZero();
        verify(defects).search(null, "KFR", "no cooling", DefectState.AWAITING_ANALYSIS,
                DefectSource.DEFECTIVE_PART_RECEIVED, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"),
                new Paging(0, 50));
    }
}
