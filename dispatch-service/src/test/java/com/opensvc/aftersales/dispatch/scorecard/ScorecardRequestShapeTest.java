package com.opensvc.aftersales.dispatch.scorecard;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.web.ReportPeriod.Granularity;
import com.opensvc.aftersales.web.ReportPeriod;
import com.opensvc.aftersales.testkit.WebSliceTest;

/** DSP-10 and RPT-01 on a web slice: roles, SEC-02 for technicians, 400 naming the field, the three formats read back. */
@WebSliceTest(ScorecardController.class)
@Import({Scorecards.class, ScorecardRequestShapeTest.Config.class})
class ScorecardRequestShapeTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @TestConfiguration
    static class Config {
        @Bean
        ReportProperties reportProperties() {
            return new ReportProperties(SHANGHAI, 366, 3660);
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ScorecardRepository repository;

    private MvcResult get(String path, String subject, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(as(subject, roles))).andReturn();
    }

    private static List<FieldTaskRow> rows() {
        return List.of(new FieldTaskRow("2026-11", "tech.north", "王师傅", 3, 2, new BigDecimal("120.00"),
                        new BigDecimal("30.00"), new BigDecimal("50.00"), new BigDecimal("200.00")),
                new FieldTaskRow("2026-12", "=cmd", "=cmd", 1, 1, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO));
    }

    @Test
    @DisplayName("DSP-10 the period covers the company's month: 2026-11 → [2026-10-31T16:00Z, 2026-11-30T16:00Z) for every technician")
    void DSP10_supervisorSeesEveryTechnician() throws Exception {
        when(repository.scorecards(any(), any(), any(), any())).thenReturn(List.of());
        for (String role : new String[] {"SUPERVISOR", "MANAGER"}) {
            assertThat(get("/api/dispatch/scorecards?period=2026-11", "boss", role).getResponse().getStatus())
                    .as(role).isEqualTo(200);
        }
        verify(repository, org.mockito.Mockito.times(2)).scorecards(eq("2026-11"),
                eq(Instant.parse("2026-10-31T16:00:00Z")), eq(Instant.parse("2026-11-30T16:00:00Z")), isNull());
    }

    @Test
    @DisplayName("DSP-10 SEC-02 a technician sees only their own scorecard: another's → 403, none named → their own")
    void DSP10_technicianSeesOnlyTheirOwn() throws Exception {
        when(repository.scorecards(any(), any(), any(), any())).thenReturn(List.of());
        when(repository.technicianName("tech.north")).thenReturn("王师傅");
        MvcResult own = get("/api/dispatch/scorecards?period=2026-Q4", "tech.north", "TECHNICIAN");
        assertThat(own.getResponse().getStatus()).isEqualTo(200);
        assertThat(own.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"technicianId\":\"tech.north\"", "王师傅", "\"completedOrders\":0", "\"totalItems\":1");
        assertThat(get("/api/dispatch/scorecards?period=2026-Q4&technicianId=tech.north", "tech.north", "TECHNICIAN")
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(get("/api/dispatch/scorecards?period=2026-Q4&technicianId=tech.south", "tech.north", "TECHNICIAN")
                .getResponse().getStatus()).isEqualTo(403);
        verify(repository, org.mockito.Mockito.never()).scorecards(any(), any(), any(), eq("tech.south"));
    }

    @Test
    @DisplayName("DSP-10 SEC-01 finance, front desk and quality do not see scorecards → 403")
    void DSP10_otherRolesRefused() throws Exception {
        for (String role : new String[] {"FINANCE", "FRONT_DESK", "QUALITY", "SERVICE_DIRECTOR"}) {
            assertThat(get("/api/dispatch/scorecards?period=2026", "x", role).getResponse().getStatus()).as(role)
                    .isEqualTo(403);
        }
        verifyNoInteractions(repository);
    }

    @Test
    @DisplayName("DSP-10 a bad or missing period → 400 naming period")
    void DSP10_badPeriod() throws Exception {
        for (String query : new String[] {"period=2026-Q5", "period=11-2026", ""}) {
            MvcResult result = get("/api/dispatch/scorecards?" + query, "boss", "SUPERVISOR");
            assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
            assertThat(result.getResponse().getContentAsString()).as(query).contains("period");
        }
    }

    @Test
    @DisplayName("RPT-01 field tasks as JSON for supervisors, managers, the service director and finance; not technicians")
    void RPT01_json() throws Exception {
        when(repository.fieldTasks(any(), any(), any(), any(), any())).thenReturn(rows());
        for (String role : new String[] {"SUPERVISOR", "MANAGER", "SERVICE_DIRECTOR", "FINANCE"}) {
            MvcResult result = get("/api/dispatch/reports/field-tasks?groupBy=technician&granularity=month&from=2026-11-01&to=2026-12-31",
                    "boss", role);
            assertThat(result.getResponse().getStatus()).as(role).isEqualTo(200);
            assertThat(result.getResponse().getContentType()).startsWith("application/json");
            assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("\"group\":\"tech.north\"", "\"groupName\":\"王师傅\"", "\"tasks\":3", "\"fees\":200.00");
        }
        verify(repository, org.mockito.Mockito.times(4)).fieldTasks(Granularity.MONTH, ScorecardRepository.GroupBy.TECHNICIAN,
                Instant.parse("2026-10-31T16:00:00Z"), Instant.parse("2026-12-31T16:00:00Z"), SHANGHAI);
        for (String role : new String[] {"TECHNICIAN", "FRONT_DESK", "QUALITY"}) {
            assertThat(get("/api/dispatch/reports/field-tasks?from=2026-11-01&to=2026-11-30", "x", role)
                    .getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(get("/api/dispatch/reports/field-tasks.xlsx?from=2026-11-01&to=2026-11-30", "x", role)
                    .getResponse().getStatus()).as(role).isEqualTo(403);
        }
    }

    @Test
    @DisplayName("RPT-01 CSV by Accept: text/csv and at field-tasks.csv: UTF-8 with BOM, Chinese names, formulas defused")
    void RPT01_csv() throws Exception {
        when(repository.fieldTasks(any(), any(), any(), any(), any())).thenReturn(rows());
        MvcResult byAccept = mvc.perform(MockMvcRequestBuilders
                .get("/api/dispatch/reports/field-tasks?groupBy=region&granularity=quarter&from=2026-01-01&to=2026-12-31")
                .header("Accept", "text/csv").with(as("fin", "FINANCE"))).andReturn();
        MvcResult byPath = get("/api/dispatch/reports/field-tasks.csv?groupBy=product&granularity=year&from=2026-01-01&to=2026-12-31",
                "fin", "FINANCE");
        for (MvcResult result : List.of(byAccept, byPath)) {
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(result.getResponse().getContentType()).startsWith("text/csv");
            assertThat(result.getResponse().getHeader("Content-Disposition")).contains("field-tasks-2026-01-01-2026-12-31.csv");
            String text = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF");
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text.substring(1))).getRecords();
            assertThat(records).hasSize(2);
            assertThat(records.get(0).get("groupName")).isEqualTo("王师傅");
            assertThat(records.get(0).get("fees")).isEqualTo("200.00");
            assertThat(records.get(1).get("group")).isEqualTo("'=cmd");
        }
        verify(repository).fieldTasks(eq(Granularity.QUARTER), eq(ScorecardRepository.GroupBy.REGION), any(), any(), any());
        verify(repository).fieldTasks(eq(Granularity.YEAR), eq(ScorecardRepository.GroupBy.PRODUCT), any(), any(), any());
    }

    @Test
    @DisplayName("RPT-01 the Excel workbook at field-tasks.xlsx (and by Accept) reads back with POI: numbers as numbers")
    void RPT01_xlsx() throws Exception {
        when(repository.fieldTasks(any(), any(), any(), any(), any())).thenReturn(rows());
        MvcResult byPath = get("/api/dispatch/reports/field-tasks.xlsx?granularity=day&from=2026-11-01&to=2026-11-30",
                "mgr", "MANAGER");
        MvcResult byAccept = mvc.perform(MockMvcRequestBuilders
                .get("/api/dispatch/reports/field-tasks?granularity=day&from=2026-11-01&to=2026-11-30")
                .header("Accept", XLSX).with(as("mgr", "MANAGER"))).andReturn();
        for (MvcResult result : List.of(byPath, byAccept)) {
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(result.getResponse().getContentType()).isEqualTo(XLSX);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
                Sheet sheet = workbook.getSheet(FieldTaskFiles.SHEET);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("period");
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2026-11");
                assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("王师傅");
                assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(3.0);
                assertThat(sheet.getRow(1).getCell(8).getNumericCellValue()).isEqualTo(200.0);
                assertThat(sheet.getLastRowNum()).isEqualTo(2);
            }
        }
    }

    @Test
    @DisplayName("RPT-01 bad ranges → 400 naming the field: from/to missing or malformed, to before from, too long, unknown groupBy or granularity")
    void RPT01_badRanges() throws Exception {
        String base = "/api/dispatch/reports/field-tasks";
        String[][] cases = {
                {"?to=2026-11-30", "from"},
                {"?from=2026-11-01", "to"},
                {"?from=2026-11-31&to=2026-12-01", "from"},
                {"?from=2026-11-01&to=yesterday", "to"},
                {"?from=2026-11-30&to=2026-11-01", "to"},
                {"?granularity=day&from=2025-01-01&to=2026-11-30", "to"},
                {"?granularity=year&from=1000-01-01&to=2026-11-30", "to"},
                {"?groupBy=customer&from=2026-11-01&to=2026-11-30", "groupBy"},
                {"?granularity=week&from=2026-11-01&to=2026-11-30", "granularity"},
        };
        for (String[] c : cases) {
            for (String path : new String[] {base, base + ".csv", base + ".xlsx"}) {
                MvcResult result = get(path + c[0], "boss", "SUPERVISOR");
                assertThat(result.getResponse().getStatus()).as(path + c[0]).isEqualTo(400);
                assertThat(result.getResponse().getContentAsString()).as(path + c[0]).contains("\"" + c[1] + "\"");
            }
        }
        verifyNoInteractions(repository);
    }
}
