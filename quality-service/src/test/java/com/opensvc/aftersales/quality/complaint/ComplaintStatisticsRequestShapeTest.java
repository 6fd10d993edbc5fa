package com.opensvc.aftersales.quality.complaint;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.PageOf;

/** QLT-04, RPT-01: the complaint statistics' roles and request shapes, on a web slice (no platform). */
@WebSliceTest(ComplaintStatisticsController.class)
class ComplaintStatisticsRequestShapeTest {
    private static final String PERIOD = "?from=2026-11-01&to=2026-11-30";
    private static final List<String> PATHS = List.of("/api/quality/complaint-statistics",
            "/api/quality/complaint-statistics.csv", "/api/quality/complaint-statistics.xlsx",
            "/api/quality/reports/complaints", "/api/quality/reports/complaints.csv",
            "/api/quality/reports/complaints.xlsx");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ComplaintStatistics statistics;

    @BeforeEach
    void figures() {
        LocalDate from = LocalDate.parse("2026-11-01");
        LocalDate to = LocalDate.parse("2026-11-30");
        ComplaintCounts counts = ComplaintCounts.of(from, to, List.of());
        when(statistics.counts(any(), any())).thenReturn(counts);
        when(statistics.report(any(), any(), any(), any())).thenReturn(new PageOf<>(List.of(), 0, 50, 0));
        when(statistics.reportTable(any(), any(), any()))
                .thenReturn(ComplaintStatistics.groupTable("complaints", "month", List.of()));
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder get(String path) {
        return MockMvcRequestBuilders.get(path);
    }

    @Test
    @DisplayName("QLT-04 SEC-01 complaint statistics: no token → 401; front desk and technician → 403; the readers → 200")
    void QLT04_roles() throws Exception {
        for (String path : PATHS) {
            assertThat(perform(get(path + PERIOD)).getStatus()).as(path).isEqualTo(401);
            assertThat(perform(get(path + PERIOD).with(as("desk.li", "FRONT_DESK"))).getStatus()).as(path)
                    .isEqualTo(403);
            assertThat(perform(get(path + PERIOD).with(as("tech.north", "TECHNICIAN"))).getStatus()).as(path)
                    .isEqualTo(403);
            for (String role : List.of("QUALITY", "MANAGER", "CUSTOMER_MANAGER", "SERVICE_DIRECTOR",
                    "GENERAL_MANAGER", "TECHNICAL_DIRECTOR")) {
                assertThat(perform(get(path + PERIOD).with(as("reader", role))).getStatus()).as(path + " " + role)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    @DisplayName("QLT-04 RPT-01 CSV and Excel downloads of the statistics and the report")
    void QLT04_downloads() throws Exception {
        MockHttpServletResponse csv = perform(get("/api/quality/complaint-statistics.csv" + PERIOD)
                .with(as("qe.sun", "QUALITY")));
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition"))
                .contains("complaint-statistics-2026-11-01-2026-11-30.csv");
        String text = csv.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("section,key,count").contains("customerClass,UNKNOWN,0")
                .contains("satisfaction,NOT_REVISITED,0");
        MockHttpServletResponse xlsx = perform(get("/api/quality/reports/complaints.xlsx" + PERIOD + "&groupBy=region")
                .with(as("qe.sun", "QUALITY")));
        assertThat(xlsx.getContentType()).startsWith(com.opensvc.aftersales.web.ReportFiles.XLSX);
        assertThat(xlsx.getHeader("Content-Disposition")).contains("complaints-by-region-");
        assertThat(xlsx.getContentAsByteArray()).startsWith(new byte[] {'P', 'K'});
    }

    @Test
    @DisplayName("QLT-04 RPT-01 bad periods and groupings are 400s naming the field")
    void QLT04_badPeriods() throws Exception {
        for (String path : PATHS) {
            assertBad(path + "?to=2026-11-30", "from");
            assertBad(path + "?from=2026-11-01", "to");
            assertBad(path + "?from=2026-11-31&to=2026-12-01", "from");
            assertBad(path + "?from=2026-12-01&to=2026-11-30", "to");
            assertBad(path + "?from=2025-11-01&to=2026-11-30", "from");
        }
        assertBad("/api/quality/reports/complaints" + PERIOD + "&groupBy=week", "groupBy");
        assertBad("/api/quality/reports/complaints.csv" + PERIOD + "&groupBy=week", "groupBy");
        assertBad("/api/quality/reports/complaints" + PERIOD + "&size=500", "size");
        assertThat(perform(get("/api/quality/complaint-statistics?from=2025-12-01&to=2026-11-30")
                .with(as("qe.sun", "QUALITY"))).getStatus()).as("366 days").isEqualTo(200);
    }

    private void assertBad(String path, String field) throws Exception {
        MockHttpServletResponse response = perform(get(path).with(as("qe.sun", "QUALITY")));
        assertThat(response.getStatus()).as(path).isEqualTo(400);
        assertThat(response.getContentType()).as(path).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).as(path).contains("\"" + field + "\"");
    }

}
